"""Procurement's rules as the covenant states them: the ambition targets of Art. 7.10 and
the contract-phase deadlines of Bijlage 3 in working weeks, without weekends and the
country's public holidays."""

from datetime import date
from decimal import Decimal

import pytest

from procurement.rules import (
    ambition_shares,
    ambition_targets,
    contract_deadlines,
    is_working_day,
    meets_targets,
    whole_years_between,
    working_weeks_after,
)


@pytest.mark.parametrize(
    ("years", "basis", "significant", "ambitious"),
    [
        (0, 70, 30, 0),  # before the first year: the 1-year targets
        (1, 70, 30, 0),
        (2, 70, 30, 0),
        (3, 50, 30, 20),
        (4, 50, 30, 20),
        (5, 20, 30, 50),
        (12, 20, 30, 50),
    ],
)
def test_ambition_targets_by_whole_years_of_membership(years, basis, significant, ambitious):
    assert ambition_targets(years) == {
        "basis": Decimal(basis),
        "significant": Decimal(significant),
        "ambitious": Decimal(ambitious),
    }


@pytest.mark.parametrize(
    ("start", "end", "years"),
    [
        (date(2023, 3, 1), date(2024, 2, 29), 0),
        (date(2023, 3, 1), date(2024, 3, 1), 1),
        (date(2021, 3, 1), date(2026, 12, 1), 5),
        (date(2026, 12, 1), date(2026, 1, 1), 0),
    ],
)
def test_whole_years_of_membership(start, end, years):
    assert whole_years_between(start, end) == years


@pytest.mark.parametrize(
    ("start", "weeks", "country", "due", "why"),
    [
        # Four working weeks are twenty working days, the start day not counted.
        (date(2026, 9, 7), 4, "NL", date(2026, 10, 5), "no holiday in between"),
        (date(2026, 9, 11), 4, "NL", date(2026, 10, 9), "a Friday start"),
        (date(2026, 9, 12), 4, "NL", date(2026, 10, 9), "a Saturday start"),
        # Easter: Good Friday 3 April and Easter Monday 6 April 2026 are skipped.
        (date(2026, 3, 30), 1, "NL", date(2026, 4, 8), "Easter"),
        # King's Day, Monday 27 April 2026.
        (date(2026, 4, 24), 1, "NL", date(2026, 5, 4), "King's Day"),
        # Liberation Day, 5 May, is a day off in a lustrum year (2025) only.
        (date(2025, 5, 2), 1, "NL", date(2025, 5, 12), "Liberation Day 2025, Monday 5 May"),
        (date(2026, 5, 1), 1, "NL", date(2026, 5, 8), "5 May 2026 is a working day"),
        # Christmas: 25 and 26 December 2026 (a Friday and a Saturday).
        (date(2026, 11, 30), 4, "NL", date(2026, 12, 29), "Christmas"),
        # Eight weeks from the same start pass Christmas and New Year's Day.
        (date(2026, 11, 30), 8, "NL", date(2027, 1, 27), "Christmas and New Year"),
        # Belgian holidays: 21 July (national day) and 15 August (Assumption), not Dutch.
        (date(2026, 7, 17), 1, "BE", date(2026, 7, 27), "Belgian national day"),
        (date(2026, 7, 17), 1, "NL", date(2026, 7, 24), "21 July is a Dutch working day"),
        (date(2027, 8, 13), 1, "BE", date(2027, 8, 20), "15 August 2027 is a Sunday"),
        (date(2026, 11, 6), 1, "BE", date(2026, 11, 16), "Armistice Day, 11 November"),
        (date(2026, 4, 30), 1, "BE", date(2026, 5, 8), "Labour Day, 1 May"),
    ],
)
def test_working_weeks_skip_weekends_and_the_countrys_holidays(start, weeks, country, due, why):
    assert working_weeks_after(start, weeks, country=country) == due, why


@pytest.mark.parametrize(
    ("day", "country", "working"),
    [
        (date(2026, 4, 27), "NL", False),  # King's Day
        (date(2026, 4, 27), "BE", True),
        (date(2026, 7, 21), "BE", False),
        (date(2026, 12, 24), "NL", True),  # Christmas Eve is a working day
        (date(2026, 12, 5), "NL", False),  # a Saturday
    ],
)
def test_working_days(day, country, working):
    assert is_working_day(day, country=country) is working


def test_contract_deadlines_are_four_and_eight_working_weeks():
    assert contract_deadlines(date(2026, 9, 7)) == (date(2026, 10, 5), date(2026, 11, 2))


@pytest.mark.parametrize(
    ("counts", "shares"),
    [
        ({}, (0, 0, 0)),
        ({"basis": 7, "significant": 3}, (70, 30, 0)),
        ({"basis": 1, "significant": 1, "ambitious": 1}, ("33.3", "33.3", "33.3")),
        ({"ambitious": 2}, (0, 0, 100)),
    ],
)
def test_the_share_of_tenders_at_each_level(counts, shares):
    assert ambition_shares(counts) == {
        level: Decimal(share)
        for level, share in zip(("basis", "significant", "ambitious"), shares, strict=True)
    }


@pytest.mark.parametrize(
    ("shares", "years", "met"),
    [
        ((70, 30, 0), 1, True),
        ((80, 20, 0), 1, False),  # too few at Significant
        ((50, 30, 20), 3, True),
        ((40, 50, 10), 3, False),  # enough at Significant or above, too few Ambitious
        ((20, 30, 50), 5, True),
        ((0, 40, 60), 5, True),  # more ambitious than asked
    ],
)
def test_targets_are_met_when_the_tenders_are_at_least_as_ambitious(shares, years, met):
    levels = dict(zip(("basis", "significant", "ambitious"), map(Decimal, shares), strict=True))
    assert meets_targets(levels, ambition_targets(years)) is met
