"""Adding to a company's level history: the one write behind a level recorded by the
secretariat and a level decided in an assessment. Never an update: a correction is a
new entry."""

from __future__ import annotations

from datetime import date
from typing import Any

from .models import LevelAssignment, LevelSource


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
    from members.public import listing_changed

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
