"""The assessment rules of DOMAIN §4 as tables: DD score, levels (each threshold at,
just below and just above its boundary), the schedule over eight years, and delay."""

from datetime import date
from decimal import Decimal as D

import pytest

from assessments.rules import (
    LEVEL_THRESHOLDS,
    assessment_due,
    assessment_schedule,
    classify_level,
    dd_score,
    draw_sample,
    entered_level_on,
    is_delayed,
    level_shortfalls,
    previous_due,
)

EPSILON = D("0.01")

# --- DD score -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("answers", "expected"),
    [
        ([], D(0)),
        ([{"points": D(5), "max_points": D(10)}], D(50)),
        # Unanswered questions count 0 of their maximum.
        ([{"points": D(4), "max_points": D(4)}, {"points": None, "max_points": D(4)}], D(50)),
        # Adjusted points replace the original, also when lower, also when 0.
        ([{"points": D(2), "max_points": D(4), "adjusted_points": D(4)}], D(100)),
        ([{"points": D(4), "max_points": D(4), "adjusted_points": D(0)}], D(0)),
        ([{"points": D(1), "max_points": D(3)}], D(100) / 3),
        # Computed questions with half points.
        ([{"points": D("2.5"), "max_points": D(5)}, {"points": D(5), "max_points": D(5)}], D(75)),
    ],
)
def test_dd_score(answers, expected) -> None:
    assert dd_score(answers) == expected


def test_dd_score_reads_objects_too() -> None:
    class Row:
        points, max_points, adjusted_points = D(3), D(6), None

    assert dd_score([Row()]) == D(50)


# --- Levels: every criterion of every level at, just below and just above -----------


def _at(level: int) -> dict:
    _level, quarry, factory, score, _impact = LEVEL_THRESHOLDS[level - 1]
    return {"quarry_insight": quarry, "factory_insight": factory, "dd_score": score}


# Just below one criterion of a level: the level the company falls back to.
FALLS_BACK_TO = {
    (1, "quarry_insight"): 0,
    (1, "factory_insight"): 0,
    (1, "dd_score"): 0,
    (2, "quarry_insight"): 1,
    (2, "factory_insight"): 1,
    (2, "dd_score"): 1,
    (3, "quarry_insight"): 2,
    (3, "factory_insight"): 2,
    (3, "dd_score"): 2,
    (4, "quarry_insight"): 3,
    (4, "factory_insight"): 2,  # factories below 100 % allow level 2 at most
    (4, "dd_score"): 3,
    (5, "quarry_insight"): 4,
    (5, "factory_insight"): 2,
    (5, "dd_score"): 4,
}


def _cases() -> list:
    cases = []
    for level, *_values, needs_impact in LEVEL_THRESHOLDS:
        base = _at(level)
        cases.append(pytest.param(base, needs_impact, level, id=f"L{level}-all-at"))
        for name in ("quarry_insight", "factory_insight", "dd_score"):
            below = {**base, name: base[name] - EPSILON}
            expected = FALLS_BACK_TO[(level, name)]
            cases.append(pytest.param(below, needs_impact, expected, id=f"L{level}-{name}-below"))
            above = {**base, name: min(base[name] + EPSILON, D(100))}
            cases.append(pytest.param(above, needs_impact, level, id=f"L{level}-{name}-above"))
    return cases


@pytest.mark.parametrize(("values", "impact", "expected"), _cases())
def test_classify_level_boundaries(values, impact, expected) -> None:
    assert classify_level(**values, impact_indicators_met=impact) == expected


@pytest.mark.parametrize(
    ("quarry", "factory", "score", "impact", "expected"),
    [
        # The covenant's table, row by row (DOMAIN §4.3).
        (0, 0, 0, False, 0),
        (19, 100, 100, True, 0),
        (20, 50, 20, False, 1),
        (40, 75, 40, False, 2),
        (60, 100, 60, False, 3),
        (75, 100, 75, True, 4),
        (90, 100, 90, True, 5),
        # Without impact indicators a company stops at level 3, however high its scores.
        (100, 100, 100, False, 3),
        # The weakest criterion decides.
        (95, 74, 95, True, 1),
        (95, 100, 39, True, 1),
        (39, 100, 100, True, 1),
        (100, 100, 100, True, 5),
    ],
)
def test_classify_level_table(quarry, factory, score, impact, expected) -> None:
    assert (
        classify_level(
            quarry_insight=D(quarry),
            factory_insight=D(factory),
            dd_score=D(score),
            impact_indicators_met=impact,
        )
        == expected
    )


def test_classify_level_reads_given_thresholds() -> None:
    table = ((1, D(10), D(10), D(10), False), (2, D(30), D(30), D(30), False))
    assert (
        classify_level(
            quarry_insight=D(30), factory_insight=D(30), dd_score=D(30), thresholds=table
        )
        == 2
    )
    assert classify_level(quarry_insight=D(30), factory_insight=D(30), dd_score=D(30)) == 0


def test_shortfalls_say_by_how_much_each_criterion_falls_short() -> None:
    rows = level_shortfalls(level=3, quarry_insight=D(55), factory_insight=D(100), dd_score=D(62))
    assert rows == [
        ("quarry", D(55), D(60), False),
        ("factory", D(100), D(100), True),
        ("dd_score", D(62), D(60), True),
    ]
    assert level_shortfalls(level=4, quarry_insight=D(80), factory_insight=D(100), dd_score=D(80))[
        -1
    ] == ("impact", False, True, False)
    assert level_shortfalls(level=6, quarry_insight=D(0), factory_insight=D(0), dd_score=D(0)) == []


# --- How often: eight years per level and size class (DOMAIN §4.4) -------------------

F, P, N = "full", "plan_of_action", "none"


