"""The designed PDF of the annual report, on the demo data, in Dutch and in English:
a cover, contents, a chapter per section with its tables and charts, the projects and
the methodology note. Headings are computed in the PDF's language at test time, so the
test holds before and after the Dutch catalogue is translated."""

from __future__ import annotations

import io

import pytest
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext
from pypdf import PdfReader

from assessments.annual.presentation import report_context
from assessments.annual.services import (
    annual_report_build_job,
    annual_report_generate,
    annual_report_pdf_bytes,
)
from assessments.annual.tables import table_specs
from assessments.models import AnnualReport
from members.demo import seed_demo
from members.models import User
from trustone.access.actor import Actor

pytestmark = pytest.mark.django_db

YEAR = 2025  # the demo's levels are decided in 2025 and 2026


@pytest.fixture
def report() -> AnnualReport:
    seed_demo()
    coordinator = User.objects.get(email="secretariaat@trustone.demo")
    membership = coordinator.memberships.get()
    actor = Actor(user=coordinator, organisation=membership.organisation, role=membership.role)
    report = annual_report_generate(actor=actor, year=YEAR)
    annual_report_build_job(report.job)
    report.refresh_from_db()
    return report


def _words(text: str) -> str:
    return " ".join(text.split())


def _expected(report: AnnualReport, language: str) -> tuple[list[str], list[str]]:
    """The chapter headings and the table titles of the report in `language`."""
    context = report_context(report, language=language, for_pdf=True)
    with translation.override(language):
        chapters = [section.title for section in context["sections"]] + [
            gettext("Joint projects and dialogues"),
            gettext("How the figures were made"),
        ]
    titles = [table.title for section in context["sections"] for table in section.tables]
    return chapters, titles


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_pdf_in_each_language(report, language) -> None:
    content = annual_report_pdf_bytes(report, language)
    assert content.startswith(b"%PDF")
    reader = PdfReader(io.BytesIO(content))
    assert len(reader.pages) >= 8
    text = _words("\n".join(page.extract_text() for page in reader.pages))
    assert str(YEAR) in text

    chapters, titles = _expected(report, language)
    assert len(chapters) >= 6
    for heading in [*chapters, *titles]:
        assert _words(heading) in text, f"{heading!r} is missing from the {language} PDF"
    # Every chapter starts a page: its heading opens some page.
    openings = [_words(page.extract_text()) for page in reader.pages]
    for chapter in chapters:
        assert any(_words(chapter) in page[:200] for page in openings), chapter

    # The figures: the members table's total, and the flow chart of the levels, whose
    # column titles stand in the chart as well as in the table's header.
    types = report.figures["tables"]["member_types"]
    assert f"{types['total']}" in text
    spec = next(spec for spec in table_specs() if spec.key == "level_moves")
    with translation.override(language):
        before, after = str(spec.dimensions[0]), str(spec.dimensions[1])
    assert text.count(_words(before)) >= 2 and text.count(_words(after)) >= 2


def test_the_pdfs_differ_by_language_and_carry_charts(report) -> None:
    html = {}
    for language in ("nl", "en"):
        with translation.override(language):
            html[language] = render_to_string(
                "pdf/assessments/annual_report.html",
                report_context(report, language=language, for_pdf=True),
            )
    for language, page in html.items():
        assert f'<html lang="{language}">' in page
        assert page.count('class="chart"') >= 3 and page.count("<svg") >= 3
        assert 'role="img"' in page
    for language in ("nl", "en"):
        reader = PdfReader(io.BytesIO(annual_report_pdf_bytes(report, language)))
        assert str(reader.trailer["/Root"]["/Lang"]) == language
