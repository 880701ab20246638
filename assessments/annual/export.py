"""The secretariat's unsuppressed export of one table of a version: every cell of the
snapshot as it went into disclosure control, with what disclosure control made of it.
For the secretariat's own analysis only; no company is named (contributors are counted)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.utils.translation import gettext as _

from supplychain.rules.disclosure import DOMINANCE_TOP

from ..rules.annual import TableInput, cell_fates
from .tables import TableSpec


def unsuppressed_rows(spec: TableSpec, table: TableInput) -> list[list[Any]]:
    """A header row, then one row per cell of the snapshot."""
    measure = table["measure"]
    fates = cell_fates(table)
    names = {
        "published": _("published"),
        "merged": _("combined with others"),
        "left_out": _("left out"),
    }
    header = [str(d) for d in spec.dimensions] + [
        _("Contributors"),
        str(spec.value_label),
        _("Share of the two largest (%)"),
        _("In the published report"),
    ]
    rows: list[list[Any]] = [header]
    for cell in table["cells"]:
        path = tuple(cell["path"])
        fate, _home, by = fates[path]
        weights = sorted(by.values(), reverse=True)
        whole = sum(weights, Decimal(0))
        top = sum(weights[:DOMINANCE_TOP], Decimal(0))
        if measure == "items":
            value: Any = len(cell.get("items", []))
        elif measure == "mean":
            values = [Decimal(str(v)) for v in cell.get("values", {}).values()]
            mean = sum(values, Decimal(0)) / len(values) if values else None
            value = "" if mean is None else mean.quantize(Decimal("0.1"))
        else:
            value = len(by)
        rows.append(
            [spec.label(depth, code) for depth, code in enumerate(path)]
            + [
                len(by),
                value,
                (top * 100 / whole).quantize(Decimal("0.1")) if whole else "",
                names[fate],
            ]
        )
    return rows
