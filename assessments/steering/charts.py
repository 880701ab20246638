"""The dashboard's charts: inline SVG from trustone.charts, each with the same figures as
a table (WCAG 1.1.1: the page shows the table beside the chart)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from trustone.charts import column_chart, line_chart

from .history import Year


@dataclass(frozen=True)
class Chart:
    key: str
    title: str
    svg: SafeString
    headers: list[str]
    rows: list[list[Any]]
    note: str = ""
    #: Shown instead of the chart when there is nothing to draw (the table stays).
    empty: str = ""


def _level_names() -> list[str]:
    return [_("Not classified"), *(_("Level %(level)s") % {"level": n} for n in range(1, 6))]


def levels_chart(years: list[Year]) -> Chart:
    title = _("Full member companies per level, at the end of each year")
    columns = [str(row.year) for row in years]
    series = [
        (name, [row.levels[index] for row in years]) for index, name in enumerate(_level_names())
    ]
    return Chart(
        key="levels",
        title=title,
        svg=column_chart(columns, series, title=title, height=280),
        headers=[_("Year"), *_level_names(), _("Total")],
        rows=[[row.year, *row.levels, row.full_members] for row in years],
        note=_("The running year is counted up to today."),
    )


def members_chart(years: list[Year]) -> Chart:
    title = _("Member companies and other parties, at the end of each year")
    columns = [str(row.year) for row in years]
    series = [
        (_("Companies"), [row.companies for row in years]),
        (_("Other parties"), [row.parties for row in years]),
    ]
    return Chart(
        key="members",
        title=title,
        svg=line_chart(columns, series, title=title),
        headers=[_("Year"), _("Member companies"), _("Other parties")],
        rows=[[row.year, row.companies, row.parties] for row in years],
        note=_(
            "Other parties: governments, sector organisations, NGOs and unions with a membership."
        ),
    )


def score_chart(years: list[Year]) -> Chart:
    title = _("Average due-diligence score of the decided assessments, per report year")
    scored = [row for row in years if row.scored_companies]
    return Chart(
        key="score",
        title=title,
        svg=line_chart(
            [str(row.year) for row in scored],
            [(_("Average DD score"), [row.average_score for row in scored])],
            title=title,
            unit="%",
            peak=100,
        ),
        headers=[_("Report year"), _("Average DD score"), _("Companies assessed")],
        rows=[
            [row.year, f"{row.average_score} %" if row.average_score is not None else "—"]
            + [row.scored_companies]
            for row in scored
        ],
        note=_(
            "Each company counts once a year (its last decided assessment). A year with "
            "fewer than three companies assessed shows no average, so that no single "
            "company's score can be read from it."
        ),
        empty=""
        if any(row.average_score is not None for row in scored)
        else _("No report year has three or more companies assessed yet."),
    )


def movements_chart(years: list[Year]) -> Chart:
    title = _("Joined and left, per year")
    columns = [str(row.year) for row in years]
    series = [
        (_("Joined"), [row.joined for row in years]),
        (_("Left"), [row.left for row in years]),
    ]
    return Chart(
        key="movements",
        title=title,
        svg=line_chart(columns, series, title=title),
        headers=[
            _("Year"),
            _("Joined"),
            _("Left after notice"),
            _("Expelled"),
            _("Ended otherwise"),
        ],
        rows=[[row.year, row.joined, row.notice, row.expelled, row.other_ended] for row in years],
        note=_("Left: the membership ended in that year (up to today)."),
    )
