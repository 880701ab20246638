"""The demo's annual report: last year's, published, over all the demo data."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone

from members.models import User
from trustone.access.actor import actor_for

from ..models import AnnualReport, AnnualReportStatus
from .services import annual_report_build, annual_report_pdfs_render, annual_report_publish


def seed_annual_report(organisations: dict[str, Any]) -> None:
    """Last year's report, generated and published by the coordinator (once)."""
    del organisations
    year = timezone.localdate().year - 1
    if AnnualReport.objects.filter(year=year).exists():
        return
    coordinator = User.objects.get(email="secretariaat@trustone.demo")
    with transaction.atomic():
        report = AnnualReport.objects.create(year=year, version=1, generated_by=coordinator)
        annual_report_build(report_id=report.pk)
    annual_report_pdfs_render(report_id=report.pk)
    report.refresh_from_db()
    if report.status == AnnualReportStatus.DRAFT:
        annual_report_publish(
            actor=actor_for(coordinator),
            report=report,
            note="Gecontroleerd door het secretariaat en de stuurgroep.",
        )
