"""Cells for every spreadsheet the portal writes (CSV and XLSX exports).

A spreadsheet runs text that starts with =, +, -, @, a tab or a carriage return as a
formula (formula injection, OWASP "CSV Injection"). Such text gets a leading apostrophe.
Numbers, dates and booleans are not text: they are written as they are, so a negative
coordinate stays a number and an export imports again."""

from __future__ import annotations

import csv
import datetime
import io
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

FORMULA_STARTS = frozenset({"=", "+", "-", "@", "\t", "\r"})
NOT_TEXT = (bool, int, float, Decimal, datetime.date, datetime.time)


def spreadsheet_cell(value: Any) -> Any:
    """The value for a spreadsheet cell: text neutralised, anything else unchanged."""
    if value is None:
        return ""
    if isinstance(value, NOT_TEXT):
        return value
    text = str(value)
    if text[:1] in FORMULA_STARTS:
        return "'" + text
    return text


def spreadsheet_row(values: Iterable[Any]) -> list[Any]:
    """Every cell of a row through spreadsheet_cell."""
    return [spreadsheet_cell(value) for value in values]


def spreadsheet_text(text: str) -> str:
    """Text read back from a spreadsheet we wrote: the apostrophe spreadsheet_cell put
    in front of formula-like text is taken off again."""
    if text[:1] == "'" and text[1:2] in FORMULA_STARTS:
        return text[1:]
    return text


def csv_bytes(rows: Iterable[Iterable[Any]], *, delimiter: str = ";") -> bytes:
    """A CSV file of `rows`, every cell through spreadsheet_cell, as UTF-8 with a byte
    order mark (so that Excel opens accents right)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter)
    for row in rows:
        writer.writerow(spreadsheet_row(row))
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def xlsx_bytes(sheets: Iterable[tuple[str, Iterable[Iterable[Any]]]]) -> bytes:
    """An XLSX workbook of (title, rows) sheets, every cell through spreadsheet_cell."""
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    for title, rows in sheets:
        sheet = workbook.create_sheet(title)
        for row in rows:
            sheet.append(spreadsheet_row(row))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
