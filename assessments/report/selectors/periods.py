"""Reads of the reporting periods: who reports this year, the current framework, the
secretariat's overview of a period and a company's open reports and dashboard tasks."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import Count, Q, QuerySet
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from members.public import listed_organisations
from trustone.access.actor import Actor

from ...models import Framework, Report, ReportingPeriod, ReportStatus


def reporting_members(on: date) -> QuerySet[Any]:
    """Full and associated members whose membership runs on `on`: they report."""

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
