"""Disclosure control (DOMAIN §5): when an aggregated cell may be published (pure)."""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping
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


Contributions = Mapping[Hashable, Decimal]
Path = tuple[str, ...]


def _merged(cells: Iterable[Contributions]) -> dict[Hashable, Decimal]:
    """Contributions of several cells together, summed per company (one contributor)."""
    total: dict[Hashable, Decimal] = {}
    for cell in cells:
        for company, amount in cell.items():
            total[company] = total.get(company, Decimal(0)) + Decimal(amount)
    return total


def _size(cell: Contributions) -> tuple[Decimal, int]:
    return sum((Decimal(v) for v in cell.values()), Decimal(0)), len(cell)


def disclosed_cells(
    cells: Mapping[Path, Contributions],
    *,
    min_contributors: int = MIN_CONTRIBUTORS,
    dominance_top: int = DOMINANCE_TOP,
    dominance_share: Decimal = DOMINANCE_SHARE,
) -> dict[Path, dict[Hashable, Decimal]]:
    """The cells that may be published, after primary and secondary suppression (pure).

    `cells` are keyed by a path from coarse to fine, all of one length, e.g. (country,
    region, site). In each group of siblings (same parent path) the cells that fail
    `is_disclosable` are suppressed and merged into one cell for the group, keyed by the
    parent path ("other sites in this region"). When that merged cell would itself not
    be disclosable — one suppressed cell alone is never — the smallest published
    siblings join it until it is (secondary suppression), so that no suppressed cell
    can be derived by subtracting published cells from the group's total. A merged cell
    that still cannot be published moves up to the next coarser group, and so on; what
    cannot be published even at the top (an empty path, "other") is left out.

    Totals shown beside the result must be sums of the published cells only.
    """

    def disclosable(cell: Contributions) -> bool:
        return is_disclosable(
            cell,
            min_contributors=min_contributors,
            dominance_top=dominance_top,
            dominance_share=dominance_share,
        )

    published: dict[Path, dict[Hashable, Decimal]] = {}
    level: dict[Path, dict[Hashable, Decimal]] = {path: dict(c) for path, c in cells.items()}
    while level:
        groups: dict[Path, list[Path]] = {}
        for path in level:
            groups.setdefault(path[:-1], []).append(path)
        coarser: dict[Path, dict[Hashable, Decimal]] = {}
        for parent, paths in groups.items():
            shown = [p for p in paths if disclosable(level[p])]
            hidden = [p for p in paths if not disclosable(level[p])]
            if hidden:
                shown.sort(key=lambda p: _size(level[p]))  # smallest first
                rest = _merged(level[p] for p in hidden)
                while not disclosable(rest) and shown:
                    joined = shown.pop(0)
                    rest = _merged([rest, level[joined]])
                if disclosable(rest):
                    published[parent] = rest
                elif parent:
                    coarser[parent] = rest
            for path in shown:
                published[path] = level[path]
        level = {path: cell for path, cell in coarser.items() if path}
    return published
