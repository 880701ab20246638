"""Writes of the tenders: a government registers, changes and removes its tenders; the
contract phase's reminders are sent once each."""

from __future__ import annotations

from datetime import date, timedelta
from functools import partial
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from members.selectors import active_people
from trustone.access.actor import Actor
from trustone.access.errors import require
from trustone.audit.services import audit_record
from trustone.mail import mail_users

from .. import rules
from ..catalogue import catalogue_in_force
from ..models import (
    AmbitionLevel,
    BidderStatement,
    ReminderKind,
    Tender,
    TenderPhase,
    TenderReminder,
    ValueBand,
)
from .selectors import contract_deadlines, is_government, member_contractors

#: A reminder this many working days before a deadline.
REMIND_BEFORE_WORKING_DAYS = 5


@transaction.atomic
def tender_save(
    *,
    actor: Actor,
    data: dict[str, Any],
    criteria_ids: list[int],
    tender: Tender | None = None,
) -> Tender:
    """A government user registers a tender with natural stone, or changes one of its
    own. Every field that is wrong is named."""
    require(is_government(actor))
    errors: dict[str, str] = {}
    today = timezone.localdate()
    if not str(data.get("title", "")).strip():
        errors["title"] = _("Give the tender's title.")
    tendered_on = data.get("tendered_on")
    if not isinstance(tendered_on, date):
        errors["tendered_on"] = _("Give the date of the tender.")
    elif tendered_on > today + timedelta(days=366):
        errors["tendered_on"] = _("This date is more than a year ahead.")
    if data.get("value_band") not in ValueBand.values:
        errors["value_band"] = _("Choose the estimated value.")
    phases = [phase for phase in TenderPhase.values if phase in (data.get("phases") or [])]
    if data.get("ambition") not in AmbitionLevel.values:
        errors["ambition"] = _("Choose the ambition level.")
    isv_applied = bool(data.get("isv_applied"))
    explanation = str(data.get("isv_explanation", "")).strip()
    if not isv_applied and not explanation:
        errors["isv_explanation"] = _(
            "Apply or explain: say why the International Social Conditions were not applied."
        )
    if isv_applied and not phases:
        errors["phases"] = _("Choose the phase or phases in which the criteria were applied.")
    catalogue = tender.catalogue if tender and tender.catalogue else catalogue_in_force()
    criteria = list(catalogue.criteria.filter(pk__in=criteria_ids)) if catalogue else []
    if len(criteria) != len(set(criteria_ids)):
        errors["criteria"] = _("Choose criteria from the catalogue.")
    elif any(criterion.phase not in phases for criterion in criteria):
        errors["criteria"] = _("A chosen criterion belongs to a phase you did not tick.")
    contractor = data.get("contractor")
    if contractor is not None and not member_contractors().filter(pk=contractor.pk).exists():
        errors["contractor"] = _("Choose a member of the covenant, or type the name instead.")
    closed_on = data.get("contract_closed_on")
    if closed_on is not None and isinstance(tendered_on, date) and closed_on < tendered_on:
        errors["contract_closed_on"] = _("The contract cannot be closed before the tender.")
    if closed_on is not None and not (contractor or str(data.get("contractor_name", "")).strip()):
        errors["contractor_name"] = _("Name the contractor the contract was closed with.")
    if errors:
        raise ValidationError(errors)
    is_new = tender is None
    tender = tender or Tender(government=actor.organisation, created_by=actor.person)
    tender.title = str(data["title"]).strip()
    tender.reference = str(data.get("reference", "")).strip()
    tender.tendered_on = tendered_on  # type: ignore[assignment]
    tender.value_band = data["value_band"]
    tender.phases = phases
    tender.ambition = data["ambition"]
    tender.catalogue = catalogue
    tender.isv_applied = isv_applied
    tender.isv_explanation = "" if isv_applied else explanation
    tender.contractor = contractor
    tender.contractor_name = (
        contractor.name if contractor else str(data.get("contractor_name", "")).strip()
    )
    tender.contract_closed_on = closed_on
    tender.updated_at = timezone.now()
    tender.full_clean(exclude=["catalogue", "statement"])
    tender.save()
    tender.criteria.set(criteria)
    audit_record(
        actor=actor, action="tender_registered" if is_new else "tender_changed", target=tender
    )
    return tender


@transaction.atomic
def tender_delete(*, actor: Actor, tender: Tender) -> None:
    """A government removes a tender it registered by mistake (a submitted annual report
    keeps it, frozen)."""
    require(is_government(actor) and actor.acts_for(tender.government_id))
    audit_record(actor=actor, action="tender_removed", target=tender, data={"title": tender.title})
    tender.criteria.clear()
    tender.reminders.all().delete()
    tender.delete()


@transaction.atomic
def tender_statement_attach(*, actor: Actor, tender: Tender, statement: BidderStatement) -> Tender:
    """Store a bidder-check statement with the tender (its dated result and PDF)."""
    require(is_government(actor) and actor.acts_for(tender.government_id))
    tender.statement = statement
    tender.save(update_fields=["statement"])
    audit_record(
        actor=actor, action="tender_bidder_checked", target=tender, data={"code": statement.code}
    )
    return tender


def due_reminders(tender: Tender, today: date) -> list[tuple[str, date]]:
    """The reminders due for a tender today: a week before each contract deadline, and
    the day after it passed (each is sent once)."""
    deadlines = contract_deadlines(tender)
    if deadlines is None:
        return []
    country = tender.government.country if tender.government.country in ("NL", "BE") else "NL"
    due: list[tuple[str, date]] = []
    for soon, late, deadline in (
        (ReminderKind.RISK_ANALYSIS_SOON, ReminderKind.RISK_ANALYSIS_DUE, deadlines.risk_analysis),
        (ReminderKind.PLAN_SOON, ReminderKind.PLAN_DUE, deadlines.plan_of_action),
    ):
        if today > deadline:
            due.append((late, deadline))
        elif rules.working_days_after(today, REMIND_BEFORE_WORKING_DAYS, country=country) >= (
            deadline
        ):
            due.append((soon, deadline))
    return due


def reminders_send(today: date | None = None) -> int:
    """Send every contract reminder due today that was not sent before (idempotent: a
    reminder is recorded once, in the same transaction as its e-mail is queued). Returns
    the number sent."""
    today = today or timezone.localdate()
    sent = 0
    recent = today - timedelta(days=120)
    tenders = Tender.objects.filter(
        contract_closed_on__isnull=False, contract_closed_on__gte=recent
    ).select_related("government")
    for tender in tenders:
        for kind, deadline in due_reminders(tender, today):
            with transaction.atomic():
                _reminder, created = TenderReminder.objects.get_or_create(tender=tender, kind=kind)
                if not created:
                    continue
                transaction.on_commit(partial(_mail_reminder, tender, kind, deadline))
                sent += 1
    return sent


def _mail_reminder(tender: Tender, kind: str, deadline: date) -> None:
    labels = dict(ReminderKind.choices)
    mail_users(
        active_people(tender.government),
        lambda: (
            _("TruStone: %(what)s — %(tender)s") % {"what": labels[kind], "tender": tender.title}
        ),
        "procurement/email/tender_reminder.txt",
        {"tender": tender, "kind": kind, "deadline": deadline},
    )
