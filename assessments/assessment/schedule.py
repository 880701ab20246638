"""Which assessment each member company is due in a year (DOMAIN §4.4), and the
secretariat's workload that follows from it."""

from __future__ import annotations

import csv
import io
from collections import Counter
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.utils import timezone

from members.levels import latest_levels
from trustone.access.actor import Actor
from trustone.spreadsheets import spreadsheet_row

from .. import rules
from ..models import ReportingPeriod
from .selectors import assessment_histories

SIZES = ("large", "medium", "small")
KINDS = (rules.FULL, rules.PLAN_OF_ACTION, rules.NONE)


@dataclass
class ScheduleRow:
    organisation: Any
    size_class: str
    level: int | None
    previous: str | None
    supplies_public_clients: bool
    due: str


def schedule_year(today: date | None = None) -> int:
    """The year to plan: the one after the latest reporting period, or this year."""
    today = today or timezone.localdate()
    latest = ReportingPeriod.objects.order_by("-year").values_list("year", flat=True).first()
    return max(today.year, latest + 1) if latest else today.year


def schedule(actor: Actor, year: int) -> list[ScheduleRow]:
    """For the secretariat: every current member company with the assessment due in
    `year`. Four queries."""
    from members.public import listed_organisations
    from members.selectors import size_class_of

    if not actor.is_secretariat:
        return []
    companies = list(
        listed_organisations()
        .filter(covenant__member_type="full")
        .select_related("covenant")
        .order_by("name")
    )
    ids = [company.pk for company in companies]
    levels = latest_levels(ids)
    histories = assessment_histories(ids)
    rows = []
    for company in companies:
        covenant = company.covenant
        size = size_class_of(covenant) or "medium"
        level = levels.get(company.pk)
        previous = rules.previous_due(histories.get(company.pk, {}), year)
        rows.append(
            ScheduleRow(
                organisation=company,
                size_class=size,
                level=level,
                previous=previous,
                supplies_public_clients=covenant.supplies_public_clients,
                due=rules.assessment_due(
                    level=level or 0,
                    size_class=size,
                    previous=previous,
                    supplies_public_clients=covenant.supplies_public_clients,
                ),
            )
        )
    return rows


def workload(rows: list[ScheduleRow]) -> list[dict[str, Any]]:
    """Per kind of assessment: the number per size class and in total."""
    counts = Counter((row.due, row.size_class) for row in rows)
    return [
        {
            "kind": kind,
            "sizes": [counts[(kind, size)] for size in SIZES],
            "total": sum(counts[(kind, size)] for size in SIZES),
        }
        for kind in KINDS
    ]


def schedule_csv(rows: list[ScheduleRow], labels: dict[str, str]) -> str:
    """The schedule as a spreadsheet (semicolons; formula cells neutralised)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow(["organisation", "size_class", "level", "previous", "due", "public_clients"])
    for row in rows:
        writer.writerow(
            spreadsheet_row(
                [
                    row.organisation.name,
                    row.size_class,
                    "" if row.level is None else row.level,
                    labels.get(row.previous or "", ""),
                    labels[row.due],
                    "ja" if row.supplies_public_clients else "nee",
                ]
            )
        )
    return buffer.getvalue()
