"""Writes of the membership lifecycle: registration data, declarations, notice,
terminations, levels recorded by the secretariat."""

from __future__ import annotations

import hashlib
from datetime import date
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.core.mail import EmailMessage, send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from trustone.access.actor import Actor
from trustone.access.errors import require
from trustone.audit.services import audit_record
from trustone.pdf import render_pdf
from trustone.services import model_update

from . import rules
from .disputes import has_pending_dispute
from .levels import level_assignment_add
from .models import (
    CovenantMembership,
    Declaration,
    LevelAssignment,
    Organisation,
    Termination,
    TerminationKind,
)
from .public import listing_changed

MEMBER_TYPES_BY_KIND = {
    "company": ("full", "associated", "supporting"),
    "government": ("government",),
    "sector_organisation": ("collective", "supporting"),
    "ngo": ("supporting",),
    "union": ("supporting",),
}


#: The membership data the secretariat registers (join and end dates follow from
#: declarations and terminations).
COVENANT_FIELDS = (
    "member_type",
    "collective_via",
    "employees",
    "annual_revenue_eur",
    "establishments",
    "chains",
    "full_due_diligence",
    "collective_member_count",
    "supplies_public_clients",
)


def _secretariat_only(actor: Actor) -> None:
    """Membership data, terminations and levels are the coordinator's to record."""
    require(actor.is_secretariat_admin)


@transaction.atomic
def covenant_membership_save(
    *, actor: Actor, organisation: Organisation, **fields: Any
) -> CovenantMembership:
    """Register or update an organisation's membership data (secretariat only). The join
    and end dates are not fields here: they follow from declarations and terminations."""
    _secretariat_only(actor)
    member_type = fields.get("member_type")
    if member_type not in MEMBER_TYPES_BY_KIND.get(organisation.kind, ()):
        raise ValidationError(
            {"member_type": _("This kind of organisation cannot have this membership type.")}
        )
    existing = CovenantMembership.objects.filter(organisation=organisation).first()
    created = existing is None
    membership, _changed = model_update(
        existing or CovenantMembership(organisation=organisation),
        fields=COVENANT_FIELDS,
        data=fields,
    )
    listing_changed(after_commit=True)
    audit_record(
        actor=actor,
        action="membership_registered" if created else "membership_updated",
        target=membership,
        data={"member_type": member_type},
    )
    return membership


def declaration_text(chapter: str, language: str) -> str:
    return render_to_string(f"members/declarations/{chapter}_{language}.html")


@transaction.atomic
def declaration_sign(
    *,
    actor: Actor,
    organisation: Organisation,
    signer_name: str,
    signer_function: str,
    signed_on: date,
    language: str,
    agreed: bool,
    recorded_from_paper: bool = False,
) -> Declaration:
    """An admin of the organisation signs its declaration, dated today. The PDF of exactly
    what was signed is stored and the signing date becomes the join date. Signed once.
    `recorded_from_paper` (demo data, migrations of paper declarations) allows a past
    date."""
    if not (actor.acts_for(organisation) and actor.is_admin):
        raise PermissionDenied
    membership = (
        CovenantMembership.objects.select_for_update().filter(organisation=organisation).first()
    )
    if membership is None:
        raise ValidationError(_("The secretariat has not registered your membership yet."))
    if organisation.declarations.exists():
        raise ValidationError(_("Your organisation has already signed its declaration."))
    errors: dict[str, str] = {}
    if not agreed:
        errors["agreed"] = _("Tick the box to agree with the declaration.")
    if signed_on > timezone.localdate():
        errors["signed_on"] = _("The date cannot be in the future.")
    elif signed_on != timezone.localdate() and not recorded_from_paper:
        # The join date follows from this date: it cannot be chosen in the portal.
        errors["signed_on"] = _("A declaration signed in the portal is dated today.")
    if errors:
        raise ValidationError(errors)
    chapter = rules.declaration_chapter(membership.member_type)
    language = language if language in {"nl", "en"} else "nl"
    text = declaration_text(chapter, language)
    declaration = Declaration(
        organisation=organisation,
        chapter=chapter,
        language=language,
        signer_name=signer_name.strip(),
        signer_function=signer_function.strip(),
        signed_on=signed_on,
        signed_by=actor.user,
        text_sha256=hashlib.sha256(text.encode()).hexdigest(),
    )
    pdf = render_pdf(
        "pdf/members/declaration.html",
        {
            "declaration": declaration,
            "organisation": organisation,
            "text": text,
            "signed_at": timezone.now(),
        },
        language=language,
    )
    declaration.pdf.save(
        f"declaration-{organisation.slug}-{chapter}.pdf", ContentFile(pdf), save=False
    )
    declaration.full_clean()
    declaration.save()
    membership.joined_on = signed_on
    membership.save(update_fields=["joined_on"])
    listing_changed(after_commit=True)
    audit_record(
        actor=actor,
        action="declaration_signed",
        target=declaration,
        data={"chapter": chapter, "signed_on": signed_on.isoformat()},
    )
    recipient = actor.user.email if actor.user else ""
    transaction.on_commit(lambda: _send_declaration(declaration, recipient, pdf))
    return declaration


