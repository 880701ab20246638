"""The supplier list as a file: one row per chain, with its factory and quarry.

Reading (CSV or XLSX, Dutch or English headers) and validating are pure functions of
the file's rows, shared by the browser upload and `manage.py import_supplier_list`.
Nothing is imported unless every row is valid."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_countries import countries

from .rules import coordinates_problem

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
        return (self.name.casefold(), self.place.casefold(), self.country)


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


# --- Reading ---------------------------------------------------------------------------


class UnreadableFile(Exception):
    pass


def read_rows(name: str, content: bytes) -> list[list[str]]:
    """The file's rows as lists of strings (header first). CSV (comma or semicolon,
    UTF-8 with or without BOM, or Windows-1252) or XLSX."""
    if len(content) > MAX_BYTES:
        raise UnreadableFile(_("The file is larger than 10 MB."))
    lower = name.lower()
    if lower.endswith(".xlsx"):
        return _read_xlsx(content)
    if lower.endswith(".csv") or lower.endswith(".txt"):
        return _read_csv(content)
    raise UnreadableFile(_("Upload a CSV or XLSX file (the template is one)."))


def _read_csv(content: bytes) -> list[list[str]]:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            text = content.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:  # pragma: no cover - cp1252 decodes almost anything
        raise UnreadableFile(_("The file's characters cannot be read; save it as UTF-8."))
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    return list(csv.reader(io.StringIO(text), delimiter=delimiter))


def _read_xlsx(content: bytes) -> list[list[str]]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a broken file
        raise UnreadableFile(_("The file is not a readable XLSX workbook.")) from error
    sheet = workbook.worksheets[0]
    rows = []
    for values in sheet.iter_rows(values_only=True):
        rows.append(["" if value is None else _cell_text(value) for value in values])
        if len(rows) > MAX_ROWS + 1:
            break
    workbook.close()
    return rows


def _cell_text(value: Any) -> str:
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return str(value)


# --- Validating ------------------------------------------------------------------------


def _country_lookup() -> dict[str, str]:
    lookup: dict[str, str] = {}
    from django.utils import translation

    for language in ("en", "nl"):
        with translation.override(language):
            for code, country_name in countries:
                lookup[str(country_name).casefold()] = code
    for code, _name in countries:
        lookup[code.casefold()] = code
        alpha3 = countries.alpha3(code)
        if alpha3:
            lookup[alpha3.casefold()] = code
    return lookup


def validate_rows(rows: list[list[str]]) -> Validation:
    """Check every row; collect every problem with its row, column and reason."""
    result = Validation()
    rows = list(rows)
    while rows and not any(cell.strip() for cell in rows[-1]):
        rows.pop()
    if not rows:
        result.problems.append(Problem(0, "", _("The file is empty.")))
        return result
    header = [cell.strip().lower() for cell in rows[0]]
    positions: dict[str, int] = {}
    written: dict[str, str] = {}
    for index, title in enumerate(header):
        column = HEADERS.get(title)
        if column is not None and column.key not in positions:
            positions[column.key] = index
            written[column.key] = rows[0][index].strip()
    missing = [
        column for column in COLUMNS if column.key in REQUIRED and column.key not in positions
    ]
    if missing:
        result.problems.append(
            Problem(
                0,
                "",
                _(
                    "The column %(column)s is missing. Use the template: its first row holds the "
                    "column names."
                )
                % {"column": ", ".join(c.dutch + " / " + c.english for c in missing)},
            )
        )
        return result
    if len(rows) - 1 > MAX_ROWS:
        result.problems.append(
            Problem(0, "", _("The file has more than %(max)s rows.") % {"max": MAX_ROWS})
        )
        return result
    countries_by_name = _country_lookup()
    seen: dict[tuple[str, ...], int] = {}
    for number, cells in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in cells):
            continue
        values = {
            key: (cells[index].strip() if index < len(cells) else "")
            for key, index in positions.items()
        }
        problems: list[Problem] = []

        def problem(
            key: str, message: str, number: int = number, problems: list[Problem] = problems
        ) -> None:
            problems.append(Problem(number, written.get(key, key), message))

        chain = _validate_row(number, values, problem, countries_by_name)
        signature = tuple(values.get(column.key, "").casefold() for column in COLUMNS)
        if signature in seen:
            problems.append(
                Problem(
                    number,
                    "",
                    _("the same as row %(row)s (duplicate row)") % {"row": seen[signature]},
                )
            )
        else:
            seen[signature] = number
        if problems:
            result.problems.extend(problems)
        elif chain is not None:
            result.chains.append(chain)
    if not result.chains and not result.problems:
        result.problems.append(Problem(0, "", _("The file has no chains: only the header.")))
    return result


def _validate_row(
    number: int, values: dict[str, str], problem: Any, countries_by_name: dict[str, str]
) -> ChainRow | None:
    product = values.get("product", "")
    if not product:
        problem("product", _("the stone type or product is missing"))
    facilities = {}
    for role in ("factory", "quarry"):
        facilities[role] = _validate_facility(role, values, problem, countries_by_name)
    extraction = _country(values, "extraction_country", problem, countries_by_name)
    processing = _country(values, "processing_country", problem, countries_by_name)
    volume = None
    raw_volume = values.get("volume_eur", "").replace("€", "").replace(" ", "")
    if raw_volume:
        volume = _decimal(raw_volume)
        if volume is None:
            problem(
                "volume_eur",
                _("%(value)s is not a number (write e.g. 12500 or 12500,50)")
                % {"value": values["volume_eur"]},
            )
        elif volume < 0:
            problem("volume_eur", _("the purchase volume cannot be negative"))
            volume = None
    circular_text = values.get("circular", "").casefold()
    if circular_text not in YES | NO:
        problem(
            "circular",
            _("write ja or nee (yes or no), not %(value)s") % {"value": values["circular"]},
        )
    if not product:
        return None
    return ChainRow(
        row=number,
        product=product,
        factory=facilities["factory"],
        quarry=facilities["quarry"],
        extraction_country=extraction or "",
        processing_country=processing or "",
        volume_eur=volume,
        is_circular=circular_text in YES,
    )


def _validate_facility(
    role: str, values: dict[str, str], problem: Any, countries_by_name: dict[str, str]
) -> FacilityRow | None:
    name = values.get(f"{role}_name", "")
    address = values.get(f"{role}_address", "")
    place = values.get(f"{role}_place", "")
    country = _country(values, f"{role}_country", problem, countries_by_name)
    latitude = _coordinate(values, f"{role}_latitude", problem)
    longitude = _coordinate(values, f"{role}_longitude", problem)
    unreadable = (latitude is None and bool(values.get(f"{role}_latitude"))) or (
        longitude is None and bool(values.get(f"{role}_longitude"))
    )
    anything = any(
        [
            address,
            place,
            values.get(f"{role}_country", ""),
            values.get(f"{role}_latitude", ""),
            values.get(f"{role}_longitude", ""),
        ]
    )
    if not name:
        if anything:
            problem(f"{role}_name", _("the name is missing (address or coordinates are given)"))
        return None
    if not values.get(f"{role}_country"):
        problem(f"{role}_country", _("the country is missing"))
    issue = None if unreadable else coordinates_problem(latitude, longitude)
    if issue == "incomplete":
        problem(
            f"{role}_longitude" if latitude is not None else f"{role}_latitude",
            _("give both latitude and longitude, or neither"),
        )
    elif issue == "swapped":
        problem(
            f"{role}_latitude",
            _("latitude and longitude seem to be swapped (a latitude lies between -90 and 90)"),
        )
    elif issue == "latitude_range":
        problem(f"{role}_latitude", _("a latitude lies between -90 and 90"))
    elif issue == "longitude_range":
        problem(f"{role}_longitude", _("a longitude lies between -180 and 180"))
    return FacilityRow(
        name=name,
        address=address,
        place=place,
        country=country or "",
        latitude=latitude,
        longitude=longitude,
    )


def _country(
    values: dict[str, str], key: str, problem: Any, countries_by_name: dict[str, str]
) -> str | None:
    text = values.get(key, "")
    if not text:
        return None
    code = countries_by_name.get(text.casefold())
    if code is None:
        problem(
            key, _("unknown country %(value)s (write e.g. India, IN or Brazilië)") % {"value": text}
        )
    return code


def _decimal(text: str) -> Decimal | None:
    cleaned = text.strip()
    if "," in cleaned and "." in cleaned:
        # 12.500,50 (Dutch) or 12,500.50 (English): the last separator is the decimal one.
        if cleaned.rfind(",") > cleaned.rfind("."):
            cleaned = cleaned.replace(".", "").replace(",", ".")
        else:
            cleaned = cleaned.replace(",", "")
    else:
        cleaned = cleaned.replace(",", ".")
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        return None
    return value if value.is_finite() else None


def _coordinate(values: dict[str, str], key: str, problem: Any) -> Decimal | None:
    text = values.get(key, "")
    if not text:
        return None
    value = _decimal(text)
    if value is None:
        problem(
            key,
            _("%(value)s is not a number (write decimal degrees, e.g. 24.5854)") % {"value": text},
        )
        return None
    return value.quantize(Decimal("0.000001"))


# --- Writing ---------------------------------------------------------------------------


def csv_safe(value: object) -> str:
    """Neutralise spreadsheet formula injection."""
    from trustone.audit.export import csv_safe as safe

    return safe(value)


def chain_cells(chain: Any) -> list[str]:
    """One exported row for a chain (facilities selected)."""

    def facility(f: Any) -> list[str]:
        if f is None:
            return ["", "", "", "", "", ""]
        return [
            f.name,
            f.address,
            f.place,
            f.country.code if f.country else "",
            "" if f.latitude is None else str(f.latitude),
            "" if f.longitude is None else str(f.longitude),
        ]

    return [
        chain.product,
        *facility(chain.factory),
        *facility(chain.quarry),
        chain.extraction_country.code if chain.extraction_country else "",
        chain.processing_country.code if chain.processing_country else "",
        "" if chain.volume_eur is None else str(chain.volume_eur),
        "ja" if chain.is_circular else "nee",
    ]


def write_csv(rows: Iterable[list[str]], language: str) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow(headers(language))
    for row in rows:
        writer.writerow([csv_safe(cell) for cell in row])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def write_xlsx(rows: Iterable[list[str]], language: str) -> bytes:
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Ketens" if language == "nl" else "Chains")
    sheet.append(headers(language))
    for row in rows:
        sheet.append([csv_safe(cell) for cell in row])
    notes = workbook.create_sheet("Toelichting" if language == "nl" else "Instructions")
    for line in _instructions():
        notes.append([line])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _instructions() -> Iterator[str]:
    yield _("One row per chain: the stone type or product, the factory and, if known, the quarry.")
    yield _("Countries: a name (India, Brazilië, Brazil) or a two-letter code (IN).")
    yield _("Coordinates: decimal degrees, e.g. 24.5854 and 73.7125.")
    yield _("Purchase volume: euros per year, without a currency sign.")
    yield _("Circular: ja or nee (yes or no). Circular chains count as fully known.")
    yield _("Only the first sheet is read.")
