"""Disclosure control of the annual public report's tables (DOMAIN §5, Art. 6.8). Pure.

A table's input is a list of cells, each a path from coarse to fine (a country and a
region; a level last year and this year; a theme) with what each contributor — a
member company, or for tenders a government — adds to it: its weight (1 for a count of
contributors, a volume, a number of signals), and, for a table of averages, its value.
Contributions are summed per contributor before they reach this module, so one company
is one contributor however many chains or sites it has.

`disclose_table` decides what is published:
- additive tables ("companies", "items", "volume") go through `disclosed_cells`: a cell
  with fewer than three contributors, or whose two largest hold more than 85 % of its
  weight, is merged into its parent ("other") with secondary suppression, and the
  table's total is the sum of the published rows only, so that no suppressed cell can be
  found by subtraction;
- a table of averages ("mean") publishes an average only over at least three
  contributors; averages are never summed, so nothing is merged.

The result says how many cells were merged or left out, never their values: that is
what the methodology note reports."""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence
from decimal import ROUND_HALF_UP, Decimal
from typing import Any, TypedDict

from supplychain.rules.disclosure import (
    DOMINANCE_SHARE,
    DOMINANCE_TOP,
    MIN_CONTRIBUTORS,
    disclosed_cells,
    is_disclosable,
)

Path = tuple[str, ...]
MEASURES = ("companies", "items", "volume", "mean")
ONE = Decimal(1)


class CellInput(TypedDict, total=False):
    path: list[str]
    by: dict[str, str]  # contributor → weight (a decimal as text)
    items: list[str]  # what is counted ("items" tables): signal or tender ids
    values: dict[str, str]  # contributor → value ("mean" tables)


class TableInput(TypedDict):
    measure: str
    cells: list[CellInput]


def _decimal(text: Any) -> Decimal:
    return Decimal(str(text))


def _round(value: Decimal, places: str = "0.1") -> Decimal:
    return value.quantize(Decimal(places), rounding=ROUND_HALF_UP)


def _home(path: Path, published: Mapping[Path, Any]) -> Path | None:
    """The published cell a fine cell counts in: its longest published prefix."""
    for length in range(len(path), -1, -1):
        if path[:length] in published:
            return path[:length]
    return None


def _cells(table: TableInput) -> tuple[dict[Path, dict[Hashable, Decimal]], dict[Path, int]]:
    """Each cell's weights summed per contributor, and where each cell came first."""
    cells: dict[Path, dict[Hashable, Decimal]] = {}
    order: dict[Path, int] = {}
    for index, cell in enumerate(table["cells"]):
        path = tuple(cell["path"])
        merged = cells.setdefault(path, {})
        for contributor, weight in cell.get("by", {}).items():
            merged[contributor] = merged.get(contributor, Decimal(0)) + _decimal(weight)
        order.setdefault(path, index)
    return cells, order


Fates = dict[Path, tuple[str, Path | None, dict[Hashable, Decimal]]]


def cell_fates(table: TableInput, **options: Any) -> Fates:
    """For the secretariat's unsuppressed export: each cell of the input with what
    disclosure control made of it ("published", "merged" into a coarser row, or
    "left_out"), the published row it counts in (None when left out) and its weights per
    contributor."""
    cells, _order = _cells(table)
    if table["measure"] == "mean":
        return {
            path: (
                ("published", path, weights)
                if is_disclosable(dict.fromkeys(weights, ONE), **options)
                else ("left_out", None, weights)
            )
            for path, weights in cells.items()
        }
    published = disclosed_cells(cells, **options)
    fates = {}
    for path, weights in cells.items():
        home = _home(path, published)
        fate = "left_out" if home is None else "published" if home == path else "merged"
        fates[path] = (fate, home, weights)
    return fates


