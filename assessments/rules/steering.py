"""Pure rules behind the steering group's dashboard: the initiative's progress over the
years (members, levels, the average due-diligence score) and how late an open item is.
No database: plain values in, plain values out."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

#: An average is shown for a year only when at least this many companies contribute to
#: it (DOMAIN §5: an aggregate must not be traceable to a single company).
MIN_CONTRIBUTORS = 3


def year_end(year: int, today: date) -> date:
    """The day a year is counted on: 31 December, or today for the running year."""
    return min(date(year, 12, 31), today)


def years_from(first: date | None, today: date) -> list[int]:
    """Every year from `first` up to and including today's (none without a first date)."""
    if first is None or first > today:
        return []
    return list(range(first.year, today.year + 1))


def is_member_on(joined_on: date | None, ends_on: date | None, on: date) -> bool:
    """A membership runs on `on` from the signing date up to, not including, its end."""
    return joined_on is not None and joined_on <= on and (ends_on is None or ends_on > on)


def level_on(history: Sequence[tuple[date, int]], on: date) -> int | None:
    """The level last decided on or before `on` (history sorted by date); None before
    the first decision."""
    level = None
    for decided_on, decided_level in history:
        if decided_on > on:
            break
        level = decided_level
    return level


def average_per_year(
    scores: Iterable[tuple[int, int, Decimal]], *, minimum: int = MIN_CONTRIBUTORS
) -> dict[int, Decimal | None]:
    """The average of `(company, year, score)` per year, each company counted once a year
    (its last score given wins), rounded to one decimal; None for a year with fewer than
    `minimum` companies."""
    per_year: dict[int, dict[int, Decimal]] = defaultdict(dict)
    for company, year, score in scores:
        per_year[year][company] = score
    averages: dict[int, Decimal | None] = {}
    for year, by_company in sorted(per_year.items()):
        if len(by_company) < minimum:
            averages[year] = None
            continue
        total = sum(by_company.values(), Decimal(0)) / len(by_company)
        averages[year] = total.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    return averages


def days_overdue(deadline: date, today: date) -> int:
    """Whole days since the deadline; the deadline day itself is in time (0)."""
    return max(0, (today - deadline).days)
