"""One date format per language: templates (pages and PDFs) name Django's formats
(DATE_FORMAT, SHORT_DATE_FORMAT, …) from the active language's format module instead of
spelling a format out, so an English page never shows a Dutch 30-11-2026."""

import re
from datetime import date
from pathlib import Path

from django.utils import formats, translation

TEMPLATES = Path(__file__).resolve().parents[3] / "templates"
NAMED = {"DATE_FORMAT", "SHORT_DATE_FORMAT", "DATETIME_FORMAT", "SHORT_DATETIME_FORMAT"}


def test_templates_use_named_date_formats() -> None:
    literal = []
    for template in TEMPLATES.rglob("*.html"):
        for fmt in re.findall(r'\|date:"([^"]*)"', template.read_text(encoding="utf-8")):
            if fmt not in NAMED:
                literal.append(f"{template.relative_to(TEMPLATES)}: {fmt}")
    assert not literal, literal


def test_each_language_has_its_own_short_date() -> None:
    day = date(2026, 11, 30)
    with translation.override("en"):
        assert formats.date_format(day, "SHORT_DATE_FORMAT") == "30/11/2026"
        assert formats.date_format(day, "DATE_FORMAT") == "30 November 2026"
    with translation.override("nl"):
        assert formats.date_format(day, "SHORT_DATE_FORMAT") == "30-11-2026"
        assert formats.date_format(day, "DATE_FORMAT") == "30 november 2026"
