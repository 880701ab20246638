"""Reporting periods: the secretariat opens one, members are told, reminders follow."""

from __future__ import annotations

from datetime import date, timedelta
from functools import partial
from typing import Any

from django.core.exceptions import ValidationError
from django.core.mail import send_mass_mail
from django.db import transaction
from django.db.models import Count, Q, QuerySet
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from trustone.access.actor import Actor
from trustone.access.errors import require
from trustone.audit.services import audit_record

from ..models import Framework, Report, ReportingPeriod, ReportStatus

REMINDER_DAYS = (14, 3)  # reminders this many days before the deadline


def reporting_members(on: date) -> QuerySet[Any]:
    """Full and associated members whose membership runs on `on`: they report."""
    from members.public import listed_organisations

    return (
        listed_organisations(on=on)
        .filter(covenant__member_type__in=["full", "associated"])
        .order_by("name")
    )


def current_framework() -> Framework:
    framework = Framework.objects.filter(is_published=True).order_by("-version").first()
    if framework is None:
        raise ValidationError(_("There is no published assessment framework."))
    return framework


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
    from .plans import plan_carry_forward

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
    from members.models import Membership

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


def periods_overview(actor: Actor) -> list[Any]:
    """Every period with its number of reports and of submitted reports (secretariat)."""
    if not actor.is_secretariat:
        return []
    return list(
        ReportingPeriod.objects.annotate(
            report_count=Count("reports", filter=Q(reports__version=1)),
            submitted_count=Count("reports", filter=Q(reports__status=ReportStatus.SUBMITTED)),
        ).select_related("framework")
    )


def open_reports_of(actor: Actor) -> QuerySet[Report]:
    """The actor's company's reports that still have to be submitted (dashboard task)."""
    if actor.organisation is None:
        return Report.objects.none()
    return Report.objects.filter(
        organisation=actor.organisation,
        status__in=[ReportStatus.DRAFT, ReportStatus.RETURNED],
    ).select_related("period")


def report_tasks(actor: Actor) -> list[tuple[str, str]]:
    """Dashboard tasks (registered in AppConfig.ready): the company's reports still due."""
    if actor.organisation_kind != "company":
        return []
    return [
        (
            _("Your report on %(year)s is due on %(date)s")
            % {
                "year": report.period.year,
                "date": date_format(report.period.deadline, "DATE_FORMAT"),
            },
            reverse("assessments:report", args=[report.pk]),
        )
        for report in open_reports_of(actor)
    ]


def periods_for_secretariat(actor: Actor) -> QuerySet[ReportingPeriod]:
    """The reporting periods, newest first, for the secretariat's forms."""
    if not actor.is_secretariat:
        return ReportingPeriod.objects.none()
    return ReportingPeriod.objects.order_by("-year")
