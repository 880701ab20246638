"""Disclosure control (DOMAIN §5): when an aggregated cell may be published (pure)."""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from decimal import Decimal

MIN_CONTRIBUTORS = 3
DOMINANCE_TOP = 2
DOMINANCE_SHARE = Decimal("0.85")


def is_disclosable(
    contributions: Mapping[Hashable, Decimal],
    *,
    min_contributors: int = MIN_CONTRIBUTORS,
    dominance_top: int = DOMINANCE_TOP,
    dominance_share: Decimal = DOMINANCE_SHARE,
) -> bool:
    """True when a cell may be published: at least `min_contributors` companies contribute
    a positive amount, and the `dominance_top` largest hold at most `dominance_share` of
    the total. `contributions` maps a company to its summed volume (1 per company when
    the cell only counts companies)."""
    amounts = sorted((Decimal(v) for v in contributions.values() if v and v > 0), reverse=True)
    if len(amounts) < min_contributors:
        return False
    return sum(amounts[:dominance_top], Decimal(0)) <= dominance_share * sum(amounts, Decimal(0))
