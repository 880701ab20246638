"""Pure rules of the assessment (DOMAIN §4). No database. They import only the standard
library and the rules of lower apps: the level table (members) and insight (supplychain).
The redaction of the public plan of action (§5) is in `assessments.rules.redaction`."""

from __future__ import annotations

import random
from collections.abc import Iterable, Mapping
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from members.rules import LEVEL_THRESHOLDS
from supplychain.rules import HUNDRED


def computed_insight_points(percent: Decimal, maximum: Decimal = Decimal(5)) -> Decimal:
    """Questions 2.1a–b: maximum × insight % / 100, rounded to the nearest 0.5."""
    raw = maximum * percent / HUNDRED
    return (raw * 2).quantize(Decimal(1), rounding=ROUND_HALF_UP) / 2


def question_applies(*, categories: str, full_due_diligence: bool) -> bool:
    """Category C (full due diligence) answers every question; category B only those
    marked B (steps 1 and 2.1)."""
    return ("C" if full_due_diligence else "B") in categories


def risk_severity(*, scale: int, scope: int, irremediability: int) -> int:
    """Severity (UNGP): scale + scope + irremediability, each rated 1–3: 3 to 9."""
    return scale + scope + irremediability


def risk_priority(*, scale: int, scope: int, irremediability: int, likelihood: int) -> int:
    """Priority = severity × likelihood (1–3): 3 to 27; the plan sorts by it."""
    return risk_severity(scale=scale, scope=scope, irremediability=irremediability) * likelihood


# --- Scoring and levels (DOMAIN §4.1, §4.3) -------------------------------------------


def value_of(item: Any, *names: str) -> Any:
    for name in names:
        if isinstance(item, Mapping):
            if name in item:
                return item[name]
        elif hasattr(item, name):
            return getattr(item, name)
    return None


def answer_points(answer: Any) -> Decimal:
    """The points an answer counts for: the adjusted points where the secretariat set
    them, else the original points (None, an unanswered question, is 0)."""
    adjusted = value_of(answer, "adjusted_points", "adjusted")
    if adjusted is not None:
        return Decimal(adjusted)
    points = value_of(answer, "points", "original_points", "achieved")
    return Decimal(points) if points is not None else Decimal(0)


def dd_score(answers: Iterable[Any]) -> Decimal:
    """DD score, 0–100: achieved / maximum points over the applicable questions × 100,
    using adjusted points where present (DOMAIN §4.1).

    Each answer is a mapping or object with `points` (Decimal or None), `max_points`
    and optionally `adjusted_points`. Pass only the questions that apply. Exact, not
    rounded: thresholds are compared on the exact value."""
    achieved = Decimal(0)
    maximum = Decimal(0)
    for answer in answers:
        maximum += Decimal(value_of(answer, "max_points", "maximum", "maximum_points") or 0)
        achieved += answer_points(answer)
    if maximum == 0:
        return Decimal(0)
    return min(achieved * HUNDRED / maximum, HUNDRED)


def classify_level(
    *,
    quarry_insight: Decimal,
    factory_insight: Decimal,
    dd_score: Decimal,
    impact_indicators_met: bool = False,
    thresholds: Any = None,
) -> int:
    """The highest level 1–5 whose every criterion is met (thresholds inclusive), 0 for
    not yet classified. `thresholds=None` is the covenant's table (DOMAIN §4.3)."""
    reached = 0
    for level, quarry, factory, score, needs_impact in thresholds or LEVEL_THRESHOLDS:
        if (
            quarry_insight >= quarry
            and factory_insight >= factory
            and dd_score >= score
            and (impact_indicators_met or not needs_impact)
        ):
            reached = max(reached, level)
    return reached


def level_shortfalls(
    *,
    level: int,
    quarry_insight: Decimal,
    factory_insight: Decimal,
    dd_score: Decimal,
    impact_indicators_met: bool = False,
    thresholds: Any = None,
) -> list[tuple[str, Decimal | bool, Decimal | bool, bool]]:
    """Per criterion of `level`: (criterion, value, required, met). Criteria are
    "quarry", "factory", "dd_score" and, for levels that need them, "impact"."""
    for row_level, quarry, factory, score, needs_impact in thresholds or LEVEL_THRESHOLDS:
        if row_level != level:
            continue
        rows: list[tuple[str, Decimal | bool, Decimal | bool, bool]] = [
            ("quarry", quarry_insight, quarry, quarry_insight >= quarry),
            ("factory", factory_insight, factory, factory_insight >= factory),
            ("dd_score", dd_score, score, dd_score >= score),
        ]
        if needs_impact:
            rows.append(("impact", impact_indicators_met, True, impact_indicators_met))
        return rows
    return []


