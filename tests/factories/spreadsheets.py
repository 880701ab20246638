"""Supplier-list files built byte by byte: a minimal valid XLSX, and the hostile files a
security probe sends (used by the tests and by the `time:upload_hostile` benchmark).

Every builder returns (file name, content). Big parts are written to the zip in pieces,
so building a file of hundreds of unpacked megabytes costs little memory."""

from __future__ import annotations

import functools
import io
import struct
import zipfile
from collections.abc import Callable, Iterable
from xml.sax.saxutils import escape

HEADER = ["product", "fabriek_naam", "fabriek_land", "groeve_naam", "groeve_land"]
GOOD_ROW = ["Kandla Grey", "Rajasthan Stone Works", "IN", "Bijolia", "IN"]

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" '
    'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    "</Types>"
)
ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'
)
WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<sheets><sheet name="Ketens" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/worksheet" Target="worksheets/sheet1.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>'
)
SHEET_START = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    "<sheetData>"
)
SHEET_END = "</sheetData></worksheet>"
SST_START = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
)

Pieces = Iterable[str | bytes]


def inline_row(number: int, values: list[str]) -> str:
    cells = "".join(
        f'<c r="{_letters(column)}{number}" t="inlineStr"><is><t>{escape(value)}</t></is></c>'
        for column, value in enumerate(values, start=1)
    )
    return f'<row r="{number}">{cells}</row>'


def _letters(number: int) -> str:
    letters = ""
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def xlsx(
    sheet: Pieces,
    shared_strings: Pieces = (),
    extra: dict[str, Pieces] | None = None,
    level: int = 9,
    prefix: str = "",
) -> bytes:
    """A workbook from the sheet's rows (XML), the shared strings' <si> items and other
    members, each given as pieces of text or bytes. With a `prefix` ("x:") the sheet and
    the shared strings bind the namespace to it, as some writers do."""
    sheet_start, sheet_end, sst_start, sst_end = SHEET_START, SHEET_END, SST_START, "</sst>"
    if prefix:
        name = prefix.rstrip(":")
        sheet_start = SHEET_START.replace(
            "<worksheet xmlns=", f"<{prefix}worksheet xmlns:{name}="
        ).replace("<sheetData>", f"<{prefix}sheetData>")
        sheet_end = f"</{prefix}sheetData></{prefix}worksheet>"
        sst_start = SST_START.replace("<sst xmlns=", f"<{prefix}sst xmlns:{name}=")
        sst_end = f"</{prefix}sst>"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=level) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("_rels/.rels", ROOT_RELS)
        archive.writestr("xl/workbook.xml", WORKBOOK)
        archive.writestr("xl/_rels/workbook.xml.rels", WORKBOOK_RELS)
        members = {
            "xl/worksheets/sheet1.xml": [sheet_start, *sheet, sheet_end],
            "xl/sharedStrings.xml": [sst_start, *shared_strings, sst_end],
            **(extra or {}),
        }
        for name, pieces in members.items():
            with archive.open(name, "w") as member:
                for piece in pieces:
                    member.write(piece.encode() if isinstance(piece, str) else piece)
    return buffer.getvalue()


def good_xlsx() -> tuple[str, bytes]:
    return "lijst.xlsx", xlsx([inline_row(1, HEADER), inline_row(2, GOOD_ROW)])


# --- Hostile files ---------------------------------------------------------------------


def wide_sheet(rows: int = 1000, cells: int = 16_384) -> tuple[str, bytes]:
    """The probe's file: 1,000 rows of 16,384 filled cells (0.5 MB packed)."""
    row = "<c><v>1</v></c>" * cells

    def sheet() -> Iterable[str]:
        yield inline_row(1, HEADER)
        for number in range(2, rows + 2):
            yield f'<row r="{number}">{row}</row>'

    return "breed.xlsx", xlsx(sheet(), level=9)


def wide_row() -> tuple[str, bytes]:
    """Small unpacked, but one row of 16,384 filled cells."""
    return wide_sheet(rows=1)


def huge_shared_string(megabytes: int = 300) -> tuple[str, bytes]:
    """One shared string of 300 MB (0.3 MB packed), used by the first product."""

    def strings() -> Iterable[str]:
        yield "<si><t>"
        block = "A" * (1024 * 1024)
        for _ in range(megabytes):
            yield block
        yield "</t></si>"

    sheet = [
        inline_row(1, HEADER),
        '<row r="2"><c r="A2" t="s"><v>0</v></c></row>',
    ]
    return "lange-tekst.xlsx", xlsx(sheet, strings())


def long_shared_string() -> tuple[str, bytes]:
    """A 5 MB shared string (within the unpacked bounds) as a factory's name."""
    sheet = [
        inline_row(1, HEADER),
        '<row r="2"><c r="A2" t="inlineStr"><is><t>Kandla</t></is></c>'
        '<c r="B2" t="s"><v>0</v></c></row>',
    ]
    return "lange-naam.xlsx", xlsx(sheet, ["<si><t>", "B" * (5 * 1024 * 1024), "</t></si>"])


def zip_bomb() -> tuple[str, bytes]:
    """A valid list plus a member of 200 MB of zeros (0.2 MB packed)."""
    zeros = bytes(1024 * 1024)
    sheet = [inline_row(1, HEADER), inline_row(2, GOOD_ROW)]
    return "bom.xlsx", xlsx(sheet, extra={"xl/media/image1.png": (zeros for _ in range(200))})


