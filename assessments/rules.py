"""Pure rules of the assessment (DOMAIN §4). No database."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal
from typing import Any

HUNDRED = Decimal("100")


def _get(chain: Any, name: str) -> Any:
    if isinstance(chain, Mapping):
        return chain.get(name)
    return getattr(chain, name)


def insight_percentages(chains: Iterable[Any]) -> tuple[Decimal, Decimal]:
    """(factory insight %, quarry insight %), 0–100 (DOMAIN §4.2).

    Weighted by purchase volume; by number of chains when no chain has a volume. A
    circular chain counts as known for both. Each chain is a mapping or an object with
    `volume` (Decimal or None), `factory_known`, `quarry_known` and `is_circular`.
    With volumes on some chains only, the chains without a volume weigh nothing."""
    rows = [
        (
            _get(chain, "volume"),
            bool(_get(chain, "factory_known")) or bool(_get(chain, "is_circular")),
            bool(_get(chain, "quarry_known")) or bool(_get(chain, "is_circular")),
        )
        for chain in chains
    ]
    if not rows:
        return Decimal("0"), Decimal("0")
    weighted = any(volume for volume, _factory, _quarry in rows)
    weights = [Decimal(volume or 0) if weighted else Decimal(1) for volume, _f, _q in rows]
    total = sum(weights, Decimal("0"))
    if total == 0:
        return Decimal("0"), Decimal("0")
    factory = sum(
        (w for w, (_v, known, _q) in zip(weights, rows, strict=True) if known), Decimal("0")
    )
    quarry = sum(
        (w for w, (_v, _f, known) in zip(weights, rows, strict=True) if known), Decimal("0")
    )
    return _percent(factory, total), _percent(quarry, total)


def _percent(part: Decimal, total: Decimal) -> Decimal:
    """Exact (no rounding here: thresholds are compared on the exact value)."""
    return part * HUNDRED / total


def display_percent(value: Decimal) -> Decimal:
    """For showing a percentage: one decimal, rounded down so that 59.96 never shows as
    the 60.0 it does not reach."""
    return value.quantize(Decimal("0.1"), rounding=ROUND_DOWN)


# DOMAIN §4.3: (level, quarry ≥, factory ≥, DD score ≥, impact indicators needed).
LEVEL_THRESHOLDS: tuple[tuple[int, Decimal, Decimal, Decimal, bool], ...] = (
    (1, Decimal(20), Decimal(50), Decimal(20), False),
    (2, Decimal(40), Decimal(75), Decimal(40), False),
    (3, Decimal(60), Decimal(100), Decimal(60), False),
    (4, Decimal(75), Decimal(100), Decimal(75), True),
    (5, Decimal(90), Decimal(100), Decimal(90), True),
)


CRITERIA = {"quarry": 1, "factory": 2, "dd_score": 3}


def criterion_level(
    value: Decimal, criterion: str, thresholds: Any = None
) -> tuple[int, int | None, Decimal | None]:
    """For one criterion ("quarry", "factory" or "dd_score"): the highest level whose
    threshold the value meets (0 for none), and the next level with its threshold
    (None, None at the top). Levels reached only by the other criteria are not implied."""
    index = CRITERIA[criterion]
    reached = 0
    for row in thresholds or LEVEL_THRESHOLDS:
        if value >= row[index]:
            reached = row[0]
            continue
        return reached, row[0], row[index]
    return reached, None, None


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