def _send_declaration(declaration: Declaration, recipient: str, pdf: bytes) -> None:
    with translation.override(declaration.language):
        message = EmailMessage(
            subject=_("Your signed TruStone declaration"),
            body=render_to_string(
                "members/email/declaration_signed.txt", {"declaration": declaration}
            ),
            to=[recipient],
        )
    message.attach(f"trustone-declaration-{declaration.chapter}.pdf", pdf, "application/pdf")
    message.send()


NOTICE_REFUSALS = {
    "too_early": gettext_noop(
        "Notice is possible from one year after signing the declaration, that is from %(date)s."
    ),
    "dispute_pending": gettext_noop(
        "Notice is not possible while a dispute involving your organisation is pending."
    ),
    "already_ended": gettext_noop(
        "Your organisation has already given notice or its membership has ended."
    ),
}


def notice_preview(*, organisation: Organisation, on: date) -> rules.NoticeOutcome:
    """What notice given on `on` would lead to, for the confirmation page."""
    membership = getattr(organisation, "covenant", None)
    if membership is None or membership.joined_on is None:
        return rules.NoticeOutcome(False, reason="not_a_member")
    return rules.notice_outcome(
        member_kind=organisation.kind,
        signed_on=membership.joined_on,
        notice_on=on,
        dispute_pending=has_pending_dispute(organisation),
        has_ended=membership.ends_on is not None,
    )


def notice_refusal_message(outcome: rules.NoticeOutcome, organisation: Organisation) -> str:
    if outcome.reason == "too_early":
        joined_on = organisation.covenant.joined_on
        if joined_on is None:
            return _("Your organisation is not (yet) a member.")
        earliest = rules.earliest_notice_date(signed_on=joined_on)
        return _(NOTICE_REFUSALS["too_early"]) % {"date": date_format(earliest, "DATE_FORMAT")}
    if outcome.reason in NOTICE_REFUSALS:
        return _(NOTICE_REFUSALS[outcome.reason])
    return _("Your organisation is not (yet) a member.")


@transaction.atomic
def notice_give(*, actor: Actor, organisation: Organisation, reason: str) -> Termination:
    """An admin gives notice for their organisation today, with reasons (Art. 15)."""
    if not (actor.acts_for(organisation) and actor.is_admin):
        raise PermissionDenied
    CovenantMembership.objects.select_for_update().filter(organisation=organisation).first()
    organisation.refresh_from_db()
    today = timezone.localdate()
    outcome = notice_preview(organisation=organisation, on=today)
    if not outcome.accepted:
        raise ValidationError(notice_refusal_message(outcome, organisation))
    if not reason.strip():
        raise ValidationError({"reason": _("Give the reasons for the notice.")})
    assert outcome.ends_on is not None
    return _terminate(
        actor=actor,
        organisation=organisation,
        kind=TerminationKind.NOTICE,
        reason=reason,
        notice_on=today,
        ends_on=outcome.ends_on,
    )


