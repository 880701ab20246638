"""Writing the supplier list as CSV or XLSX (the template and the export), safe to open
in a spreadsheet."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from django.utils.translation import gettext as _

from trustone.spreadsheets import csv_bytes, xlsx_bytes

from .columns import headers

# --- Writing ---------------------------------------------------------------------------


def chain_cells(chain: Any) -> list[Any]:
    """One exported row for a chain (facilities selected). Numbers stay numbers."""

    def facility(f: Any) -> list[Any]:
        if f is None:
            return ["", "", "", "", "", ""]
        return [
            f.name,
            f.address,
            f.place,
            f.country.code if f.country else "",
            "" if f.latitude is None else f.latitude,
            "" if f.longitude is None else f.longitude,
        ]

    return [
        chain.product,
        *facility(chain.factory),
        *facility(chain.quarry),
        chain.extraction_country.code if chain.extraction_country else "",
        chain.processing_country.code if chain.processing_country else "",
        "" if chain.volume_eur is None else chain.volume_eur,
        "ja" if chain.is_circular else "nee",
    ]


def write_csv(rows: Iterable[list[Any]], language: str) -> bytes:
    return csv_bytes([headers(language), *rows])


def write_xlsx(rows: Iterable[list[Any]], language: str) -> bytes:
    return xlsx_bytes(
        [
            ("Ketens" if language == "nl" else "Chains", [headers(language), *rows]),
            (
                "Toelichting" if language == "nl" else "Instructions",
                ([line] for line in _instructions()),
            ),
        ]
    )


def _instructions() -> Iterator[str]:
    yield _("One row per chain: the stone type or product, the factory and, if known, the quarry.")
    yield _("Countries: a name (India, Brazilië, Brazil) or a two-letter code (IN).")
    yield _("Coordinates: decimal degrees, e.g. 24.5854 and 73.7125.")
    yield _("Purchase volume: euros per year, without a currency sign.")
    yield _("Circular: ja or nee (yes or no). Circular chains count as fully known.")
    yield _("Only the first sheet is read.")
