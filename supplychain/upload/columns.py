"""The supplier-list file's columns (Dutch and English headers) and what reading and
validating it produce."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ..rules import normalised_text

MAX_ROWS = 20_000
MAX_BYTES = 10 * 1024 * 1024


@dataclass(frozen=True)
class Column:
    key: str
    english: str
    dutch: str
    label: Any  # lazy, for messages


COLUMNS: tuple[Column, ...] = (
    Column("product", "product", "product", gettext_lazy("stone type or product")),
    Column("factory_name", "factory_name", "fabriek_naam", gettext_lazy("factory name")),
    Column("factory_address", "factory_address", "fabriek_adres", gettext_lazy("factory address")),
    Column("factory_place", "factory_place", "fabriek_plaats", gettext_lazy("factory place")),
    Column("factory_country", "factory_country", "fabriek_land", gettext_lazy("factory country")),
    Column(
        "factory_latitude",
        "factory_latitude",
        "fabriek_breedtegraad",
        gettext_lazy("factory latitude"),
    ),
    Column(
        "factory_longitude",
        "factory_longitude",
        "fabriek_lengtegraad",
        gettext_lazy("factory longitude"),
    ),
    Column("quarry_name", "quarry_name", "groeve_naam", gettext_lazy("quarry name")),
    Column("quarry_address", "quarry_address", "groeve_adres", gettext_lazy("quarry address")),
    Column("quarry_place", "quarry_place", "groeve_plaats", gettext_lazy("quarry place")),
    Column("quarry_country", "quarry_country", "groeve_land", gettext_lazy("quarry country")),
    Column(
        "quarry_latitude", "quarry_latitude", "groeve_breedtegraad", gettext_lazy("quarry latitude")
    ),
    Column(
        "quarry_longitude",
        "quarry_longitude",
        "groeve_lengtegraad",
        gettext_lazy("quarry longitude"),
    ),
    Column(
        "extraction_country",
        "extraction_country",
        "land_winning",
        gettext_lazy("country of extraction"),
    ),
    Column(
        "processing_country",
        "processing_country",
        "land_verwerking",
        gettext_lazy("country of processing"),
    ),
    Column("volume_eur", "volume_eur", "inkoopvolume_euro", gettext_lazy("purchase volume")),
    Column("circular", "circular", "circulair", gettext_lazy("circular")),
)
REQUIRED = ("product",)
HEADERS = {column.english: column for column in COLUMNS} | {
    column.dutch: column for column in COLUMNS
}
YES = {"ja", "yes", "j", "y", "1", "true", "waar", "x"}
NO = {"nee", "no", "n", "0", "false", "onwaar", ""}


def headers(language: str) -> list[str]:
    return [column.dutch if language == "nl" else column.english for column in COLUMNS]


@dataclass(frozen=True)
class Problem:
    row: int  # as numbered in the file (the header is row 1); 0 for the whole file
    column: str  # the header as written in the file, or ""
    message: str

    def __str__(self) -> str:
        if self.row == 0:
            return self.message
        if self.column:
            return _("row %(row)s, column %(column)s: %(message)s") % {
                "row": self.row,
                "column": self.column,
                "message": self.message,
            }
        return _("row %(row)s: %(message)s") % {"row": self.row, "message": self.message}


@dataclass
class FacilityRow:
    name: str
    address: str
    place: str
    country: str
    latitude: Decimal | None
    longitude: Decimal | None

    def key(self) -> tuple[str, str, str]:
        """The same facility, written a little differently, has the same key."""
        return (normalised_text(self.name), normalised_text(self.place), self.country)


@dataclass
class ChainRow:
    row: int
    product: str
    factory: FacilityRow | None
    quarry: FacilityRow | None
    extraction_country: str
    processing_country: str
    volume_eur: Decimal | None
    is_circular: bool


@dataclass
class Validation:
    chains: list[ChainRow] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def is_valid(self) -> bool:
        return not self.problems and bool(self.chains)
