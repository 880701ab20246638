"""Writes of the reporting periods: opening one (a draft for every reporting member, the
plan carried forward, the invitation mailed) and the deadline reminders."""

from __future__ import annotations

from datetime import date, timedelta
from functools import partial

from django.core.exceptions import ValidationError
from django.core.mail import send_mass_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from members.models import Membership
from trustone.access.actor import Actor
from trustone.access.errors import require
from trustone.audit.services import audit_record

from ...models import Report, ReportingPeriod, ReportStatus
from ..selectors.periods import current_framework, reporting_members
from .plans import plan_carry_forward

REMINDER_DAYS = (14, 3)  # reminders this many days before the deadline


@transaction.atomic
def period_open(
    *, actor: Actor, year: int, deadline: date, organisation_ids: list[int] | None = None
) -> ReportingPeriod:
    """Open the reporting period for `year` (secretariat): a draft report for every
    reporting member (or the chosen ones), each told by e-mail after the commit."""
    require(actor.is_secretariat_admin)
    if ReportingPeriod.objects.filter(year=year).exists():
        raise ValidationError(
            {"year": _("The reporting period %(year)s is already open.") % {"year": year}}
        )
    if deadline <= timezone.localdate():
        raise ValidationError({"deadline": _("The deadline must be in the future.")})
    framework = current_framework()
    period = ReportingPeriod.objects.create(
        year=year, deadline=deadline, framework=framework, opened_by=actor.user
    )
    members = reporting_members(timezone.localdate())
    if organisation_ids is not None:
        members = members.filter(pk__in=organisation_ids)
    reports = Report.objects.bulk_create(
        Report(organisation=organisation, period=period, framework=framework)
        for organisation in members
    )
    for report in reports:
        plan_carry_forward(report=report)
    audit_record(
        actor=actor,
        action="period_opened",
        target=period,
        data={"reports": len(reports), "deadline": deadline.isoformat()},
    )
    transaction.on_commit(
        lambda: _tell(
            period, [r.organisation_id for r in reports], "assessments/email/period_opened.txt"
        )
    )
    return period


def _admin_addresses(organisation_ids: list[int]) -> dict[int, list[str]]:
    addresses: dict[int, list[str]] = {}
    for organisation_id, email in Membership.objects.filter(
        organisation_id__in=organisation_ids, is_active=True
    ).values_list("organisation_id", "user__email"):
        addresses.setdefault(organisation_id, []).append(email)
    return addresses


def _tell(period: ReportingPeriod, organisation_ids: list[int], template: str) -> int:
    messages = []
    with translation.override("nl"):
        subject = _("TruStone: your report on %(year)s is due on %(date)s") % {
            "year": period.year,
            "date": date_format(period.deadline, "DATE_FORMAT"),
        }
        body = render_to_string(template, {"period": period})
    for recipients in _admin_addresses(organisation_ids).values():
        messages.append((subject, body, None, recipients))
    send_mass_mail(messages, fail_silently=False)
    return len(messages)


def reminders_send(*, today: date | None = None) -> int:
    """Remind companies with an unsubmitted report 14 and 3 days before the deadline.
    Idempotent: a report is reminded at most once a day (for the beat task)."""
    today = today or timezone.localdate()
    due = [today + timedelta(days=days) for days in REMINDER_DAYS]
    sent = 0
    for period in ReportingPeriod.objects.filter(deadline__in=due):
        with transaction.atomic():
            reports = list(
                Report.objects.select_for_update()
                .filter(period=period, status__in=[ReportStatus.DRAFT, ReportStatus.RETURNED])
                .exclude(reminded_on=today)
            )
            Report.objects.filter(pk__in=[r.pk for r in reports]).update(reminded_on=today)
            organisation_ids = [r.organisation_id for r in reports]
            transaction.on_commit(
                partial(_tell, period, organisation_ids, "assessments/email/period_reminder.txt")
            )
        sent += len(reports)
    return sent
