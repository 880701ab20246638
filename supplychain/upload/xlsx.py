"""The first sheet of an XLSX workbook, read within fixed bounds.

openpyxl builds every cell of every row and every shared string before a row can be
checked: a 0.5 MB file can cost minutes and gigabytes. This reader streams the parts it
needs (the workbook, its relations, the first sheet and the shared strings) with expat,
and refuses a file as soon as it passes a bound:

- the zip: at most MAX_MEMBERS members; the declared unpacked sizes together at most
  MAX_UNPACKED_BYTES; each part read at most its own bound, counted as it is unpacked
  (a member that unpacks beyond its declared size is refused as damaged);
- the XML: no document type declarations (so no entity expansion); at most MAX_TAGS
  tags per part, counted before the part is parsed; no single tag (or other token)
  longer than MAX_TOKEN_BYTES;
- the sheet: at most MAX_FILLED_CELLS_PER_ROW filled cells in a row, MAX_ROWS rows,
  and only the template's columns (found in the first row) are kept;
- a value: at most MAX_CELL_CHARS characters are kept; a longer value in a template
  column is refused with its row and column.

Only shared strings that a kept cell refers to are kept."""

from __future__ import annotations

import functools
import io
import posixpath
import struct
import zipfile
import zlib
from collections.abc import Callable, Iterator
from typing import Any
from xml.parsers import expat

from django.utils.translation import gettext as _

MB = 1024 * 1024
MAX_MEMBERS = 1000
MAX_UNPACKED_BYTES = 100 * MB
MAX_SHEET_BYTES = 40 * MB
MAX_SHARED_STRINGS_BYTES = 40 * MB
MAX_OTHER_PART_BYTES = 2 * MB
MAX_TAGS = 2_000_000
MAX_FILLED_CELLS_PER_ROW = 64
MAX_CELL_CHARS = 1000
MAX_TOKEN_BYTES = 256 * 1024
CHUNK = 64 * 1024

OFFICE_DOCUMENT = "/officeDocument"
SHARED_STRINGS = "/sharedStrings"


class UnreadableFile(Exception):
    """The file cannot be read; the message says why (translated)."""


class _Stop(Exception):
    """Everything needed has been read."""


def _damaged() -> UnreadableFile:
    return UnreadableFile(_("The file is not a readable XLSX workbook."))