@pytest.mark.parametrize(
    ("level", "size", "public", "eight_years"),
    [
        (0, "large", False, [F] * 8),
        (1, "large", True, [F] * 8),
        (1, "small", True, [F] * 8),
        (2, "medium", False, [F] * 8),
        (2, "small", False, [F] * 8),
        (3, "large", False, [F, P, F, P, F, P, F, P]),
        (3, "medium", True, [F, P, F, P, F, P, F, P]),
        (4, "large", False, [F, P, F, P, F, P, F, P]),
        (5, "medium", False, [F, P, F, P, F, P, F, P]),
        (3, "small", False, [F, N, F, N, F, N, F, N]),
        (3, "small", True, [F, P, F, P, F, P, F, P]),
        (5, "small", False, [F, N, F, N, F, N, F, N]),
        (4, "small", True, [F, P, F, P, F, P, F, P]),
    ],
)
def test_schedule_over_eight_years_from_the_first(level, size, public, eight_years) -> None:
    assert (
        assessment_schedule(
            level=level,
            size_class=size,
            previous=None,
            supplies_public_clients=public,
            years=8,
        )
        == eight_years
    )


@pytest.mark.parametrize(
    ("level", "size", "previous", "public", "due"),
    [
        (2, "large", F, False, F),
        (2, "small", F, True, F),
        (3, "large", None, False, F),
        (3, "large", F, False, P),
        (3, "large", P, False, F),
        (3, "medium", F, False, P),
        (3, "medium", N, False, F),
        (3, "small", F, False, N),
        (3, "small", F, True, P),
        (3, "small", N, True, F),
        (3, "small", P, True, F),
        (3, "small", None, True, F),
    ],
)
def test_assessment_due(level, size, previous, public, due) -> None:
    assert (
        assessment_due(
            level=level, size_class=size, previous=previous, supplies_public_clients=public
        )
        == due
    )


def test_a_company_that_falls_back_to_level_2_is_assessed_in_full_again() -> None:
    years = assessment_schedule(
        level=3, size_class="small", previous=None, supplies_public_clients=False, years=2
    )
    assert years == [F, N]
    assert (
        assessment_due(level=2, size_class="small", previous=N, supplies_public_clients=False) == F
    )


# --- Delay (DOMAIN §4.5) --------------------------------------------------------------


@pytest.mark.parametrize(
    ("level", "entered", "on", "delayed"),
    [
        # Level 1 and 2: expected one year, one more accepted: delayed after two years.
        (1, date(2025, 3, 1), date(2027, 3, 1), False),
        (1, date(2025, 3, 1), date(2027, 3, 2), True),
        (1, date(2025, 3, 1), date(2027, 2, 28), False),
        (2, date(2025, 6, 30), date(2027, 6, 30), False),
        (2, date(2025, 6, 30), date(2027, 7, 1), True),
        # Level 3: expected two years, delayed after three.
        (3, date(2025, 3, 1), date(2028, 3, 1), False),
        (3, date(2025, 3, 1), date(2028, 3, 2), True),
        (3, date(2025, 3, 1), date(2027, 3, 2), False),
        # Not yet classified follows level 1's clock.
        (0, date(2025, 3, 1), date(2027, 3, 2), True),
        # Levels 4 and 5 are never delayed.
        (4, date(2015, 1, 1), date(2030, 1, 1), False),
        (5, date(2015, 1, 1), date(2030, 1, 1), False),
        # A leap day counts to 28 February.
        (1, date(2024, 2, 29), date(2026, 2, 28), False),
        (1, date(2024, 2, 29), date(2026, 3, 1), True),
    ],
)
def test_is_delayed(level, entered, on, delayed) -> None:
    assert is_delayed(level=level, entered_level_on=entered, on=on) is delayed


def test_the_clock_starts_when_the_company_entered_its_current_level() -> None:
    history = [
        (date(2025, 4, 1), 1),
        (date(2026, 4, 1), 2),
        (date(2027, 4, 1), 2),
        (date(2028, 4, 1), 3),
        (date(2029, 4, 1), 3),
    ]
    assert entered_level_on(history) == date(2028, 4, 1)
    # Going down and up again restarts the clock.
    assert entered_level_on(
        [(date(2025, 1, 1), 3), (date(2026, 1, 1), 2), (date(2027, 1, 1), 3)]
    ) == date(2027, 1, 1)
    assert entered_level_on([]) is None


# --- Sample draws (DOMAIN §4.6) -------------------------------------------------------


def test_a_sample_is_reproducible_from_population_and_seed() -> None:
    population = list(range(1, 101))
    first = draw_sample(population, 10, "2026-verification-7f3a")
    assert first == draw_sample(list(reversed(population)), 10, "2026-verification-7f3a")
    assert len(first) == 10 and set(first) <= set(population)
    assert first != draw_sample(population, 10, "another seed")
    assert draw_sample([3, 1], 5, "x") == [1, 3]


@pytest.mark.parametrize(
    ("history", "year", "previous"),
    [
        ({}, 2027, None),
        ({2026: F}, 2027, F),
        ({2026: P}, 2027, P),
        # A small company had a full assessment two years ago and none last year.
        ({2025: F}, 2027, N),
        ({2025: F, 2026: P}, 2027, P),
        # Assessments of later years do not count.
        ({2028: F}, 2027, None),
    ],
)
def test_previous_due(history, year, previous) -> None:
    assert previous_due(history, year) == previous


def test_a_small_company_alternates_by_its_history() -> None:
    history: dict[int, str] = {}
    for year in range(2026, 2032):
        due = assessment_due(
            level=3,
            size_class="small",
            previous=previous_due(history, year),
            supplies_public_clients=False,
        )
        if due != N:
            history[year] = due
    assert history == {2026: F, 2028: F, 2030: F}
