"""When a company's first answer to a signal is due, and when it is overdue."""

from datetime import date

import pytest

from supplychain.rules.signals import is_overdue, outcome_due, response_due

ROUTED = date(2026, 12, 1)


@pytest.mark.parametrize(
    ("urgency", "due"),
    [
        ("acute", date(2026, 12, 6)),
        ("urgent", date(2026, 12, 15)),
        ("routine", date(2026, 12, 29)),
        ("unknown", date(2026, 12, 29)),  # the slowest configured
    ],
)
def test_the_first_answer_is_due_by_urgency(urgency, due) -> None:
    assert response_due(ROUTED, urgency) == due


def test_the_days_are_configuration() -> None:
    assert response_due(ROUTED, "acute", {"acute": 2, "routine": 10}) == date(2026, 12, 3)
    assert outcome_due(ROUTED, 30) == date(2026, 12, 31)


@pytest.mark.parametrize(
    ("today", "done", "overdue"),
    [
        (date(2026, 12, 14), False, False),
        (date(2026, 12, 15), False, False),  # the due day itself is in time
        (date(2026, 12, 16), False, True),
        (date(2026, 12, 16), True, False),
    ],
)
def test_overdue_when_not_done_after_the_due_day(today, done, overdue) -> None:
    assert is_overdue(date(2026, 12, 15), done=done, today=today) is overdue
