"""Adding to a company's level history: the one write behind a level recorded by the
secretariat and a level decided in an assessment. Never an update: a correction is a
new entry."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from .models import LevelAssignment, LevelSource
from .public import listing_changed


def level_assignment_add(
    *,
    organisation: Any,
    year: int,
    level: int,
    decided_on: date,
    recorded_by: Any,
    source: str = LevelSource.RECORDED,
    explanatory_note: str = "",
) -> LevelAssignment:
    """Validate and store a level; the public listing shows it after the commit. Callers
    check who may do this."""
    assignment = LevelAssignment(
        organisation=organisation,
        year=year,
        level=level,
        decided_on=decided_on,
        explanatory_note=explanatory_note.strip(),
        source=source,
        recorded_by=recorded_by,
    )
    assignment.full_clean()
    assignment.save()
    listing_changed(after_commit=True)
    return assignment


def latest_levels(organisation_ids: Iterable[int]) -> dict[int, int]:
    """The current level (latest decision) per organisation id, in one query."""
    return dict(
        LevelAssignment.objects.filter(organisation_id__in=list(organisation_ids))
        .order_by("organisation_id", "-decided_on", "-id")
        .distinct("organisation_id")
        .values_list("organisation_id", "level")
    )


def current_level(organisation: Any) -> int | None:
    return latest_levels([organisation.pk]).get(organisation.pk)
