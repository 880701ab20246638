"""Signal statistics for the annual report (DOMAIN §5, §6): how many signals reached
member companies, by theme, by country and by status, after disclosure control.

A signal counts in a cell for every company it was routed to (the contributor is the
company, Art. 6.8): a cell is shown only when at least three companies got signals in it
and no two of them got most of them; the rest is shown together as "other", or not at
all when even that could be traced (secondary suppression). Signals not yet routed
reached no company and are not counted."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable
from decimal import Decimal
from typing import Any

from ..models import SignalRoute
from ..rules.disclosure import disclosed_cells
from ..themes import Theme

DIMENSIONS = ("theme", "country", "status")


def signal_statistics() -> dict[str, list[dict[str, Any]]]:
    """{dimension: [{"value": …, "signals": n}, …, {"value": "", "signals": n} for the
    others together]} for theme, country and status; each table's rows are published
    cells only, so its total is their sum."""
    cells: dict[str, dict[tuple[str, ...], dict[Hashable, Decimal]]] = {
        name: defaultdict(lambda: defaultdict(Decimal)) for name in DIMENSIONS
    }
    signals: dict[str, dict[tuple[str, ...], set[int]]] = {
        name: defaultdict(set) for name in DIMENSIONS
    }
    routes = SignalRoute.objects.values_list(
        "organisation_id", "signal_id", "signal__themes", "signal__country", "signal__status"
    )
    for company, signal, themes, country, status in routes:
        for name, values in (
            ("theme", [t for t in themes if t in Theme.values]),
            ("country", [str(country)]),
            ("status", [status]),
        ):
            for value in values:
                cells[name][(value,)][company] += 1
                signals[name][(value,)].add(signal)
    tables: dict[str, list[dict[str, Any]]] = {}
    for name in DIMENSIONS:
        published = disclosed_cells(cells[name])
        rows = []
        for path in sorted(published, key=lambda p: (not p, p)):
            if path:
                count = len(signals[name][path])
            else:  # the others together: the signals of every cell not shown alone
                shown = {p for p in published if p}
                count = len(
                    set().union(*(ids for p, ids in signals[name].items() if p not in shown))
                )
            rows.append({"value": path[0] if path else "", "signals": count})
        tables[name] = rows
    return tables
