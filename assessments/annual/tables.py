"""The tables of the annual public report: what each one counts, how it is collected
for a year, and how its codes read in a language.

A table spec's `collect(year)` reads the database and returns the table's input (cells
with each contributor's weight, see assessments.rules.annual); it runs once, when a
version is generated, and what it returns is kept as the version's snapshot. Labels are
looked up when the report is shown, so one snapshot gives the Dutch and the English
report. complaints and procurement add their tables through `table_sources` (assessments
never imports them)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from django.db.models import Q
from django.utils.functional import Promise
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from members.models import CovenantMembership, LevelAssignment, MemberType
from members.rules import size_class
from supplychain.lists.aggregate import site_sourcing
from supplychain.signals.models import SignalRoute, SignalStatus
from supplychain.themes import Theme as SupplyTheme
from trustone.hooks import Hook

from ..assessment.scoring import scorecard
from ..models import Assessment, AssessmentStatus, Report, ReportStatus, Risk, Theme
from ..rules.annual import TableInput

SECTIONS: tuple[tuple[str, Promise], ...] = (
    ("members", _("Members")),
    ("levels", _("Levels")),
    ("assessments", _("Due diligence in the reports")),
    ("themes", _("Themes in the plans of action")),
    ("sourcing", _("Where members source")),
    ("signals", _("Signals and complaints")),
    ("tenders", _("Governments' tenders")),
)


def _plain(_depth: int, code: str) -> str:
    return code


@dataclass(frozen=True)
class TableSpec:
    key: str
    section: str
    title: Promise
    dimensions: tuple[Promise, ...]
    value_label: Promise
    collect: Callable[[int], TableInput]
    label: Callable[[int, str], str] = _plain
    chart: str = "bar"  # "bar", "flow" or "" (a table only)
    note: Promise | str = ""
    extra: dict[str, Any] = field(default_factory=dict)


#: Callables returning the table specs of a higher app (complaints, procurement).
table_sources: Hook[Callable[[], list[TableSpec]]] = Hook("annual report tables")


def year_end(year: int) -> date:
    return date(year, 12, 31)


def _members(year: int) -> dict[int, CovenantMembership]:
    """The member companies whose membership ran at the end of the year."""
    end = year_end(year)
    return {
        membership.organisation_id: membership
        for membership in CovenantMembership.objects.filter(
            organisation__kind="company", joined_on__isnull=False, joined_on__lte=end
        ).filter(Q(ends_on__isnull=True) | Q(ends_on__gt=end))
    }


def _count_cells(groups: dict[tuple[str, ...], set[int]]) -> TableInput:
    return {
        "measure": "companies",
        "cells": [
            {"path": list(path), "by": {str(c): "1" for c in sorted(companies)}}
            for path, companies in groups.items()
        ],
    }


def collect_member_types(year: int) -> TableInput:
    groups: dict[tuple[str, ...], set[int]] = defaultdict(set)
    order = {value: i for i, value in enumerate(MemberType.values)}
    for company, membership in sorted(
        _members(year).items(), key=lambda item: order.get(item[1].member_type, 99)
    ):
        groups[(membership.member_type,)].add(company)
    return _count_cells(groups)


SIZES = ("small", "medium", "large", "unknown")


def collect_member_sizes(year: int) -> TableInput:
    groups: dict[tuple[str, ...], set[int]] = {(size,): set() for size in SIZES}
    for company, membership in _members(year).items():
        if membership.employees is None or membership.annual_revenue_eur is None:
            size = "unknown"
        else:
            size = size_class(
                employees=membership.employees, revenue_eur=membership.annual_revenue_eur
            )
        groups[(size,)].add(company)
    return _count_cells({path: found for path, found in groups.items() if found})


def collect_member_countries(year: int) -> TableInput:
    groups: dict[tuple[str, ...], set[int]] = defaultdict(set)
    memberships = CovenantMembership.objects.filter(
        organisation_id__in=list(_members(year))
    ).values_list("organisation_id", "organisation__country")
    for company, country in sorted(memberships, key=lambda row: str(row[1])):
        groups[(str(country),)].add(company)
    return _count_cells(groups)


def _levels_at(end: date, companies: set[int]) -> dict[int, int]:
    """Each company's level on `end`: its latest decision up to that day."""
    levels: dict[int, int] = {}
    for organisation, level in (
        LevelAssignment.objects.filter(organisation_id__in=companies, decided_on__lte=end)
        .order_by("decided_on", "id")
        .values_list("organisation_id", "level")
    ):
        levels[organisation] = level
    return levels


def collect_levels(year: int) -> TableInput:
    members = set(_members(year))
    # Level 0: not yet classified.
    groups: dict[tuple[str, ...], set[int]] = {(str(n),): set() for n in range(0, 6)}
    for company, level in _levels_at(year_end(year), members).items():
        groups[(str(level),)].add(company)
    return _count_cells({path: found for path, found in groups.items() if found})


