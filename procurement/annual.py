"""Procurement's tables in the annual public report (registered in ProcurementConfig):
the year's tenders by ambition level, and how many governments met the targets for
their years of membership. A government is the contributor: a cell is shown only when
enough governments contribute to it (the same disclosure control as for companies)."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from django.utils.translation import gettext_lazy as _

from assessments.annual.tables import TableSpec
from assessments.rules.annual import TableInput
from members.models import Organisation

from . import rules
from .models import AmbitionLevel, Tender
from .tenders.targets import government_years


def collect_tenders(year: int) -> TableInput:
    by: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    items: dict[str, list[str]] = defaultdict(list)
    tenders = Tender.objects.filter(tendered_on__year=year).values_list(
        "pk", "government_id", "ambition"
    )
    for pk, government, ambition in tenders:
        if government is None:
            continue
        by[ambition][str(government)] += 1
        items[ambition].append(str(pk))
    return {
        "measure": "items",
        "cells": [
            {
                "path": [level],
                "by": {g: str(n) for g, n in sorted(by[level].items())},
                "items": sorted(items[level]),
            }
            for level in rules.AMBITION_LEVELS
            if by[level]
        ],
    }


def collect_targets(year: int) -> TableInput:
    governments = Organisation.objects.filter(kind="government").select_related("covenant")
    outcome: dict[str, set[int]] = defaultdict(set)
    for government, rows in government_years(
        governments, Tender.objects.filter(tendered_on__year=year, government__isnull=False)
    ):
        for row in rows:
            if row.year == year and row.meets is not None:
                outcome["met" if row.meets else "not_met"].add(government.pk)
    return {
        "measure": "companies",
        "cells": [
            {"path": [key], "by": {str(g): "1" for g in sorted(outcome[key])}}
            for key in ("met", "not_met")
            if outcome[key]
        ],
    }


def ambition_label(_depth: int, code: str) -> str:
    return str(dict(AmbitionLevel.choices).get(code, code))


def targets_label(_depth: int, code: str) -> Any:
    return str(
        {"met": _("Met the targets"), "not_met": _("Did not meet the targets")}.get(code, code)
    )


def annual_tables() -> list[TableSpec]:
    return [
        TableSpec(
            "tenders",
            "tenders",
            _("Tenders with natural stone by ambition level"),
            (_("Ambition level"),),
            _("Tenders"),
            collect_tenders,
            ambition_label,
        ),
        TableSpec(
            "tender_targets",
            "tenders",
            _("Governments against the targets for their years of membership"),
            (_("Targets"),),
            _("Governments"),
            collect_targets,
            targets_label,
            note=_(
                "From the start a government aims at 70 % Basis, 30 % Significant; after "
                "three years 50/30/20 including Ambitious; after five years 20/30/50."
            ),
        ),
    ]
