"""Reads of a submitted report's PDF: whether it is ready, and where to download it."""

from __future__ import annotations

from django.conf import settings
from django.urls import reverse

from ...models import Report

PDF_BEING_PREPARED = "being_prepared"


PDF_READY = "ready"


def report_pdf_status(report: Report) -> str | None:
    """None for a version not submitted; else whether its PDF is ready or being prepared.
    For any caller that may already see the report."""
    if report.submitted_at is None:
        return None
    return PDF_READY if report.pdf else PDF_BEING_PREPARED


def report_pdf_url(report: Report) -> str | None:
    """The portal's download link of the submitted PDF, once it exists."""
    if not report.pdf:
        return None
    return settings.PORTAL_URL + reverse("assessments:report_pdf", args=[report.pk])