@transaction.atomic
def termination_record(
    *,
    actor: Actor,
    organisation: Organisation,
    kind: str,
    reason: str,
    notice_on: date,
    ends_on: date,
    steering_group_decided_on: date | None,
) -> Termination:
    """The secretariat records a termination decided by or reported to the steering group:
    deemed termination, stopped trading, takeover, expulsion (no notice period). The
    steering group's chair records an expulsion the group decided (DOMAIN §4.5) itself."""
    if not (kind == TerminationKind.EXPULSION and actor.is_steering_group_chair):
        _secretariat_only(actor)
    membership = CovenantMembership.objects.filter(organisation=organisation).first()
    if membership is None or membership.joined_on is None:
        raise ValidationError(_("This organisation is not a member."))
    if membership.ends_on is not None and membership.ends_on <= timezone.localdate():
        raise ValidationError(_("This membership has already ended."))
    if kind == TerminationKind.NOTICE:
        raise ValidationError({"kind": _("Members give notice themselves.")})
    if ends_on < notice_on:
        raise ValidationError({"ends_on": _("The end date cannot be before the decision date.")})
    return _terminate(
        actor=actor,
        organisation=organisation,
        kind=kind,
        reason=reason,
        notice_on=notice_on,
        ends_on=ends_on,
        steering_group_decided_on=steering_group_decided_on,
    )


def _terminate(
    *,
    actor: Actor,
    organisation: Organisation,
    kind: str,
    reason: str,
    notice_on: date,
    ends_on: date,
    steering_group_decided_on: date | None = None,
) -> Termination:
    termination = Termination(
        organisation=organisation,
        kind=kind,
        reason=reason.strip(),
        notice_on=notice_on,
        ends_on=ends_on,
        steering_group_decided_on=steering_group_decided_on,
        recorded_by=actor.user,
    )
    termination.full_clean()
    termination.save()
    CovenantMembership.objects.filter(organisation=organisation).update(ends_on=ends_on)
    listing_changed(after_commit=True)
    audit_record(
        actor=actor,
        action="membership_terminated",
        target=termination,
        data={"kind": kind, "ends_on": ends_on.isoformat()},
    )
    transaction.on_commit(lambda: _notify_termination(termination))
    return termination


def _notify_termination(termination: Termination) -> None:
    """Tell the member's admins and the secretariat (the steering group's secretary)."""
    from .selectors import active_people, secretariat_admins

    admins = list(
        active_people(termination.organisation, role="admin").values_list("email", flat=True)
    )
    secretariat = list(secretariat_admins().values_list("email", flat=True))
    with translation.override("nl"):
        subject = _("Membership of %(organisation)s ends on %(date)s") % {
            "organisation": termination.organisation.name,
            "date": date_format(termination.ends_on, "DATE_FORMAT"),
        }
        body = render_to_string("members/email/termination.txt", {"termination": termination})
    send_mail(subject, body, None, sorted(set(admins + secretariat)))


@transaction.atomic
def level_record(
    *,
    actor: Actor,
    organisation: Organisation,
    year: int,
    level: int,
    decided_on: date,
    explanatory_note: str = "",
) -> LevelAssignment:
    """The secretariat records a level decided outside the portal (for example in the
    covenant's first term). Assessments record theirs through the assessment workflow."""
    _secretariat_only(actor)
    assignment = level_assignment_add(
        organisation=organisation,
        year=year,
        level=level,
        decided_on=decided_on,
        explanatory_note=explanatory_note,
        recorded_by=actor.user,
    )
    audit_record(
        actor=actor, action="level_recorded", target=assignment, data={"year": year, "level": level}
    )
    return assignment
