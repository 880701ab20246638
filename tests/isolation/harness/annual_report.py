"""Isolation cases: the annual public report's secretariat pages (issue 13).

Every version is the secretariat's until it is published: the whole secretariat reads the
list, a version's review page and its draft PDFs; only the coordinator generates,
publishes and discards; the unsuppressed exports (every cell before disclosure control)
are for the coordinator and the assessors, not for a plain secretariat member. Companies,
NGOs, unions, governments, the sector organisation, the committee and the steering group
reach none of it. The public pages (`annual:public_*`) are public by policy; that a
draft is not found on them, for anyone, is tested in
tests/isolation/test_annual_report_public.py with `draft` and `published` below."""

from __future__ import annotations

from typing import Any

from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone

from .case import HELPDESK, SECRETARIAT_ADMIN, SECRETARIAT_ALL, Case

#: The coordinator and every assessor: who may export a table unsuppressed.
EXPORTERS = HELPDESK


def _year() -> int:
    return timezone.localdate().year - 1


def _inputs(year: int) -> dict[str, Any]:
    """A snapshot with one table: three member companies of one type (published), one of
    another (combined away)."""
    return {
        "year": year,
        "as_of": f"{year}-12-31",
        "generated_on": timezone.localdate().isoformat(),
        "tables": {
            "member_types": {
                "measure": "companies",
                "cells": [
                    {"path": ["full"], "by": {"901": "1", "902": "1", "903": "1"}},
                    {"path": ["associated"], "by": {"904": "1"}},
                ],
            }
        },
        "projects": [],
    }


def make_version(world: Any, *, year: int, status: str, version: int = 1) -> Any:
    """A version of the report on `year` with its figures and both PDFs."""
    from assessments.models import AnnualReport
    from assessments.rules.annual import figures_from

    inputs = _inputs(year)
    report = AnnualReport(
        year=year,
        version=version,
        status=status,
        inputs=inputs,
        figures=figures_from(inputs),
        generated_by=world.users["secretariat_admin"],
    )
    if status == "published":
        report.published_by = world.users["secretariat_admin"]
        report.published_at = timezone.now()
    for language in ("nl", "en"):
        getattr(report, f"pdf_{language}").save(
            f"annual-{year}-v{version}-{language}.pdf",
            ContentFile(b"%PDF-1.4 annual " + language.encode()),
            save=False,
        )
    report.save()
    return report


def draft(world: Any) -> Any:
    """A reviewed draft of last year's report with both PDFs: ready to publish."""
    cached = getattr(world, "_annual_draft", None)
    if cached is None:
        cached = world._annual_draft = make_version(world, year=_year(), status="draft")
    return cached


def published(world: Any) -> Any:
    """A published version of the year before last."""
    cached = getattr(world, "_annual_published", None)
    if cached is None:
        cached = world._annual_published = make_version(world, year=_year() - 1, status="published")
    return cached


def _reports(world: Any) -> Any:
    from assessments.models import AnnualReport

    return list(
        AnnualReport.objects.values_list(
            "id", "year", "version", "status", "published_by_id"
        ).order_by("id")
    )


def _review(world: Any, report: Any) -> str:
    return reverse("annual:review", args=[report.pk])


CASES: list[Case] = [
    Case(
        "annual reports: the secretariat's list",
        url_name="annual:list",
        url=lambda w: (draft(w), published(w), reverse("annual:list"))[2],
        allowed=SECRETARIAT_ALL,
    ),
    Case(
        "annual reports: generate a version",
        method="post",
        url_name="annual:list",
        url=lambda w: (published(w), reverse("annual:list"))[1],
        data=lambda w: {"year": str(_year())},
        allowed=SECRETARIAT_ADMIN,
        state=_reports,
    ),
    Case(
        "annual reports: review a draft",
        url_name="annual:review",
        url=lambda w: _review(w, draft(w)),
        allowed=SECRETARIAT_ALL,
    ),
    Case(
        "annual reports: review a published version",
        url_name="annual:review",
        url=lambda w: _review(w, published(w)),
        allowed=SECRETARIAT_ALL,
    ),
    Case(
        "annual reports: publish a draft",
        method="post",
        url_name="annual:publish",
        url=lambda w: reverse("annual:publish", args=[draft(w).pk]),
        data=lambda w: {"note": "Nagekeken."},
        allowed=SECRETARIAT_ADMIN,
        state=_reports,
    ),
    Case(
        "annual reports: discard a draft",
        method="post",
        url_name="annual:discard",
        url=lambda w: reverse("annual:discard", args=[draft(w).pk]),
        allowed=SECRETARIAT_ADMIN,
        state=_reports,
    ),
    Case(
        "annual reports: a draft's Dutch PDF",
        url_name="annual:draft_pdf",
        url=lambda w: reverse("annual:draft_pdf", args=[draft(w).pk, "nl"]),
        allowed=SECRETARIAT_ALL,
    ),
    Case(
        "annual reports: a draft's English PDF",
        url_name="annual:draft_pdf",
        url=lambda w: reverse("annual:draft_pdf", args=[draft(w).pk, "en"]),
        allowed=SECRETARIAT_ALL,
    ),
    Case(
        "annual reports: a table unsuppressed as CSV",
        url_name="annual:export",
        url=lambda w: reverse("annual:export", args=[draft(w).pk, "member_types", "csv"]),
        allowed=EXPORTERS,
    ),
    Case(
        "annual reports: a table unsuppressed as XLSX",
        url_name="annual:export",
        url=lambda w: reverse("annual:export", args=[draft(w).pk, "member_types", "xlsx"]),
        allowed=EXPORTERS,
    ),
    Case(
        "annual reports: a published version's table unsuppressed",
        url_name="annual:export",
        url=lambda w: reverse("annual:export", args=[published(w).pk, "member_types", "csv"]),
        allowed=EXPORTERS,
    ),
]
