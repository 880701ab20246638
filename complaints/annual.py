"""The complaints' table in the annual public report (registered in ComplaintsConfig):
cases received in the year by kind and status — never a party or any content. The
member concerned is the contributor (a case without one counts as its own), so a cell
is shown only when it does not point at one member."""

from __future__ import annotations

from collections import defaultdict

from django.utils.translation import gettext_lazy as _

from assessments.annual.tables import TableSpec
from assessments.rules.annual import TableInput

from .models import Case, CaseKind, CaseStatus


def collect_cases(year: int) -> TableInput:
    by: dict[tuple[str, str], dict[str, int]] = defaultdict(lambda: defaultdict(int))
    items: dict[tuple[str, str], list[str]] = defaultdict(list)
    for pk, kind, status, respondent in Case.objects.filter(received_at__year=year).values_list(
        "pk", "kind", "status", "respondent_id"
    ):
        contributor = str(respondent) if respondent else f"case-{pk}"
        by[(kind, status)][contributor] += 1
        items[(kind, status)].append(str(pk))
    order = [(k, s) for k in CaseKind.values for s in CaseStatus.values]
    return {
        "measure": "items",
        "cells": [
            {
                "path": list(path),
                "by": {c: str(n) for c, n in sorted(by[path].items())},
                "items": sorted(items[path]),
            }
            for path in order
            if path in by
        ],
    }


def case_label(depth: int, code: str) -> str:
    choices = CaseKind.choices if depth == 0 else CaseStatus.choices
    return str(dict(choices).get(code, code))


def annual_tables() -> list[TableSpec]:
    return [
        TableSpec(
            "complaints",
            "signals",
            _("Complaints and disputes received, by status"),
            (_("Kind"), _("Status")),
            _("Cases"),
            collect_cases,
            case_label,
            chart="",
        )
    ]
