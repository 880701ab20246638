"""The scorecard of a submitted report: its frozen answers with their points, the
secretariat's adjustments, the DD score per step and in total, the insight and the
level with what each criterion still lacks. Pure: reads the snapshot, no database."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from supplychain.rules import HUNDRED

from .. import rules


@dataclass
class ScoredAnswer:
    code: str
    step: int
    row: dict[str, Any]
    points: Decimal | None
    max_points: Decimal
    adjusted_points: Decimal | None = None
    adjustments: list[Any] = field(default_factory=list)

    @property
    def counted_points(self) -> Decimal:
        return rules.answer_points(self)


@dataclass
class StepScore:
    number: int
    achieved: Decimal
    maximum: Decimal

    @property
    def percent(self) -> Decimal:
        return self.achieved * HUNDRED / self.maximum if self.maximum else Decimal(0)


@dataclass
class Criterion:
    name: str
    value: Decimal | bool
    required: Decimal | bool
    is_met: bool


@dataclass
class Scorecard:
    answers: list[ScoredAnswer]
    steps: list[StepScore]
    dd_score: Decimal
    factory_insight: Decimal
    quarry_insight: Decimal
    impact_indicators_met: bool
    level: int
    next_level: int | None
    next_level_criteria: list[Criterion]

    def answer(self, code: str) -> ScoredAnswer | None:
        return next((a for a in self.answers if a.code == code), None)


def _decimal(value: Any) -> Decimal | None:
    return None if value is None or value == "" else Decimal(str(value))


def scorecard(
    snapshot: dict[str, Any],
    adjustments: Iterable[Any] = (),
    *,
    impact_indicators_met: bool = False,
    thresholds: Any = None,
) -> Scorecard:
    """Score a report snapshot. `adjustments` are objects or mappings with
    `question_code` and `adjusted_points`, oldest first: the latest per question counts."""
    by_code: dict[str, list[Any]] = {}
    for adjustment in adjustments:
        by_code.setdefault(rules.value_of(adjustment, "question_code"), []).append(adjustment)
    answers = []
    for row in snapshot.get("answers", []):
        history = by_code.get(row["code"], [])
        latest = history[-1] if history else None
        answers.append(
            ScoredAnswer(
                code=row["code"],
                step=int(row.get("step") or 0),
                row=row,
                points=_decimal(row.get("points")),
                max_points=_decimal(row.get("maximum")) or Decimal(0),
                adjusted_points=(
                    _decimal(rules.value_of(latest, "adjusted_points")) if latest else None
                ),
                adjustments=history,
            )
        )
    steps: dict[int, StepScore] = {}
    for answer in answers:
        step = steps.setdefault(answer.step, StepScore(answer.step, Decimal(0), Decimal(0)))
        step.achieved += answer.counted_points
        step.maximum += answer.max_points
    score = rules.dd_score(answers)
    factory = _decimal(snapshot.get("factory_insight")) or Decimal(0)
    quarry = _decimal(snapshot.get("quarry_insight")) or Decimal(0)
    level = rules.classify_level(
        quarry_insight=quarry,
        factory_insight=factory,
        dd_score=score,
        impact_indicators_met=impact_indicators_met,
        thresholds=thresholds,
    )
    next_level = level + 1 if level < 5 else None
    criteria = (
        [
            Criterion(*row)
            for row in rules.level_shortfalls(
                level=next_level,
                quarry_insight=quarry,
                factory_insight=factory,
                dd_score=score,
                impact_indicators_met=impact_indicators_met,
                thresholds=thresholds,
            )
        ]
        if next_level
        else []
    )
    return Scorecard(
        answers=answers,
        steps=[steps[number] for number in sorted(steps)],
        dd_score=score,
        factory_insight=factory,
        quarry_insight=quarry,
        impact_indicators_met=impact_indicators_met,
        level=level,
        next_level=next_level,
        next_level_criteria=criteria,
    )