def lying_sizes() -> tuple[str, bytes]:
    """The sheet declares 1 kB unpacked but unpacks to 30 MB."""
    padding = "<row/>" * (5 * 1024 * 1024)
    content = xlsx([inline_row(1, HEADER), inline_row(2, GOOD_ROW), padding])
    return "liegt.xlsx", _declare_size(content, "xl/worksheets/sheet1.xml", 1024)


def _declare_size(content: bytes, name: str, size: int) -> bytes:
    """The zip with the member's declared unpacked size changed (local and central)."""
    data = bytearray(content)
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        info = archive.getinfo(name)
    struct.pack_into("<L", data, info.header_offset + 22, size)
    encoded = name.encode()
    at = data.find(b"PK\x01\x02")
    while at >= 0:
        length = struct.unpack_from("<H", data, at + 28)[0]
        if data[at + 46 : at + 46 + length] == encoded:
            struct.pack_into("<L", data, at + 24, size)
        at = data.find(b"PK\x01\x02", at + 4)
    return bytes(data)


def missing_shared_string() -> tuple[str, bytes]:
    """A factory name that points at shared string 5 of 1."""
    sheet = [
        inline_row(1, HEADER),
        '<row r="2"><c r="A2" t="inlineStr"><is><t>Kandla</t></is></c>'
        '<c r="B2" t="s"><v>5</v></c></row>',
    ]
    return "kapot.xlsx", xlsx(sheet, ["<si><t>Bijolia</t></si>"])


def entity_expansion() -> tuple[str, bytes]:
    """ "Billion laughs": a document type declaring nested entities."""
    entities = '<!ENTITY a "aaaaaaaaaa">' + "".join(
        f'<!ENTITY {chr(98 + n)} "{("&" + chr(97 + n) + ";") * 10}">' for n in range(9)
    )
    sheet = [
        inline_row(1, HEADER),
        '<row r="2"><c r="A2" t="inlineStr"><is><t>&j;</t></is></c></row>',
    ]
    content = xlsx(sheet)
    # put the declaration in front of the sheet's root element
    buffer = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(content)) as source,
        zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                data = data.replace(
                    b"<worksheet", f"<!DOCTYPE worksheet [{entities}]><worksheet".encode(), 1
                )
            target.writestr(info.filename, data)
    return "lachen.xlsx", buffer.getvalue()


def many_members() -> tuple[str, bytes]:
    """A valid list in a zip of 20,000 members."""
    sheet = [inline_row(1, HEADER), inline_row(2, GOOD_ROW)]
    return "leden.xlsx", xlsx(sheet, extra={f"x/{n}": [""] for n in range(20_000)})


def too_many_rows(rows: int = 20_001) -> tuple[str, bytes]:
    """Well formed, but one row more than a supplier list may have."""

    def sheet() -> Iterable[str]:
        yield inline_row(1, HEADER)
        for number in range(2, rows + 2):
            yield inline_row(number, GOOD_ROW)

    return "lang.xlsx", xlsx(sheet())


def giant_reference() -> tuple[str, bytes]:
    """A cell whose reference is 8 MB of letters."""
    sheet = [
        inline_row(1, HEADER),
        f'<row r="2"><c r="{"A" * (8 * 1024 * 1024)}2"><v>1</v></c></row>',
    ]
    return "verwijzing.xlsx", xlsx(sheet)


def not_a_zip() -> tuple[str, bytes]:
    return "geen.xlsx", b"PK\x03\x04" + bytes(range(256)) * 100


def csv_long_value() -> tuple[str, bytes]:
    """A CSV whose one factory name is 9 MB."""
    text = ";".join(HEADER) + "\n" + "Kandla;" + "B" * (9 * 1024 * 1024) + ";IN;;\n"
    return "lang.csv", text.encode()


def csv_many_cells() -> tuple[str, bytes]:
    """A CSV of 9 million empty cells."""
    return "cellen.csv", (";".join(HEADER) + "\n" + ";" * (9 * 1024 * 1024)).encode()


def csv_many_lines() -> tuple[str, bytes]:
    """A CSV of 9 million empty lines."""
    return "regels.csv", (";".join(HEADER) + "\n" + "\n" * (9 * 1024 * 1024)).encode()


# name → (builder, a fragment of the English message)
HOSTILE: dict[str, tuple[Callable[[], tuple[str, bytes]], str]] = {
    "wide_sheet": (wide_sheet, "too large when unpacked"),
    "wide_row": (wide_row, "Row 2 has more than 64 filled cells"),
    "huge_shared_string": (huge_shared_string, "too large when unpacked"),
    "long_shared_string": (long_shared_string, "row 2, column fabriek_naam: the value is longer"),
    "zip_bomb": (zip_bomb, "too large when unpacked"),
    "lying_sizes": (lying_sizes, "not a readable XLSX workbook"),
    "missing_shared_string": (
        missing_shared_string,
        "row 2, column fabriek_naam: the cell refers to a text that is not in the file",
    ),
    "entity_expansion": (entity_expansion, "not a readable XLSX workbook"),
    "many_members": (many_members, "too large when unpacked"),
    "too_many_rows": (too_many_rows, "more than 20000 rows"),
    "giant_reference": (giant_reference, "not a readable XLSX workbook"),
    "not_a_zip": (not_a_zip, "not a readable XLSX workbook"),
    "csv_long_value": (csv_long_value, "Row 2 cannot be read"),
    "csv_many_cells": (csv_many_cells, "more than"),
    "csv_many_lines": (csv_many_lines, "more than 20000 rows"),
}


@functools.cache
def hostile_file(name: str) -> tuple[str, bytes]:
    """The hostile file `name`, built once per process."""
    return HOSTILE[name][0]()