def disclose_table(
    table: TableInput,
    *,
    min_contributors: int = MIN_CONTRIBUTORS,
    dominance_top: int = DOMINANCE_TOP,
    dominance_share: Decimal = DOMINANCE_SHARE,
) -> dict[str, Any]:
    """What may be published of one table: {"rows": [{"path", "value", "contributors",
    ("share")}], "total", "cells", "merged", "left_out"}. Rows are ordered as the cells
    came, a merged row ("other" of a group) after its group's cells."""
    measure = table["measure"]
    if measure not in MEASURES:
        raise ValueError(f"unknown measure {measure!r}")
    cells, order = _cells(table)
    options: dict[str, Any] = {
        "min_contributors": min_contributors,
        "dominance_top": dominance_top,
        "dominance_share": dominance_share,
    }
    if measure == "mean":
        return _disclose_means(table, cells, **options)
    published = disclosed_cells(cells, **options)
    homes = {path: _home(path, published) for path in cells}
    rows = []
    for path in sorted(published, key=lambda p: _row_order(p, order)):
        contributors = published[path]
        row: dict[str, Any] = {"path": list(path), "contributors": len(contributors)}
        if measure == "items":
            items: set[str] = set()
            for cell in table["cells"]:
                if homes.get(tuple(cell["path"])) == path:
                    items.update(cell.get("items", []))
            row["value"] = len(items)
        elif measure == "volume":
            row["value"] = len(contributors)
            row["weight"] = sum(contributors.values(), Decimal(0))
        else:
            row["value"] = len(contributors)
        rows.append(row)
    if measure == "volume":
        weights = [row.pop("weight") for row in rows]
        whole = sum(weights, Decimal(0))
        for row, weight in zip(rows, weights, strict=True):
            row["share"] = str(_round(weight * 100 / whole)) if whole else None
    merged_away = [p for p, home in homes.items() if home is not None and home != p]
    left_out = [p for p, home in homes.items() if home is None]
    return {
        "rows": rows,
        "total": (
            _items_total(table, homes) if measure == "items" else sum(r["value"] for r in rows)
        ),
        "cells": len(cells),
        "merged": len(merged_away),
        "left_out": len(left_out),
    }


def _items_total(table: TableInput, homes: Mapping[Path, Path | None]) -> int:
    """Distinct items over the published cells (an item in two cells counts once)."""
    items: set[str] = set()
    for cell in table["cells"]:
        if homes.get(tuple(cell["path"])) is not None:
            items.update(cell.get("items", []))
    return len(items)


def _row_order(path: Path, order: Mapping[Path, int]) -> tuple[Any, ...]:
    """Cells in input order; a group's merged "other" row right after its cells, and
    the table's "other" last."""
    if path in order:
        return (order[path], 0)
    group = [index for p, index in order.items() if p[: len(path)] == path]
    return (max(group, default=len(order)), 1) if path else (len(order) + 1, 1)


def _disclose_means(
    table: TableInput,
    cells: Mapping[Path, Mapping[Hashable, Decimal]],
    **options: Any,
) -> dict[str, Any]:
    values: dict[Path, dict[str, Decimal]] = {}
    for cell in table["cells"]:
        bucket = values.setdefault(tuple(cell["path"]), {})
        for contributor, value in cell.get("values", {}).items():
            bucket[contributor] = _decimal(value)
    rows = []
    left_out = 0
    for path, contributors in cells.items():
        # An average is a count of contributors: every company weighs the same.
        if not is_disclosable(dict.fromkeys(contributors, ONE), **options):
            left_out += 1
            continue
        cell_values = list(values.get(path, {}).values())
        mean = sum(cell_values, Decimal(0)) / len(cell_values) if cell_values else Decimal(0)
        rows.append(
            {"path": list(path), "value": str(_round(mean)), "contributors": len(contributors)}
        )
    return {"rows": rows, "total": None, "cells": len(cells), "merged": 0, "left_out": left_out}


def disclose_tables(tables: Mapping[str, TableInput], **options: Any) -> dict[str, dict[str, Any]]:
    """Every table of a report's inputs, disclosed."""
    return {key: disclose_table(table, **options) for key, table in tables.items()}


def suppression_summary(figures: Mapping[str, Mapping[str, Any]]) -> list[dict[str, Any]]:
    """For the methodology note: per table that lost detail, how many cells were merged
    into "other" and how many were left out — never which or how much. In the order of
    the tables' keys: a snapshot read back from the database (where JSON objects keep no
    order) gives the same summary as the snapshot it was when it was taken."""
    return [
        {"table": key, "merged": table["merged"], "left_out": table["left_out"]}
        for key, table in sorted(figures.items())
        if table["merged"] or table["left_out"]
    ]


def published_paths(rows: Sequence[Mapping[str, Any]]) -> list[Path]:
    return [tuple(row["path"]) for row in rows]


def figures_from(inputs: Mapping[str, Any], **options: Any) -> dict[str, Any]:
    """A report's published figures from its snapshot of inputs: the same inputs give
    the same figures, whenever they are computed."""
    tables = disclose_tables(inputs.get("tables", {}), **options)
    return {
        "year": inputs.get("year"),
        "as_of": inputs.get("as_of"),
        "tables": tables,
        "suppressed": suppression_summary(tables),
        "projects": list(inputs.get("projects", [])),
    }
