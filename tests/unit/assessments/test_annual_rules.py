"""Disclosure control of the annual report's tables (DOMAIN §5), without a database:
tables that read like the covenant's rule, and seeded random tables on which no
published row may have fewer than three companies or be dominated, and no hidden cell
can be found by subtracting published rows from a published total."""

from __future__ import annotations

import random
from collections import defaultdict
from decimal import Decimal

import pytest

from assessments.rules.annual import cell_fates, disclose_table, figures_from
from supplychain.rules.disclosure import is_disclosable


def companies(path: list[str], *names: str) -> dict:
    return {"path": path, "by": dict.fromkeys(names, "1")}


def counted(table: dict) -> dict[tuple[str, ...], int]:
    return {tuple(row["path"]): row["value"] for row in disclose_table(table)["rows"]}


@pytest.mark.parametrize(
    ("contributors", "shown"),
    [
        (("a", "b", "c"), True),  # three companies: shown
        (("a", "b"), False),  # two: hidden
        (("a",), False),
    ],
)
def test_a_count_is_shown_from_three_companies(contributors, shown) -> None:
    table = {
        "measure": "companies",
        "cells": [companies(["x"], *contributors), companies(["y"], "d", "e", "f")],
    }
    assert (("x",) in counted(table)) is shown


def test_a_company_in_many_chains_counts_once() -> None:
    table = {
        "measure": "companies",
        "cells": [companies(["x"], "a"), companies(["x"], "a"), companies(["x"], "b")],
    }
    result = disclose_table(table)
    assert result["rows"] == []  # a and b: two companies, not three
    assert result["left_out"] == 1


@pytest.mark.parametrize(
    ("volumes", "shown"),
    [
        (("40", "30", "30"), True),  # the two largest hold 70 %
        (("50", "35", "15"), True),  # 85 % exactly: allowed
        (("60", "30", "10"), False),  # 90 %: dominated
        (("98", "1", "1"), False),
    ],
)
def test_a_volume_cell_dominated_by_two_companies_is_hidden(volumes, shown) -> None:
    table = {
        "measure": "volume",
        "cells": [
            {"path": ["IN", "Rajasthan"], "by": dict(zip("abc", volumes, strict=True))},
            {"path": ["IN", "Telangana"], "by": {"d": "10", "e": "10", "f": "10"}},
        ],
    }
    assert (("IN", "Rajasthan") in counted(table)) is shown


def test_one_hidden_cell_is_never_shown_as_other_alone() -> None:
    """Secondary suppression: "other" made of one hidden cell would be that cell."""
    table = {
        "measure": "companies",
        "cells": [
            companies(["IN", "Rajasthan"], "a", "b", "c", "d"),
            companies(["IN", "Telangana"], "e", "f", "g"),
            companies(["IN", "Karnataka"], "h"),
        ],
    }
    rows = counted(table)
    assert ("IN", "Karnataka") not in rows
    # Telangana (the smallest shown) joins Karnataka in "other regions of India".
    assert rows == {("IN", "Rajasthan"): 4, ("IN",): 4}
    assert disclose_table(table)["total"] == 8


def test_items_count_signals_not_companies() -> None:
    table = {
        "measure": "items",
        "cells": [
            {"path": ["child_labour"], "by": {"a": "2", "b": "1", "c": "1"}, "items": ["1", "2"]},
        ],
    }
    assert counted(table) == {("child_labour",): 2}


def test_averages_need_three_companies_and_are_never_summed() -> None:
    table = {
        "measure": "mean",
        "cells": [
            {
                "path": ["1"],
                "by": dict.fromkeys("abc", "1"),
                "values": {"a": "50", "b": "60", "c": "70"},
            },
            {"path": ["2"], "by": dict.fromkeys("ab", "1"), "values": {"a": "10", "b": "90"}},
        ],
    }
    result = disclose_table(table)
    assert [(row["path"], row["value"]) for row in result["rows"]] == [(["1"], "60.0")]
    assert result["total"] is None
    assert result["left_out"] == 1


def test_the_same_inputs_give_the_same_figures() -> None:
    inputs = {
        "year": 2025,
        "as_of": "2025-12-31",
        "tables": {"t": {"measure": "companies", "cells": [companies(["x"], "a", "b", "c")]}},
        "projects": [{"name": "Rajasthan"}],
    }
    assert figures_from(inputs) == figures_from(inputs)
    assert figures_from(inputs)["projects"] == [{"name": "Rajasthan"}]


def test_an_unknown_measure_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown measure"):
        disclose_table({"measure": "sum", "cells": []})


# --- Seeded random tables ----------------------------------------------------------------


def random_table(seed: int, measure: str) -> dict:
    rng = random.Random(seed)
    cells = []
    for country in ("IN", "CN", "VN", "BR")[: rng.randint(1, 4)]:
        for region in range(rng.randint(1, 5)):
            buyers = rng.sample(range(30), rng.randint(1, 7))
            by = {f"c{b}": str(rng.choice([1, 5, 50, 500, 5000])) for b in buyers}
            cells.append(
                {"path": [country, f"r{region}"], "by": by, "items": [f"{country}{region}"]}
            )
    return {"measure": measure, "cells": cells}


@pytest.mark.parametrize("seed", range(60))
@pytest.mark.parametrize("measure", ["companies", "volume", "items"])
def test_no_published_row_can_be_traced_to_a_company(seed, measure) -> None:
    table = random_table(seed, measure)
    fates = cell_fates(table)
    rows = disclose_table(table)["rows"]
    published = {tuple(row["path"]) for row in rows}
    merged: dict[tuple[str, ...], dict[str, Decimal]] = defaultdict(lambda: defaultdict(Decimal))
    for home, weights in ((home, weights) for _fate, home, weights in fates.values()):
        if home is not None:
            assert home in published
            for company, weight in weights.items():
                merged[home][company] += weight
    assert set(merged) == published
    for path, weights in merged.items():
        # Every published row, made of the cells counted in it: three companies at
        # least, and not dominated by two.
        assert is_disclosable(weights), (path, dict(weights))


@pytest.mark.parametrize("seed", range(60))
def test_a_hidden_cell_cannot_be_found_by_subtraction(seed) -> None:
    """What the published rows of a group leave unexplained is never one hidden cell:
    hidden cells live only inside an "other" row (itself disclosable) or nowhere."""
    table = random_table(seed, "companies")
    fates = cell_fates(table)
    result = disclose_table(table)
    assert result["total"] == sum(row["value"] for row in result["rows"])
    others: dict[tuple[str, ...], list[tuple[str, ...]]] = defaultdict(list)
    for path, (fate, home, _weights) in fates.items():
        if fate == "merged":
            others[home].append(path)
    for home, paths in others.items():
        hidden = [p for p in paths if not is_disclosable(dict.fromkeys(fates[p][2], Decimal(1)))]
        # An "other" row never holds exactly one hidden cell and nothing else.
        assert not (len(paths) == 1 and len(hidden) == 1), (home, paths)
