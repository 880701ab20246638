"""The targets dashboard (Art. 7.10): per government and for all together, the share of
tenders at each ambition level per year, against the targets in force for that
government's years of membership in that year."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db.models import Count, QuerySet
from django.db.models.functions import ExtractYear

from members.models import Organisation

from .. import rules
from ..models import Tender


@dataclass(frozen=True)
class YearRow:
    year: int
    counts: dict[str, int]
    total: int
    shares: dict[str, Decimal]
    targets: dict[str, Decimal] | None
    meets: bool | None
    years_of_membership: int | None

    @property
    def segments(self) -> list[tuple[str, Decimal, Decimal]]:
        """(level, start, width) of each share in a stacked bar of width 100."""
        start, result = Decimal(0), []
        for level in rules.AMBITION_LEVELS:
            result.append((level, start, self.shares[level]))
            start += self.shares[level]
        return result

    @property
    def target_marks(self) -> list[tuple[str, Decimal]]:
        """Where the targets end in the same bar: after Basis, after Significant."""
        if self.targets is None:
            return []
        basis = self.targets[rules.BASIS]
        marks = [
            (rules.BASIS, basis),
            (rules.SIGNIFICANT, basis + self.targets[rules.SIGNIFICANT]),
        ]
        # A boundary at either end of the bar marks nothing (after one year: 70/30/0).
        return [(level, at) for level, at in marks if Decimal(0) < at < Decimal(100)]


def _counts(tenders: QuerySet[Tender]) -> dict[tuple[int, int], dict[str, int]]:
    """{(government id, year): {ambition: count}} in one query."""
    counts: dict[tuple[int, int], dict[str, int]] = defaultdict(dict)
    rows = (
        tenders.annotate(year=ExtractYear("tendered_on"))
        .values("government_id", "year", "ambition")
        .annotate(n=Count("id"))
    )
    for row in rows:
        counts[(row["government_id"], row["year"])][row["ambition"]] = row["n"]
    return counts


def _row(year: int, counts: dict[str, int], joined_on: date | None) -> YearRow:
    total = sum(counts.values())
    shares = rules.ambition_shares(counts)
    if joined_on is None or date(year, 12, 31) < joined_on:
        return YearRow(year, counts, total, shares, None, None, None)
    years = rules.whole_years_between(joined_on, date(year, 12, 31))
    targets = rules.ambition_targets(years)
    return YearRow(
        year, counts, total, shares, targets, rules.meets_targets(shares, targets), years
    )


def government_years(
    governments: QuerySet[Organisation], tenders: QuerySet[Tender]
) -> list[tuple[Organisation, list[YearRow]]]:
    """Each government with its tenders per year (oldest first), shares and targets."""
    counts = _counts(tenders)
    result = []
    for government in governments:
        covenant = getattr(government, "covenant", None)
        joined_on = covenant.joined_on if covenant is not None else None
        years = sorted(year for (government_id, year) in counts if government_id == government.pk)
        result.append(
            (government, [_row(year, counts[(government.pk, year)], joined_on) for year in years])
        )
    return result


def all_governments_years(tenders: QuerySet[Tender]) -> list[YearRow]:
    """All governments together per year: shares only (each government has its own
    targets, so a common target is not shown)."""
    totals: dict[int, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for (_government_id, year), counts in _counts(tenders).items():
        for level, n in counts.items():
            totals[year][level] += n
    return [_row(year, dict(totals[year]), None) for year in sorted(totals)]
