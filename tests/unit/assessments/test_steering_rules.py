"""The pure rules behind the steering group's dashboard: membership on a day, the level
at the end of a year, the yearly average with its minimum of contributors, lateness."""

from datetime import date
from decimal import Decimal as D

import pytest

from assessments.rules.steering import (
    average_per_year,
    days_overdue,
    is_member_on,
    level_on,
    year_end,
    years_from,
)

TODAY = date(2026, 12, 1)


@pytest.mark.parametrize(
    ("joined_on", "ends_on", "on", "member"),
    [
        (None, None, TODAY, False),  # declaration not signed
        (date(2025, 3, 1), None, date(2025, 2, 28), False),
        (date(2025, 3, 1), None, date(2025, 3, 1), True),  # from the signing day
        (date(2025, 3, 1), date(2026, 10, 1), date(2026, 9, 30), True),
        (date(2025, 3, 1), date(2026, 10, 1), date(2026, 10, 1), False),  # ended that day
    ],
)
def test_membership_on_a_day(joined_on, ends_on, on, member) -> None:
    assert is_member_on(joined_on, ends_on, on) is member


HISTORY = [(date(2023, 10, 2), 1), (date(2024, 10, 15), 2), (date(2025, 10, 20), 3)]


@pytest.mark.parametrize(
    ("on", "level"),
    [
        (date(2023, 10, 1), None),  # before the first decision
        (date(2023, 12, 31), 1),
        (date(2024, 10, 15), 2),  # decided that day
        (date(2025, 12, 31), 3),
    ],
)
def test_the_level_on_a_day(on, level) -> None:
    assert level_on(HISTORY, on) == level


def test_the_years_and_their_counting_day() -> None:
    assert years_from(date(2023, 6, 1), TODAY) == [2023, 2024, 2025, 2026]
    assert years_from(None, TODAY) == []
    assert year_end(2025, TODAY) == date(2025, 12, 31)
    assert year_end(2026, TODAY) == TODAY  # the running year: up to today


def test_the_average_per_year_needs_three_companies() -> None:
    scores = [
        (1, 2024, D("40")),
        (2, 2024, D("60")),
        (1, 2025, D("45")),
        (1, 2025, D("50")),  # a later assessment of the same company wins
        (2, 2025, D("70")),
        (3, 2025, D("35")),
    ]
    assert average_per_year(scores) == {2024: None, 2025: D("51.7")}
    assert average_per_year(scores, minimum=2) == {2024: D("50.0"), 2025: D("51.7")}


@pytest.mark.parametrize(
    ("deadline", "days"),
    [(date(2026, 12, 1), 0), (date(2026, 11, 30), 1), (date(2026, 12, 5), 0)],
)
def test_days_overdue(deadline, days) -> None:
    assert days_overdue(deadline, TODAY) == days
