"""The supplier list as a file: one row per chain, with its factory and quarry.

Reading (CSV or XLSX, Dutch or English headers) and validating are pure functions of
the file's rows, shared by the browser upload and `manage.py import_supplier_list`.
Nothing is imported unless every row is valid."""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_countries import countries

from trustone.spreadsheets import spreadsheet_cell, spreadsheet_text

from . import xlsx
from .rules import coordinates_problem, normalised_text
from .xlsx import UnreadableFile

__all__ = ["UnreadableFile", "read_rows", "validate_rows", "write_csv", "write_xlsx"]

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


# --- Reading ---------------------------------------------------------------------------

MAX_CSV_CELLS = (MAX_ROWS + 1) * xlsx.MAX_FILLED_CELLS_PER_ROW
MAX_CSV_LINES = 2 * (MAX_ROWS + 1)  # empty lines and values over several lines included
BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def read_rows(name: str, content: bytes) -> list[list[str]]:
    """The file's first row (the template's columns found in it) and, per row, those
    columns' values. CSV (comma, semicolon or tab; UTF-8 with or without BOM, UTF-16
    with BOM as Excel's "Unicode text" saves it, or Windows-1252) or XLSX (its first
    sheet). Columns that are not the template's are not read. Bounded: see xlsx.py."""
    if len(content) > MAX_BYTES:
        raise UnreadableFile(_("The file is larger than 10 MB."))
    lower = name.lower()
    if lower.endswith(".xlsx"):
        rows = xlsx.read_first_sheet(content, is_wanted=_column_key, max_rows=MAX_ROWS + 1)
    elif lower.endswith(".csv") or lower.endswith(".txt"):
        rows = _read_csv(content)
    else:
        raise UnreadableFile(_("Upload a CSV or XLSX file (the template is one)."))
    for number, cells in enumerate(rows[1:], start=2):
        for index, cell in enumerate(cells):
            if len(cell) > xlsx.MAX_CELL_CHARS:
                raise UnreadableFile(
                    str(
                        Problem(
                            number,
                            rows[0][index],
                            _("the value is longer than %(max)s characters")
                            % {"max": xlsx.MAX_CELL_CHARS},
                        )
                    )
                )
            if cell[:1] == "'":
                cells[index] = spreadsheet_text(cell)
    return rows


def _column_key(title: str) -> str:
    column = HEADERS.get(title.strip().lower())
    return column.key if column else ""


def _decode(content: bytes) -> str:
    for bom, encoding in BOMS:
        if content.startswith(bom):
            return content.decode(encoding, errors="replace")
    head = content[:1000]
    if head and head.count(0) * 3 > len(head):  # UTF-16 without a BOM
        little_endian = head[1::2].count(0) > head[0::2].count(0)
        return content.decode("utf-16-le" if little_endian else "utf-16-be", errors="replace")
    for encoding in ("utf-8", "cp1252"):
        try:
            return content.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise UnreadableFile(_("The file's characters cannot be read; save it as UTF-8."))


def _read_csv(content: bytes) -> list[list[str]]:
    text = _decode(content)
    first_line = text.split("\n", 1)[0]
    delimiter = max((";", ",", "\t"), key=first_line.count)
    if text.count("\n") > MAX_CSV_LINES:
        raise UnreadableFile(_("The file has more than %(max)s rows.") % {"max": MAX_ROWS})
    if text.count(delimiter) > MAX_CSV_CELLS:
        raise UnreadableFile(
            _("The file has more than %(max)s cells. Only the template's columns are read.")
            % {"max": MAX_CSV_CELLS}
        )
    reader = csv.reader(_lines(text), delimiter=delimiter)
    rows: list[list[str]] = []
    slots: list[int] = []
    try:
        for cells in reader:
            if not rows:
                slots = _template_slots(cells)
                rows.append([cells[index].strip() for index in slots])
                if not slots:
                    break
                continue
            if reader.line_num > MAX_CSV_LINES:
                raise UnreadableFile(_("The file has more than %(max)s rows.") % {"max": MAX_ROWS})
            rows.append([cells[index] if index < len(cells) else "" for index in slots])
    except csv.Error as error:
        raise UnreadableFile(
            _("Row %(row)s cannot be read: a value is too long or a quotation mark is not closed.")
            % {"row": reader.line_num}
        ) from error
    return rows


def _lines(text: str) -> Iterator[str]:
    """The text's lines, one at a time (io.StringIO would copy the text four times)."""
    start, length = 0, len(text)
    while start < length:
        end = text.find("\n", start)
        end = length if end < 0 else end + 1
        yield text[start:end]
        start = end


def _template_slots(header: list[str]) -> list[int]:
    """The positions of the template's columns in a header (the first of each)."""
    slots: list[int] = []
    seen: set[str] = set()
    for index, title in enumerate(header):
        key = _column_key(title)
        if key and key not in seen:
            seen.add(key)
            slots.append(index)
    return slots


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
    _check_length(values, "product", 200, problem)
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
    for field_name, limit in (("name", 200), ("address", 300), ("place", 120)):
        _check_length(values, f"{role}_{field_name}", limit, problem)
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


def _check_length(values: dict[str, str], key: str, limit: int, problem: Any) -> None:
    length = len(values.get(key, ""))
    if length > limit:
        problem(
            key,
            _("at most %(max)s characters (this value has %(length)s)")
            % {"max": limit, "length": length},
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
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow(headers(language))
    for row in rows:
        writer.writerow([spreadsheet_cell(cell) for cell in row])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def write_xlsx(rows: Iterable[list[Any]], language: str) -> bytes:
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Ketens" if language == "nl" else "Chains")
    sheet.append(headers(language))
    for row in rows:
        sheet.append([spreadsheet_cell(cell) for cell in row])
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
