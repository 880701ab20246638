"""Hostile supplier-list files (built byte by byte in tests/factories/spreadsheets.py):
each is refused within 2 s and 100 MB, with a reason a company user understands."""

import time
import tracemalloc

import pytest
from django.utils import translation

from supplychain.upload import UnreadableFile, read_rows, validate_rows, xlsx
from tests.factories.spreadsheets import (
    GOOD_ROW,
    HEADER,
    HOSTILE,
    good_xlsx,
    hostile_file,
    inline_row,
)

MB = 1024 * 1024


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_a_hostile_file_is_refused_quickly_with_its_reason(name) -> None:
    filename, content = hostile_file(name)
    started = time.perf_counter()
    with pytest.raises(UnreadableFile) as refused:
        read_rows(filename, content)
    seconds = time.perf_counter() - started
    assert HOSTILE[name][1] in str(refused.value)
    assert seconds < 2


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_a_hostile_file_is_refused_in_bounded_memory(name) -> None:
    filename, content = hostile_file(name)
    tracemalloc.start()
    try:
        with pytest.raises(UnreadableFile):
            read_rows(filename, content)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 100 * MB


def test_a_plain_workbook_is_read() -> None:
    filename, content = good_xlsx()
    rows = read_rows(filename, content)
    assert rows == [HEADER, GOOD_ROW]
    assert validate_rows(rows).is_valid


def test_only_the_template_columns_are_read_and_rows_keep_their_numbers() -> None:
    sheet = [
        inline_row(1, ["notes", *HEADER, "product"]),
        inline_row(3, ["free text " * 200, *GOOD_ROW, "second product column"]),
    ]
    rows = read_rows("lijst.xlsx", xlsx_file(sheet))
    assert rows == [HEADER, [], GOOD_ROW]


def test_a_prefixed_namespace_and_shared_strings_with_rich_text() -> None:
    strings = [
        "<x:si><x:t>Kandla Grey</x:t></x:si>",
        "<x:si><x:r><x:t>Rajasthan </x:t></x:r><x:r><x:t>Stone Works</x:t></x:r>"
        "<x:rPh><x:t>ignored</x:t></x:rPh></x:si>",
    ]
    sheet = [
        inline_row(1, HEADER).replace("<", "<x:").replace("<x:/", "</x:"),
        '<x:row r="2"><x:c r="A2" t="s"><x:v>0</x:v></x:c><x:c r="B2" t="s"><x:v>1</x:v>'
        '</x:c><x:c r="C2" t="inlineStr"><x:is><x:t>IN</x:t></x:is></x:c>'
        '<x:c r="E2"><x:v>-25.5</x:v></x:c></x:row>',
    ]
    content = xlsx_file(sheet, strings, prefix="x:")
    assert read_rows("lijst.xlsx", content)[1] == [
        "Kandla Grey",
        "Rajasthan Stone Works",
        "IN",
        "",
        "-25.5",
    ]


def xlsx_file(sheet, strings=(), prefix=""):
    from tests.factories.spreadsheets import xlsx

    return xlsx(sheet, strings, prefix=prefix)


@pytest.mark.parametrize(
    ("encoding", "delimiter"),
    [
        ("utf-16", "\t"),  # Excel's "Unicode text": UTF-16 with a BOM, tab-separated
        ("utf-16-le", "\t"),  # the same without a BOM
        ("utf-8-sig", ";"),  # Excel's "CSV UTF-8"
        ("utf-8", ","),
        ("cp1252", ";"),  # Excel's "CSV" on a Dutch Windows
    ],
)
def test_csv_in_the_encodings_excel_saves(encoding, delimiter) -> None:
    header = [*HEADER, "fabriek_plaats", "land_verwerking"]
    values = ["Sagar Black", "Pedreira São Tomé", "BR", "Çanakkale", "TR", "Ürgüp", "Brazilië"]
    text = "\r\n".join(delimiter.join(row) for row in (header, values)) + "\r\n"
    rows = read_rows("lijst.txt" if delimiter == "\t" else "lijst.csv", text.encode(encoding))
    validation = validate_rows(rows)
    assert validation.is_valid, validation.problems
    chain = validation.chains[0]
    assert (chain.factory.name, chain.factory.place, chain.processing_country) == (
        "Pedreira São Tomé",
        "Ürgüp",
        "BR",
    )


def test_a_value_longer_than_its_field_is_a_problem_of_its_row() -> None:
    rows = [HEADER, ["Kandla", "N" * 201, "IN", "", ""]]
    assert [str(p) for p in validate_rows(rows).problems] == [
        "row 2, column fabriek_naam: at most 200 characters (this value has 201)"
    ]


def test_the_bounds_are_what_the_module_says() -> None:
    assert xlsx.MAX_CELL_CHARS >= 300  # the longest field (an address)
    assert xlsx.MAX_FILLED_CELLS_PER_ROW > 17  # the template's columns and some notes
