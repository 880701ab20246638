"""How a version of the annual report reads: its published figures as sections of
tables and charts, in one language. The web page and the PDF show the same."""

from __future__ import annotations

from contextlib import nullcontext
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from django.utils import translation
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from django_countries import countries

from supplychain.themes import Theme
from trustone import charts

from ..models import AnnualReport, ProjectKind, ProjectStatus
from .tables import SECTIONS, TableSpec, table_specs


@dataclass
class RowView:
    labels: list[str]
    value: Any
    share: str | None = None
    is_other: bool = False


@dataclass
class TableView:
    key: str
    title: str
    headers: list[str]
    value_label: str
    rows: list[RowView]
    total: Any
    chart: SafeString | str = ""
    note: str = ""
    has_share: bool = False
    is_mean: bool = False


@dataclass
class SectionView:
    key: str
    title: str
    tables: list[TableView] = field(default_factory=list)


def _labels(spec: TableSpec, path: list[str]) -> tuple[list[str], bool]:
    labels = [spec.label(depth, code) for depth, code in enumerate(path)]
    is_other = len(path) < len(spec.dimensions)
    for depth in range(len(path), len(spec.dimensions)):
        labels.append(_("All others") if depth == 0 else _("Others together"))
    return labels, is_other


def _chart(spec: TableSpec, table: TableView) -> SafeString | str:
    if not table.rows:
        return ""
    if spec.chart == "flow":
        flows = [(row.labels[0], row.labels[1], row.value) for row in table.rows]
        sources = list(dict.fromkeys(label for label, _t, _v in flows))
        targets = sorted(dict.fromkeys(label for _s, label, _v in flows))
        return charts.flow_chart(
            flows,
            sources=sources,
            targets=targets,
            source_title=str(spec.dimensions[0]),
            target_title=str(spec.dimensions[1]),
            title=table.title,
        )
    if spec.chart == "bar":
        return charts.bar_chart(
            [
                charts.Bar(
                    " – ".join(label for label in row.labels if label),
                    Decimal(str(row.value)),
                    " %" if table.is_mean else "",
                )
                for row in table.rows
            ],
            title=table.title,
        )
    return ""


def table_view(spec: TableSpec, figures: dict[str, Any]) -> TableView:
    rows = []
    for row in figures["rows"]:
        labels, is_other = _labels(spec, row["path"])
        rows.append(RowView(labels, row["value"], row.get("share"), is_other))
    table = TableView(
        key=spec.key,
        title=str(spec.title),
        headers=[str(d) for d in spec.dimensions],
        value_label=str(spec.value_label),
        rows=rows,
        total=figures.get("total"),
        note=str(spec.note),
        has_share=any(row.share is not None for row in rows),
        is_mean=figures.get("total") is None,
    )
    table.chart = _chart(spec, table)
    return table


def sections(report_figures: dict[str, Any]) -> list[SectionView]:
    """The report's sections with their tables (those the version has figures for)."""
    views = {key: SectionView(key, str(title)) for key, title in SECTIONS}
    tables = report_figures.get("tables", {})
    for spec in table_specs():
        if spec.key in tables:
            views[spec.section].tables.append(table_view(spec, tables[spec.key]))
    return [view for view in views.values() if view.tables]


def methodology(report_figures: dict[str, Any]) -> list[dict[str, Any]]:
    """What disclosure control did, per table: how many cells were combined with others
    and how many were left out. Never which, or their values."""
    specs = table_specs()
    titles = {spec.key: str(spec.title) for spec in specs}
    order = {spec.key: index for index, spec in enumerate(specs)}
    rows = sorted(
        report_figures.get("suppressed", []),
        key=lambda row: order.get(row["table"], len(order)),
    )
    return [{"title": titles.get(row["table"], row["table"]), **row} for row in rows]


def project_views(report_figures: dict[str, Any], language: str) -> list[dict[str, Any]]:
    """The snapshot's projects with their labels in the active language."""
    themes = dict(Theme.choices)
    kinds, statuses = dict(ProjectKind.choices), dict(ProjectStatus.choices)
    english = language == "en"
    views = []
    for project in report_figures.get("projects", []):
        views.append(
            {
                **project,
                "title": (english and project.get("name_en")) or project.get("name", ""),
                "text": (english and project.get("summary_en")) or project.get("summary", ""),
                "kind_label": str(kinds.get(project.get("kind", ""), "")),
                "status_label": str(statuses.get(project.get("status", ""), "")),
                "country_name": str(countries.name(project.get("country") or "") or ""),
                "theme_names": [str(themes.get(t, t)) for t in project.get("themes", [])],
            }
        )
    return views


def report_context(
    report: AnnualReport, *, language: str | None = None, for_pdf: bool = False
) -> dict[str, Any]:
    """Everything a page or the PDF shows of a version, in `language` (default: the
    active one)."""
    with translation.override(language) if language else nullcontext():
        active = translation.get_language() or "nl"
        figures = report.figures or {}
        return {
            "report": report,
            "year": report.year,
            "as_of": date.fromisoformat(figures["as_of"]) if figures.get("as_of") else None,
            "sections": sections(figures),
            "methodology": methodology(figures),
            "projects": project_views(figures, active),
            "language": active,
            "for_pdf": for_pdf,
        }