# --- How often (DOMAIN §4.4) ----------------------------------------------------------

FULL, PLAN_OF_ACTION, NONE = "full", "plan_of_action", "none"


def assessment_due(
    *, level: int, size_class: str, previous: str | None, supplies_public_clients: bool
) -> str:
    """What is due this year: "full", "plan_of_action" or "none" (DOMAIN §4.4).

    `previous` is what was due the year before (None in the first year). Levels 0–2: a
    full assessment every year. Large and medium from level 3: a plan-of-action
    assessment after a full year, otherwise full. Small from level 3: after a full
    year a plan-of-action assessment if it supplies public clients (and asks), else
    none; otherwise full."""
    if level < 3 or previous != FULL:
        return FULL
    if size_class in ("large", "medium"):
        return PLAN_OF_ACTION
    return PLAN_OF_ACTION if supplies_public_clients else NONE


def previous_due(history: Mapping[int, str], year: int) -> str | None:
    """What was due the year before `year`, from the assessments a company had (year:
    kind): that year's kind; "none" when it had assessments before but none that year;
    None when it had none at all (its first year)."""
    if year - 1 in history:
        return history[year - 1]
    if any(earlier < year for earlier in history):
        return NONE
    return None


def assessment_schedule(
    *,
    level: int,
    size_class: str,
    previous: str | None,
    supplies_public_clients: bool,
    years: int,
) -> list[str]:
    """What is due in each of the next `years` years at an unchanged level."""
    due: list[str] = []
    for _year in range(years):
        previous = assessment_due(
            level=level,
            size_class=size_class,
            previous=previous,
            supplies_public_clients=supplies_public_clients,
        )
        due.append(previous)
    return due


# --- Expected progress and delay (DOMAIN §4.5) ----------------------------------------

#: Years a company is expected to stay on a level; levels 4 and 5 have no deadline.
EXPECTED_YEARS = {0: 1, 1: 1, 2: 1, 3: 2}
ACCEPTED_DELAY_YEARS = 1


def add_years(day: date, years: int) -> date:
    """The same day `years` later; 29 February becomes 28 February."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def expected_until(*, level: int, entered_level_on: date) -> date | None:
    """When the company is expected to have left `level` (None for levels 4 and 5)."""
    years = EXPECTED_YEARS.get(level)
    return None if years is None else add_years(entered_level_on, years)


def is_delayed(*, level: int, entered_level_on: date, on: date) -> bool:
    """More than one year beyond the expected time at the level (levels 4 and 5 are
    never delayed)."""
    until = expected_until(level=level, entered_level_on=entered_level_on)
    if until is None:
        return False
    return on > add_years(until, ACCEPTED_DELAY_YEARS)


def delay_follow_up(level: int) -> str:
    """What a delay leads to: knowledge modules on levels 0–2, an explanatory note on
    the public listing from level 3."""
    return "knowledge_modules" if level < 3 else "explanatory_note"


def entered_level_on(history: Iterable[tuple[date, int]]) -> date | None:
    """From the level decisions (date, level), oldest first: when the company entered
    its current level (the first of the unbroken run of decisions at that level)."""
    entered: date | None = None
    current: int | None = None
    for decided_on, level in history:
        if level != current:
            current, entered = level, decided_on
    return entered


# --- Sample checks (DOMAIN §4.6) ------------------------------------------------------


def draw_sample(population: Iterable[int], size: int, seed: str) -> list[int]:
    """A reproducible random sample: the same population, size and seed always give the
    same ids (sorted). The population is sorted first, so its order does not matter."""
    ordered = sorted(set(population))
    chosen = random.Random(seed).sample(ordered, min(size, len(ordered)))
    return sorted(chosen)
