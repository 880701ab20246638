"""Reading versions of the annual report: the secretariat reads every version, the
public only published ones."""

from __future__ import annotations

from django.db.models import QuerySet

from trustone.access.actor import Actor
from trustone.access.errors import NotFound

from ..models import AnnualReport, AnnualReportStatus


def annual_reports_visible_to(actor: Actor) -> QuerySet[AnnualReport]:
    """The secretariat: every version; anyone else: the published versions."""
    reports = AnnualReport.objects.select_related("generated_by", "published_by", "job")
    if actor.is_secretariat:
        return reports
    return reports.filter(status=AnnualReportStatus.PUBLISHED)


def access_annual_report(actor: Actor, pk: int) -> AnnualReport:
    """One version, for whoever may read it; missing and forbidden alike are not found."""
    report = annual_reports_visible_to(actor).filter(pk=pk).first()
    if report is None:
        raise NotFound
    return report


def published_years() -> list[AnnualReport]:
    """The newest published version of every year, newest year first (public)."""
    latest: dict[int, AnnualReport] = {}
    published = AnnualReport.objects.filter(status=AnnualReportStatus.PUBLISHED)
    for report in published.defer("inputs", "figures").order_by("year", "version"):
        latest[report.year] = report
    return [latest[year] for year in sorted(latest, reverse=True)]


def published_versions(year: int) -> list[AnnualReport]:
    """Every published version of a year, newest first; not found when there is none."""
    versions = list(
        AnnualReport.objects.filter(year=year, status=AnnualReportStatus.PUBLISHED).order_by(
            "-version"
        )
    )
    if not versions:
        raise NotFound
    return versions
