"""Spreadsheet cells: text a spreadsheet would run as a formula is neutralised; numbers,
dates and booleans stay what they are; our own neutralised text reads back unchanged."""

import datetime
from decimal import Decimal

import pytest

from trustone.spreadsheets import spreadsheet_cell, spreadsheet_row, spreadsheet_text


@pytest.mark.parametrize(
    ("value", "cell"),
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+31 20 123", "'+31 20 123"),
        ("-25.1802", "'-25.1802"),  # text that looks like a number is still text
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tcmd", "'\tcmd"),
        ("\rcmd", "'\rcmd"),
        ("Kandla Grey", "Kandla Grey"),
        ("", ""),
        (None, ""),
        (Decimal("-25.180200"), Decimal("-25.180200")),  # numbers stay numbers
        (-3, -3),
        (-1.5, -1.5),
        (True, True),
        (datetime.date(2026, 1, 2), datetime.date(2026, 1, 2)),
    ],
)
def test_spreadsheet_cell(value, cell) -> None:
    assert spreadsheet_cell(value) == cell
    assert type(spreadsheet_cell(value)) is type(cell)


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("'=SUM(A1)", "=SUM(A1)"),
        ("'-Sagar", "-Sagar"),
        ("'t Hoen", "'t Hoen"),  # an apostrophe we did not add stays
        ("'", "'"),
        ("Kandla", "Kandla"),
    ],
)
def test_spreadsheet_text_reads_back_what_spreadsheet_cell_wrote(text, read) -> None:
    assert spreadsheet_text(text) == read


def test_a_row_is_neutralised_cell_by_cell() -> None:
    assert spreadsheet_row(["=1", 2, None]) == ["'=1", 2, ""]
