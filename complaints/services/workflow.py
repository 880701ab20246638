"""The committee's work on a case: messages with the complainant and the member
concerned, the dated steps (admissibility, information, hearing or mediation, ruling,
compliance), recusal, assigning secretariat staff, publishing an anonymised ruling, and
the coordinator recording the steering group's decision on a referral."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from members.models import Organisation, User
from trustone.access.actor import Actor
from trustone.access.errors import NotFound, require
from trustone.audit.services import audit_record

from .. import crypto, rules
from ..models import (
    Audience,
    Case,
    CaseEntry,
    CaseStatus,
    CaseStep,
    PublishedRuling,
    Recusal,
    Side,
)
from ..selectors import (
    PARTY_KINDS,
    Reader,
    case_people,
    is_committee,
    is_committee_chair,
    open_request_asks,
)
from .filing import MAX_TEXT, _check_uploads, attachments_add, unsealed
from .notify import notify_entry

SIDE_OF: dict[Reader, str] = {
    Reader.COMMITTEE: Side.COMMITTEE,
    Reader.STAFF: Side.SECRETARIAT,
    Reader.COMPLAINANT: Side.COMPLAINANT,
    Reader.RESPONDENT: Side.RESPONDENT,
}


def _entry(
    *,
    case: Case,
    side: str,
    audience: str,
    author: Any,
    body: str,
    step: str = "",
    due_on: date | None = None,
) -> CaseEntry:
    return CaseEntry.objects.create(
        case=case,
        side=side,
        audience=audience,
        step=step,
        author=author,
        body=crypto.encrypt_text(body),
        due_on=due_on,
    )


@transaction.atomic
def case_message_post(
    *,
    actor: Actor | None,
    case: Case,
    reader: Reader,
    body: str,
    attachments: list[Any],
    audience: str = "",
) -> CaseEntry:
    """Someone who may open the case writes in it (the caller resolved `reader`). The
    complainant and the member concerned write to the committee; the committee and the
    staff write to one side, to both, or a note for the committee only."""
    if reader == Reader.COMPLAINANT:
        audience = Audience.COMPLAINANT
    elif reader == Reader.RESPONDENT:
        audience = Audience.RESPONDENT
    elif audience not in Audience.values:
        raise ValidationError({"audience": _("Choose who reads this message.")})
    errors: dict[str, str] = {}
    if not body.strip() and not attachments:
        errors["body"] = _("Write a message or add a file.")
    elif len(body) > MAX_TEXT:
        errors["body"] = _("Keep this under %(count)s characters.") % {"count": MAX_TEXT}
    if audience == Audience.RESPONDENT and case.respondent_id is None:
        errors["audience"] = _("No member concerned is recorded for this case yet.")
    if case.status == CaseStatus.CLOSED and reader in (Reader.COMPLAINANT, Reader.RESPONDENT):
        errors["body"] = _("This case is closed.")
    _check_uploads(attachments, errors)
    if errors:
        raise ValidationError(errors)
    author = actor.user if actor is not None else None
    entry = _entry(
        case=case, side=SIDE_OF[reader], audience=audience, author=author, body=body.strip()
    )
    attachments_add(entry, attachments)
    # An answer to a request for information addressed to this side stops its clock.
    answers = reader in (Reader.COMPLAINANT, Reader.RESPONDENT)
    if case.reply_due is not None and answers and open_request_asks(case, reader):
        case.reply_due = None
        case.save(update_fields=["reply_due"])
    audit_record(actor=actor, action="complaint_message_posted", target=case)
    transaction.on_commit(lambda: notify_entry(entry.pk))
    return entry


@transaction.atomic
def case_step_take(
    *,
    actor: Actor,
    case: Case,
    step: str,
    text: str,
    on: date | None = None,
    audience: str = Audience.PARTIES,
) -> CaseEntry:
    """The committee takes a step in the case; it is dated in the case file and sets the
    deadline that follows (the regulation's days, configurable). A step that does not fit
    the case's status is refused."""
    require(is_committee(actor))
    errors: dict[str, str] = {}
    if not rules.step_allowed(case.status, step):
        raise ValidationError({"step": _("This step is not possible at this stage of the case.")})
    if not text.strip():
        errors["text"] = _("Give the reasons or the text of the step.")
    elif len(text) > MAX_TEXT:
        errors["text"] = _("Keep this under %(count)s characters.") % {"count": MAX_TEXT}
    today = timezone.localdate()
    days = settings.COMPLAINTS_DEADLINE_DAYS
    if step in rules.DATED_STEPS:
        if on is None:
            defaults = {"information": days["reply"], "ruling": days["compliance"]}
            if step in defaults:
                on = rules.due_date(today, defaults[step])
            else:
                errors["on"] = _("Give the date of the hearing or mediation.")
        elif on < today:
            errors["on"] = _("This date is in the past.")
    if step == CaseStep.INFORMATION:
        if audience not in (Audience.COMPLAINANT, Audience.RESPONDENT, Audience.PARTIES):
            errors["audience"] = _("Choose whom the committee asks.")
        elif audience != Audience.COMPLAINANT and case.respondent_id is None:
            errors["audience"] = _("No member concerned is recorded for this case yet.")
    else:
        audience = Audience.PARTIES
    if step == CaseStep.NOT_COMPLIED and case.respondent_id is None:
        errors["step"] = _("Record the member concerned before referring the case.")
    if errors:
        raise ValidationError(errors)
    before = case.status
    case.status = rules.status_after(case.status, step)
    if step == CaseStep.ADMISSIBLE:
        case.ruling_due = rules.due_date(today, days["ruling"])
    elif step == CaseStep.INFORMATION:
        case.reply_due = on
    elif step in (CaseStep.HEARING, CaseStep.MEDIATION):
        case.hearing_on = on
    elif step == CaseStep.RULING:
        case.compliance_due = on
    if case.status == CaseStatus.CLOSED:
        case.closed_at = timezone.now()
        case.closure = step
        case.reply_due = None
    case.save()
    entry = _entry(
        case=case,
        side=Side.COMMITTEE,
        audience=audience,
        author=actor.user,
        body=text.strip(),
        step=step,
        due_on=on,
    )
    audit_record(
        actor=actor,
        action="complaint_step_taken",
        target=case,
        data={"step": step, "from": before, "to": case.status},
    )
    transaction.on_commit(lambda: notify_entry(entry.pk))
    return entry


@transaction.atomic
def case_respondent_set(*, actor: Actor, case: Case, organisation_id: int | None) -> Case:
    """The committee records which member a complaint concerns (a dispute names it at
    filing): then it can hear that member and refer it to the steering group."""
    require(is_committee(actor))
    organisation = Organisation.objects.filter(
        pk=organisation_id or 0, kind__in=PARTY_KINDS, is_active=True
    ).first()
    if organisation is None:
        raise ValidationError({"respondent": _("Choose a member or party.")})
    if case.filed_by_organisation_id == organisation.pk:
        raise ValidationError({"respondent": _("This organisation filed the case.")})
    case.respondent = organisation
    case.save(update_fields=["respondent"])
    audit_record(
        actor=actor,
        action="complaint_respondent_set",
        target=case,
        data={"organisation": organisation.pk},
    )
    return case


def assignable_staff() -> list[User]:
    """The secretariat's people the committee can assign to a case: the coordinator and
    the assessors (a plain secretariat member writes nothing)."""
    return list(
        User.objects.filter(
            is_active=True,
            memberships__organisation__kind="secretariat",
            memberships__role__in=("admin", "assessor"),
            memberships__is_active=True,
        )
        .distinct()
        .order_by("full_name", "email")
    )


@transaction.atomic
def case_staff_assign(*, actor: Actor, case: Case, user_ids: list[int]) -> Case:
    """The committee's chair assigns the secretariat staff who support it in the case:
    only they, of the secretariat, can open it."""
    require(is_committee_chair(actor))
    staff = {user.pk: user for user in assignable_staff()}
    if any(user_id not in staff for user_id in user_ids):
        raise ValidationError({"staff": _("Choose people of the secretariat.")})
    case.assigned_staff.set([staff[user_id] for user_id in user_ids])
    audit_record(
        actor=actor, action="complaint_staff_assigned", target=case, data={"staff": user_ids}
    )
    return case


def recusable_people(case: Case) -> list[User]:
    """The committee's members and the case's staff who may be recused."""
    return case_people(case)


@transaction.atomic
def case_recuse(*, actor: Actor, case: Case, user_id: int) -> Recusal:
    """A committee member declares a conflict of interest, or the chair records one for
    a member or assigned staff: from then on the case does not exist for that person."""
    require(is_committee(actor) and (actor.is_admin or actor.person.pk == user_id))
    person = next((user for user in recusable_people(case) if user.pk == user_id), None)
    if person is None:
        raise NotFound
    recusal = Recusal.objects.create(case=case, user=person, recorded_by=actor.person)
    case.assigned_staff.remove(person)
    audit_record(actor=actor, action="complaint_recusal", target=case, data={"user": user_id})
    return recusal


def _names_to_hide(case: Case) -> list[str]:
    names = [org.name for org in (case.respondent, case.filed_by_organisation) if org]
    contact = unsealed(case.contact)
    content = unsealed(case.content)
    names += [contact.get("name", ""), content.get("company", "")]
    names += [part for part in contact.get("name", "").split() if len(part) >= 4]
    return [name for name in names if name]


@transaction.atomic
def ruling_publish(*, actor: Actor, case: Case, title: str, summary: str) -> PublishedRuling:
    """The committee publishes its ruling in anonymised form. A text that still holds
    the name of the complainant, the member concerned or the filing organisation is
    refused. Publishing again replaces the public text."""
    require(is_committee(actor))
    ruling = case.entries.filter(step=CaseStep.RULING).order_by("-created_at").first()
    if ruling is None:
        raise ValidationError({"summary": _("The committee has not ruled in this case yet.")})
    errors: dict[str, str] = {}
    if not title.strip():
        errors["title"] = _("This field is required.")
    if not summary.strip():
        errors["summary"] = _("This field is required.")
    named = rules.names_in_text(f"{title}\n{summary}", _names_to_hide(case))
    if named:
        errors["summary"] = _(
            "The text still names someone involved (%(names)s): the published ruling must "
            "be anonymous."
        ) % {"names": ", ".join(named)}
    if errors:
        raise ValidationError(errors)
    published, _created = PublishedRuling.objects.update_or_create(
        case=case,
        defaults={
            "title": title.strip(),
            "summary": summary.strip(),
            "ruled_on": timezone.localdate(ruling.created_at),
            "published_at": timezone.now(),
            "published_by": actor.person,
        },
    )
    published.full_clean()
    audit_record(actor=actor, action="complaint_ruling_published", target=case)
    return published


@transaction.atomic
def ruling_unpublish(*, actor: Actor, case: Case) -> None:
    """The committee takes a published ruling off the public page."""
    require(is_committee(actor))
    deleted, _details = PublishedRuling.objects.filter(case=case).delete()
    if deleted:
        audit_record(actor=actor, action="complaint_ruling_unpublished", target=case)


@transaction.atomic
def referral_decide(*, actor: Actor, case: Case, expelled: bool, decided_on: date) -> Case:
    """The coordinator records what the steering group decided on a member the committee
    referred to it (Art. 15: expulsion for culpably ignoring a ruling). The expulsion
    itself is recorded as a termination in the membership lifecycle; this closes the
    case."""
    require(actor.is_secretariat_admin and case.status == CaseStatus.REFERRED)
    if decided_on > timezone.localdate():
        raise ValidationError({"decided_on": _("This date is in the future.")})
    text = (
        _("The steering group decided on %(date)s to expel the member.")
        if expelled
        else _("The steering group decided on %(date)s not to expel the member.")
    ) % {"date": decided_on.isoformat()}
    case.status = rules.status_after(case.status, CaseStep.STEERING_GROUP)
    case.closed_at = timezone.now()
    case.closure = CaseStep.STEERING_GROUP
    case.save()
    entry = _entry(
        case=case,
        side=Side.SECRETARIAT,
        audience=Audience.PARTIES,
        author=actor.user,
        body=text,
        step=CaseStep.STEERING_GROUP,
        due_on=decided_on,
    )
    audit_record(
        actor=actor, action="complaint_referral_decided", target=case, data={"expelled": expelled}
    )
    transaction.on_commit(lambda: notify_entry(entry.pk))
    return case
