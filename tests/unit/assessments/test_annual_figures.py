"""The annual report's figures depend on the snapshot's content, not on the order of its
tables: PostgreSQL's jsonb keeps no key order, so a snapshot read back from the database
must give the figures it gave when it was taken."""

from assessments.rules.annual import figures_from


def _table(count: int) -> dict:
    return {
        "measure": "companies",
        "cells": [
            {"path": ["a"], "by": {str(n): "1" for n in range(count)}},
            {"path": ["b"], "by": {"99": "1"}},
        ],
    }


def test_the_figures_do_not_depend_on_the_order_of_the_tables() -> None:
    tables = {"member_types": _table(4), "levels": _table(3), "level_moves": _table(5)}
    inputs = {"year": 2025, "as_of": "2025-12-31", "tables": tables, "projects": []}
    reordered = {**inputs, "tables": dict(sorted(tables.items(), key=lambda kv: len(kv[0])))}
    assert list(reordered["tables"]) != list(tables)
    figures = figures_from(inputs)
    assert figures_from(reordered) == figures
    assert [row["table"] for row in figures["suppressed"]] == [
        "level_moves",
        "levels",
        "member_types",
    ]