def _too_large() -> UnreadableFile:
    return UnreadableFile(
        _(
            "The workbook is too large when unpacked (more than %(max)s MB, or too many "
            "cells). A supplier list needs only the template's columns: delete other "
            "columns, sheets and formatted empty rows, or save the list as CSV."
        )
        % {"max": MAX_SHEET_BYTES // MB}
    )


def _cell_problem(row: int, column: str, message: str) -> UnreadableFile:
    return UnreadableFile(
        _("row %(row)s, column %(column)s: %(message)s")
        % {"row": row, "column": column, "message": message}
    )


# --- The zip ---------------------------------------------------------------------------


def _member_count(content: bytes) -> int:
    """The number of members the zip's end record declares, read before zipfile builds
    an object for each of them."""
    tail = content[-(22 + 65535) :]
    at = tail.rfind(b"PK\x05\x06")
    if at < 0 or len(tail) - at < 22:
        raise _damaged()
    _signature, _disk, _start, _here, total, _size, _offset, _comment = struct.unpack(
        "<4s4H2LH", tail[at : at + 22]
    )
    return int(total)


class _Workbook:
    def __init__(self, content: bytes) -> None:
        if _member_count(content) > MAX_MEMBERS:
            raise _too_large()
        try:
            self.zip = zipfile.ZipFile(io.BytesIO(content))
        except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError) as error:
            raise _damaged() from error
        infos = self.zip.infolist()
        if len(infos) > MAX_MEMBERS:
            raise _too_large()
        if sum(info.file_size for info in infos) > MAX_UNPACKED_BYTES:
            raise _too_large()
        self.names = {info.filename for info in infos}

    def chunks(self, name: str, limit: int) -> Iterator[bytes]:
        """The member unpacked piece by piece; refused past `limit` or its declared size."""
        try:
            info = self.zip.getinfo(name)
        except KeyError as error:
            raise _damaged() from error
        if info.file_size > limit:
            raise _too_large()
        unpacked = 0
        try:
            with self.zip.open(info) as stream:
                while chunk := stream.read(CHUNK):
                    unpacked += len(chunk)
                    if unpacked > info.file_size or unpacked > limit:
                        raise _too_large()
                    yield chunk
        except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError) as e:
            raise _damaged() from e

    def parse(
        self,
        name: str,
        limit: int,
        start: Callable[[str, dict[str, str]], None],
        end: Callable[[str], None] | None = None,
        text: Callable[[str], None] | None = None,
        max_rows: int | None = None,
    ) -> None:
        """Parse one part with expat: element names without their namespace prefix.
        Counted first, at C speed, so that a part over the bounds costs no parsing: its
        tags, and (with `max_rows`) its <row> elements, formatted empty rows included."""
        tags = rows = 0
        tail = b""  # the end of the previous piece: a <row split across two is counted
        for chunk in self.chunks(name, limit):
            tags += chunk.count(b"<")
            rows += (tail + chunk).count(b"<row")
            tail = chunk[-3:]
        if tags > MAX_TAGS:
            raise _too_large()
        if max_rows is not None and rows > max_rows:
            raise UnreadableFile(_("The file has more than %(max)s rows.") % {"max": max_rows - 1})
        parser = expat.ParserCreate()
        parser.buffer_text = True

        def root(tag: str, attrs: dict[str, str]) -> None:
            # Most writers use the default namespace; some prefix every element (x:c).
            if ":" in tag:
                parser.StartElementHandler = lambda t, a: start(t.rpartition(":")[2], a)
                if end is not None:
                    parser.EndElementHandler = lambda t: end(t.rpartition(":")[2])
            else:
                parser.StartElementHandler = start
                parser.EndElementHandler = end
            start(tag.rpartition(":")[2], attrs)

        parser.StartElementHandler = root
        if text is not None:
            parser.CharacterDataHandler = text

        def refuse(*args: Any) -> None:
            raise _damaged()

        # OOXML never declares a document type; refusing one rules out entity expansion.
        parser.StartDoctypeDeclHandler = refuse
        parser.EntityDeclHandler = refuse
        fed = 0
        try:
            for chunk in self.chunks(name, limit):
                parser.Parse(chunk, False)
                fed += len(chunk)
                # expat re-reads an unfinished token from its start with every piece:
                # a token of megabytes (an endless tag or attribute) would cost
                # quadratic time. No real tag is anywhere near this long.
                if fed - max(parser.CurrentByteIndex, 0) > MAX_TOKEN_BYTES:
                    raise _damaged()
            parser.Parse(b"", True)
        except _Stop:
            return
        except expat.ExpatError as error:
            raise _damaged() from error

    def relations(self, part: str) -> dict[str, tuple[str, str]]:
        """Id → (type, target path) of a part's relations."""
        folder, base = posixpath.split(part)
        rels = posixpath.join(folder, "_rels", base + ".rels")
        found: dict[str, tuple[str, str]] = {}
        if rels not in self.names:
            return found

        def start(tag: str, attrs: dict[str, str]) -> None:
            if tag == "Relationship" and "Id" in attrs and "Target" in attrs:
                target = attrs["Target"]
                path = (
                    target.lstrip("/")
                    if target.startswith("/")
                    else posixpath.normpath(posixpath.join(folder, target))
                )
                found[attrs["Id"]] = (attrs.get("Type", ""), path)

        self.parse(rels, MAX_OTHER_PART_BYTES, start)
        return found

    def first_sheet(self) -> tuple[str, str | None]:
        """The paths of the first sheet and of the shared strings (if any)."""
        workbook = "xl/workbook.xml"
        for kind, target in self.relations("").values():
            if kind.endswith(OFFICE_DOCUMENT):
                workbook = target
        relations = self.relations(workbook)
        first: list[str] = []

        def start(tag: str, attrs: dict[str, str]) -> None:
            if tag == "sheet":
                first.extend(v for k, v in attrs.items() if k.rpartition(":")[2] == "id")
                raise _Stop

        self.parse(workbook, MAX_OTHER_PART_BYTES, start)
        if not first or first[0] not in relations:
            raise _damaged()
        shared = [path for kind, path in relations.values() if kind.endswith(SHARED_STRINGS)]
        return relations[first[0]][1], (shared[0] if shared else None)


