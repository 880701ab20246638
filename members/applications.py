"""Applications to become a party to the covenant (Art. 14, Bijlage 6)."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import QuerySet
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from trustone.access.actor import Actor
from trustone.access.errors import NotFound, require
from trustone.audit.services import audit_record

from .models import ApplicationStatus, Membership, PartyApplication


def _emails_of_admins(**organisation_filter: Any) -> list[str]:
    return sorted(
        set(
            Membership.objects.filter(
                role="admin",
                is_active=True,
                **{f"organisation__{k}": v for k, v in organisation_filter.items()},
            ).values_list("user__email", flat=True)
        )
    )


def _mail(template: str, subject: str, recipients: list[str], context: dict[str, Any]) -> None:
    if not recipients:
        return
    with translation.override("nl"):
        body = render_to_string(template, context)
    send_mail(subject, body, None, recipients)


@transaction.atomic
def party_application_submit(**fields: Any) -> PartyApplication:
    """Anyone may apply (no account needed); the secretariat is told."""
    application = PartyApplication(**fields)
    application.full_clean()
    application.save()
    audit_record(
        actor=None,
        action="party_application_submitted",
        target=application,
        email=application.contact_email,
    )
    with translation.override("nl"):
        subject = _("New application to become a party: %(name)s") % {
            "name": application.organisation_name
        }
    transaction.on_commit(
        lambda: _mail(
            "members/email/application_received.txt",
            subject,
            _emails_of_admins(kind="secretariat"),
            {"application": application},
        )
    )
    transaction.on_commit(
        lambda: _mail(
            "members/email/application_confirmation.txt",
            _("We have received your application to the TruStone Initiative"),
            [application.contact_email],
            {"application": application},
        )
    )
    return application


def party_applications_visible_to(actor: Actor) -> QuerySet[PartyApplication]:
    """The secretariat tracks applications; nobody else sees them in the portal."""
    if not actor.is_secretariat:
        return PartyApplication.objects.none()
    return PartyApplication.objects.all()


def access_party_application(actor: Actor, application_id: int) -> PartyApplication:
    application = party_applications_visible_to(actor).filter(pk=application_id).first()
    if application is None:
        raise NotFound
    return application


@transaction.atomic
def party_application_inform_parties(*, actor: Actor, application: PartyApplication) -> int:
    """The secretary informs the parties of the intended accession (Art. 14.3)."""
    require(actor.is_secretariat_admin)
    if application.status != ApplicationStatus.SUBMITTED:
        raise ValidationError(_("The parties have already been informed."))
    recipients = _emails_of_admins(is_party=True)
    application.status = ApplicationStatus.PARTIES_INFORMED
    application.parties_informed_on = timezone.localdate()
    application.save(update_fields=["status", "parties_informed_on"])
    audit_record(
        actor=actor,
        action="party_application_parties_informed",
        target=application,
        data={"recipients": len(recipients)},
    )
    with translation.override("nl"):
        subject = _("Intended accession to TruStone: %(name)s") % {
            "name": application.organisation_name
        }
    transaction.on_commit(
        lambda: _mail(
            "members/email/application_parties.txt",
            subject,
            recipients,
            {"application": application},
        )
    )
    return len(recipients)


@transaction.atomic
def party_application_decide(
    *, actor: Actor, application: PartyApplication, approved: bool, decided_on: date, note: str
) -> PartyApplication:
    """Record the steering group's decision (Art. 14.4) and tell the applicant
    (a secretariat administrator)."""
    require(actor.is_secretariat_admin)
    if application.status in {ApplicationStatus.APPROVED, ApplicationStatus.REJECTED}:
        raise ValidationError(_("The steering group's decision has already been recorded."))
    if application.status != ApplicationStatus.PARTIES_INFORMED:
        raise ValidationError(_("Inform the parties before the steering group decides."))
    if decided_on > timezone.localdate():
        raise ValidationError({"decided_on": _("The date cannot be in the future.")})
    application.status = ApplicationStatus.APPROVED if approved else ApplicationStatus.REJECTED
    application.decided_on = decided_on
    application.decision_note = note.strip()
    application.save(update_fields=["status", "decided_on", "decision_note"])
    audit_record(
        actor=actor,
        action="party_application_decided",
        target=application,
        data={"approved": approved},
    )
    transaction.on_commit(
        lambda: _mail(
            "members/email/application_decision.txt",
            _("Decision on your application to the TruStone Initiative"),
            [application.contact_email],
            {"application": application},
        )
    )
    return application