NEW = "new"  # no level at the end of the year before


def collect_level_moves(year: int) -> TableInput:
    members = set(_members(year))
    now = _levels_at(year_end(year), members)
    before = _levels_at(year_end(year - 1), members)
    groups: dict[tuple[str, ...], set[int]] = defaultdict(set)
    for company, level in now.items():
        groups[(str(before.get(company, NEW)), str(level))].add(company)
    sources = [NEW, *map(str, range(0, 6))]
    return _count_cells(
        dict(sorted(groups.items(), key=lambda item: (sources.index(item[0][0]), item[0][1])))
    )


def _decided_assessments(year: int) -> list[Assessment]:
    """Per company, the decided assessment of its latest report on the year."""
    latest: dict[int, Assessment] = {}
    for assessment in (
        Assessment.objects.filter(status=AssessmentStatus.DECIDED, report__period__year=year)
        .select_related("report")
        .prefetch_related("adjustments")
        .order_by("report__version", "decided_at")
    ):
        latest[assessment.report.organisation_id] = assessment
    return list(latest.values())


INSIGHTS = ("dd_score", "factory_insight", "quarry_insight")


def collect_insight(year: int) -> TableInput:
    cells: dict[str, dict[str, str]] = {key: {} for key in INSIGHTS}
    for assessment in _decided_assessments(year):
        company = str(assessment.report.organisation_id)
        for key in INSIGHTS:
            value = getattr(assessment, key)
            if value is not None:
                cells[key][company] = str(value)
    return {
        "measure": "mean",
        "cells": [
            {"path": [key], "by": dict.fromkeys(values, "1"), "values": values}
            for key, values in cells.items()
            if values
        ],
    }


def collect_step_scores(year: int) -> TableInput:
    cells: dict[int, dict[str, str]] = defaultdict(dict)
    for assessment in _decided_assessments(year):
        card = scorecard(
            assessment.report.snapshot or {},
            sorted(assessment.adjustments.all(), key=lambda a: a.adjusted_at),
            impact_indicators_met=assessment.impact_indicators_met,
        )
        for step in card.steps:
            if step.maximum:
                cells[step.number][str(assessment.report.organisation_id)] = str(
                    step.percent.quantize(Decimal("0.01"))
                )
    return {
        "measure": "mean",
        "cells": [
            {"path": [str(number)], "by": dict.fromkeys(values, "1"), "values": values}
            for number, values in sorted(cells.items())
        ],
    }


def collect_themes(year: int) -> TableInput:
    """Companies whose plan of action (latest submitted report on the year) prioritises
    each theme."""
    latest: dict[int, int] = {}
    for organisation, report in (
        Report.objects.filter(period__year=year, status=ReportStatus.SUBMITTED)
        .order_by("version")
        .values_list("organisation_id", "pk")
    ):
        latest[organisation] = report
    groups: dict[tuple[str, ...], set[int]] = defaultdict(set)
    for organisation, theme in Risk.objects.filter(report_id__in=latest.values()).values_list(
        "report__organisation_id", "theme"
    ):
        groups[(theme,)].add(organisation)
    ranked = sorted(groups.items(), key=lambda item: (-len(item[1]), item[0]))
    return _count_cells(dict(ranked))


def collect_sourcing(year: int) -> TableInput:
    """Countries and regions members source from: the registry sites of the listed
    companies' chains, weighed by purchase volume (the dominance rule), counted in
    companies. Read from the registry when the version is generated."""
    del year  # the registry has no history: the snapshot keeps what it held
    weights: dict[tuple[str, ...], dict[str, Decimal]] = defaultdict(lambda: defaultdict(Decimal))
    for site in site_sourcing():
        path = (site.area.country, site.area.region or "")
        for company, volume in site.volumes.items():
            weights[path][str(company)] += max(volume, Decimal("0.000001"))
    ordered = sorted(weights.items(), key=lambda item: (item[0][0], item[0][1] == "", item[0][1]))
    return {
        "measure": "volume",
        "cells": [
            {"path": list(path), "by": {c: str(v) for c, v in sorted(by.items())}}
            for path, by in ordered
        ],
    }


def _signal_cells(year: int, dimension: str) -> TableInput:
    cells: dict[tuple[str, ...], dict[str, int]] = defaultdict(lambda: defaultdict(int))
    items: dict[tuple[str, ...], set[str]] = defaultdict(set)
    routes = SignalRoute.objects.filter(signal__filed_at__year=year).values_list(
        "organisation_id", "signal_id", "signal__themes", "signal__status"
    )
    for company, signal, themes, status in routes:
        if dimension == "theme":
            values = [t for t in themes if t in SupplyTheme.values]
        else:
            values = [status]
        for value in values:
            cells[(value,)][str(company)] += 1
            items[(value,)].add(str(signal))
    order = SupplyTheme.values if dimension == "theme" else SignalStatus.values
    return {
        "measure": "items",
        "cells": [
            {
                "path": list(path),
                "by": {c: str(n) for c, n in sorted(cells[path].items())},
                "items": sorted(items[path]),
            }
            for path in sorted(cells, key=lambda p: order.index(p[0]) if p[0] in order else 99)
        ],
    }


