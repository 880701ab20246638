"""When a company's first answer to a signal is due, and when a signal is overdue (pure).

The days are configuration (settings.SIGNAL_RESPONSE_DAYS per urgency, and
SIGNAL_OUTCOME_DAYS for the secretariat's outcome), passed in by the caller."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta

#: Calendar days for a company's first answer, by urgency (the default configuration).
RESPONSE_DAYS = {"acute": 5, "urgent": 14, "routine": 28}
#: Calendar days from routing to the secretariat's outcome.
OUTCOME_DAYS = 90


def response_due(routed_on: date, urgency: str, days: Mapping[str, int] = RESPONSE_DAYS) -> date:
    """The date by which a routed company answers first; an unknown urgency counts as the
    slowest configured."""
    return routed_on + timedelta(days=days.get(urgency, max(days.values())))


def outcome_due(routed_on: date, days: int = OUTCOME_DAYS) -> date:
    return routed_on + timedelta(days=days)


def is_overdue(due: date, *, done: bool, today: date) -> bool:
    """Overdue: not done and the due date has passed (the due day itself is in time)."""
    return not done and today > due