# --- Cells -----------------------------------------------------------------------------


@functools.lru_cache(maxsize=1024)
def column_number(letters: str) -> int:
    """A1-style column letters as a number from 1 (A) to 16384 (XFD)."""
    if not 1 <= len(letters) <= 3:
        raise ValueError(letters[:10])
    number = 0
    for letter in letters:
        if not "A" <= letter <= "Z":
            raise ValueError(letters)
        number = number * 26 + ord(letter) - 64
    if not 1 <= number <= 16384:
        raise ValueError(letters)
    return number


def _number_text(text: str) -> str:
    """A number as openpyxl gave it: integers without a decimal point."""
    try:
        return str(int(text))
    except ValueError:
        pass
    try:
        value = float(text)
    except ValueError:
        return text
    if value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return str(value)


class _SharedString:
    """A cell that refers to a shared string, resolved once the strings are read."""

    __slots__ = ("index",)

    def __init__(self, index: int) -> None:
        self.index = index


class _Sheet:
    """The expat handlers for one sheet: the header (row 1), then the template's columns."""

    def __init__(self, book: _Workbook, shared: str | None, is_wanted: Callable[[str], str]):
        self.book, self.shared, self.is_wanted = book, shared, is_wanted
        self.max_rows = 0
        self.row = 0
        self.column = 0
        self.filled = 0
        self.kind = "n"
        self.text: list[str] = []
        self.length = 0
        self.collecting = False
        self.in_phonetic = 0
        self.header: dict[int, Any] | None = {}  # column → value, until resolved
        self.slots: dict[int, int] = {}  # column → position in the rows we return
        self.titles: list[str] = []
        self.rows: list[list[Any]] = []  # rows[i] is row i + 1 of the sheet
        self.current: list[Any] | None = None

    # expat handlers
    def start(self, tag: str, attrs: dict[str, str]) -> None:
        if tag == "c":
            reference = attrs.get("r")
            if reference:
                letters = reference.rstrip("0123456789")
                try:
                    self.column = column_number(letters)
                except ValueError as error:
                    raise _damaged() from error
            else:
                self.column += 1
            self.kind = attrs.get("t", "n")
            self.text, self.length = [], 0
        elif tag == "row":
            number = attrs.get("r")
            try:
                row = int(number) if number else self.row + 1
            except ValueError as error:
                raise _damaged() from error
            if row <= self.row:
                raise _damaged()
            if self.header is not None and row > 1:
                self._resolve_header()
            self.row, self.column, self.filled = row, 0, 0
            self.current = None
        elif tag == "v" or (tag == "t" and not self.in_phonetic):
            self.collecting = True
        elif tag == "rPh":
            self.in_phonetic += 1

    def end(self, tag: str) -> None:
        if tag == "c":
            if self.length:
                self._cell()
        elif tag in ("v", "t"):
            self.collecting = False
        elif tag == "rPh":
            self.in_phonetic -= 1
        elif tag == "row" and self.row == 1 and self.header is not None:
            self._resolve_header()

    def data(self, text: str) -> None:
        if self.collecting and self.length <= MAX_CELL_CHARS:
            self.text.append(text[: MAX_CELL_CHARS + 1 - self.length])
            self.length += len(self.text[-1])
        elif self.collecting:
            self.length += len(text)

    # the work
    def _cell(self) -> None:
        self.filled += 1
        if self.filled > MAX_FILLED_CELLS_PER_ROW:
            raise UnreadableFile(
                _(
                    "Row %(row)s has more than %(max)s filled cells. Only the template's "
                    "columns are read: delete the other columns."
                )
                % {"row": self.row, "max": MAX_FILLED_CELLS_PER_ROW}
            )
        if self.header is not None:
            if self.row == 1:
                self.header[self.column] = self._value()
            return
        slot = self.slots.get(self.column)
        if slot is None:
            return
        if self.length > MAX_CELL_CHARS:
            raise self._too_long(slot)
        if self.row > self.max_rows:
            raise UnreadableFile(
                _("The file has more than %(max)s rows.") % {"max": self.max_rows - 1}
            )
        if self.current is None:
            while len(self.rows) < self.row - 1:
                self.rows.append([])
            self.current = [""] * len(self.slots)
            self.rows.append(self.current)
        self.current[slot] = self._value()

    def _too_long(self, slot: int) -> UnreadableFile:
        return _cell_problem(
            self.row,
            self.titles[slot],
            _("the value is longer than %(max)s characters") % {"max": MAX_CELL_CHARS},
        )

    def _value(self) -> Any:
        text = "".join(self.text)
        if self.kind == "s":
            try:
                return _SharedString(int(text))
            except ValueError as error:
                raise _damaged() from error
        if self.kind == "b":
            return "True" if text.strip() == "1" else "False"
        if self.kind in ("inlineStr", "str", "e", "d"):
            return text
        return _number_text(text.strip())

    def _resolve_header(self) -> None:
        header, self.header = self.header or {}, None
        strings = self._strings(
            {v.index for v in header.values() if isinstance(v, _SharedString)}, max_chars=100
        )
        seen: set[str] = set()
        for column in sorted(header):
            value = header[column]
            title = strings.get(value.index, "") if isinstance(value, _SharedString) else value
            if not isinstance(title, str):
                continue
            key = self.is_wanted(title.strip().lower())
            if key and key not in seen:
                seen.add(key)
                self.slots[column] = len(self.titles)
                self.titles.append(title.strip())
        self.rows = [self.titles]
        if not self.titles:
            raise _Stop  # no template column: the validation says which one is missing

    def _strings(self, needed: set[int], max_chars: int) -> dict[int, str | None]:
        """The needed shared strings (None for one longer than max_chars)."""
        found: dict[int, str | None] = {}
        if not needed:
            return found
        if self.shared is None:
            raise _damaged()
        last = max(needed)
        state = {"index": -1, "collecting": False, "phonetic": 0, "length": 0}
        parts: list[str] = []

        def start(tag: str, attrs: dict[str, str]) -> None:
            if tag == "si":
                state["index"] += 1
                if state["index"] > last:
                    raise _Stop
                parts.clear()
                state["length"] = 0
            elif tag == "t" and not state["phonetic"] and state["index"] in needed:
                state["collecting"] = True
            elif tag == "rPh":
                state["phonetic"] += 1

        def end(tag: str) -> None:
            if tag == "t":
                state["collecting"] = False
            elif tag == "rPh":
                state["phonetic"] -= 1
            elif tag == "si" and state["index"] in needed:
                found[state["index"]] = "".join(parts) if state["length"] <= max_chars else None

        def text(data: str) -> None:
            if state["collecting"]:
                if state["length"] <= max_chars:
                    parts.append(data[: max_chars + 1 - state["length"]])
                state["length"] += len(data)

        self.book.parse(self.shared, MAX_SHARED_STRINGS_BYTES, start, end, text)
        return found

    def resolve(self) -> list[list[str]]:
        """The rows with their shared strings filled in; a missing one is refused."""
        if self.header is not None:
            self._resolve_header()
        needed = {
            cell.index for row in self.rows[1:] for cell in row if isinstance(cell, _SharedString)
        }
        strings = self._strings(needed, max_chars=MAX_CELL_CHARS)
        for number, row in enumerate(self.rows[1:], start=2):
            for slot, cell in enumerate(row):
                if not isinstance(cell, _SharedString):
                    continue
                if cell.index not in strings:
                    raise _cell_problem(
                        number,
                        self.titles[slot],
                        _("the cell refers to a text that is not in the file (it is damaged)"),
                    )
                value = strings[cell.index]
                if value is None:
                    self.row = number
                    raise self._too_long(slot)
                row[slot] = value
        return self.rows


def read_first_sheet(
    content: bytes, *, is_wanted: Callable[[str], str], max_rows: int
) -> list[list[str]]:
    """The first sheet's first row (the template columns found, by `is_wanted`, which
    gives a column's key or "") and, per row, those columns' values; rows beyond
    `max_rows` (the header included) are refused."""
    book = _Workbook(content)
    sheet_path, shared = book.first_sheet()
    sheet = _Sheet(book, shared, is_wanted)
    sheet.max_rows = max_rows
    try:
        book.parse(
            sheet_path, MAX_SHEET_BYTES, sheet.start, sheet.end, sheet.data, max_rows=max_rows
        )
        return sheet.resolve()
    except _Stop:  # no template column in the first row
        return [[]]