def collect_signal_themes(year: int) -> TableInput:
    return _signal_cells(year, "theme")


def collect_signal_statuses(year: int) -> TableInput:
    return _signal_cells(year, "status")


# --- Labels ----------------------------------------------------------------------------


def member_type_label(_depth: int, code: str) -> str:
    return str(dict(MemberType.choices).get(code, code))


def size_label(_depth: int, code: str) -> str:
    return str(
        {
            "small": _("Small (fewer than 25 employees)"),
            "medium": _("Medium-sized"),
            "large": _("Large (250 employees or more)"),
            "unknown": _("Size not reported"),
        }.get(code, code)
    )


def country_label(_depth: int, code: str) -> str:
    return str(countries.name(code) or code) if code else gettext("Region not known")


def region_label(depth: int, code: str) -> str:
    if depth == 0:
        return country_label(depth, code)
    return code or gettext("Region not known")


def level_label(_depth: int, code: str) -> str:
    if code == NEW:
        return gettext("No level yet")
    if code == "0":
        return gettext("Not yet classified")
    return gettext("Level %(level)s") % {"level": code}


def insight_label(_depth: int, code: str) -> str:
    return str(
        {
            "dd_score": _("Due-diligence score"),
            "factory_insight": _("Insight into factories"),
            "quarry_insight": _("Insight into quarries"),
        }.get(code, code)
    )


def step_label(_depth: int, code: str) -> str:
    return gettext("Step %(number)s") % {"number": code}


def theme_label(_depth: int, code: str) -> str:
    return str(dict(Theme.choices).get(code, dict(SupplyTheme.choices).get(code, code)))


def signal_status_label(_depth: int, code: str) -> str:
    return str(dict(SignalStatus.choices).get(code, code))


def builtin_tables() -> list[TableSpec]:
    return [
        TableSpec(
            "member_types",
            "members",
            _("Member companies by type of membership"),
            (_("Type of membership"),),
            _("Companies"),
            collect_member_types,
            member_type_label,
        ),
        TableSpec(
            "member_sizes",
            "members",
            _("Member companies by size"),
            (_("Size"),),
            _("Companies"),
            collect_member_sizes,
            size_label,
        ),
        TableSpec(
            "member_countries",
            "members",
            _("Member companies by country"),
            (_("Country"),),
            _("Companies"),
            collect_member_countries,
            country_label,
        ),
        TableSpec(
            "levels",
            "levels",
            _("Member companies per level at the end of the year"),
            (_("Level"),),
            _("Companies"),
            collect_levels,
            level_label,
        ),
        TableSpec(
            "level_moves",
            "levels",
            _("How companies moved between levels during the year"),
            (_("Level a year before"), _("Level at the end of the year")),
            _("Companies"),
            collect_level_moves,
            level_label,
            chart="flow",
        ),
        TableSpec(
            "insight",
            "assessments",
            _("Average scores and insight of the assessed reports"),
            (_("Measure"),),
            _("Average (%)"),
            collect_insight,
            insight_label,
        ),
        TableSpec(
            "step_scores",
            "assessments",
            _("Average due-diligence score per step"),
            (_("Step"),),
            _("Average (%)"),
            collect_step_scores,
            step_label,
        ),
        TableSpec(
            "themes",
            "themes",
            _("Themes most often prioritised in plans of action"),
            (_("Theme"),),
            _("Companies"),
            collect_themes,
            theme_label,
        ),
        TableSpec(
            "sourcing",
            "sourcing",
            _("Countries and regions members source from"),
            (_("Country"), _("Region")),
            _("Companies"),
            collect_sourcing,
            region_label,
            chart="",
        ),
        TableSpec(
            "signal_themes",
            "signals",
            _("Signals by theme"),
            (_("Theme"),),
            _("Signals"),
            collect_signal_themes,
            theme_label,
        ),
        TableSpec(
            "signal_statuses",
            "signals",
            _("Signals by status"),
            (_("Status"),),
            _("Signals"),
            collect_signal_statuses,
            signal_status_label,
        ),
    ]


def table_specs() -> list[TableSpec]:
    """Every table of the report, in the order of its sections."""
    specs = builtin_tables() + [spec for source in table_sources for spec in source()]
    order = [key for key, _title in SECTIONS]
    return sorted(specs, key=lambda spec: order.index(spec.section))
