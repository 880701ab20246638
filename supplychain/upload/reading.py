"""Reading a supplier-list file, CSV or XLSX, within bounds: every hostile file is
refused with its reason (`UnreadableFile`)."""

from __future__ import annotations

import codecs
import csv
from collections.abc import Iterator

from django.utils.translation import gettext as _

from trustone.spreadsheets import spreadsheet_text

from . import xlsx
from .columns import HEADERS, MAX_BYTES, MAX_ROWS, Problem
from .xlsx import UnreadableFile

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
