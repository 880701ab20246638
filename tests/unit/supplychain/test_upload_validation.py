"""Validating a supplier list file: every problem with its row, column and reason."""

import pytest
from django.utils import translation

from supplychain.rules import coordinates_problem
from supplychain.upload import read_rows, validate_rows, write_csv

HEADER_NL = [
    "product",
    "fabriek_naam",
    "fabriek_adres",
    "fabriek_plaats",
    "fabriek_land",
    "fabriek_breedtegraad",
    "fabriek_lengtegraad",
    "groeve_naam",
    "groeve_land",
    "land_winning",
    "land_verwerking",
    "inkoopvolume_euro",
    "circulair",
]


def row(**values):
    base = {
        "product": "Kandla Grey",
        "fabriek_naam": "Rajasthan Stone Works",
        "fabriek_adres": "RIICO Kota",
        "fabriek_plaats": "Kota",
        "fabriek_land": "India",
        "fabriek_breedtegraad": "25.1802",
        "fabriek_lengtegraad": "75.8331",
        "groeve_naam": "Bijolia",
        "groeve_land": "IN",
        "land_winning": "IN",
        "land_verwerking": "Brazilië",
        "inkoopvolume_euro": "12.500,50",
        "circulair": "nee",
    }
    base.update(values)
    return [base[column] for column in HEADER_NL]


@pytest.fixture(autouse=True)
def dutch():
    with translation.override("nl"):
        yield


def problems(*rows):
    return [(p.row, p.column, p.message) for p in validate_rows([HEADER_NL, *rows]).problems]


def test_a_valid_file() -> None:
    result = validate_rows(
        [HEADER_NL, row(), row(product="Sagar Black", groeve_naam="", groeve_land="")]
    )
    assert result.is_valid
    first = result.chains[0]
    assert (first.factory.country, first.quarry.country, first.processing_country) == (
        "IN",
        "IN",
        "BR",
    )
    assert str(first.volume_eur) == "12500.50"
    assert result.chains[1].quarry is None


@pytest.mark.parametrize(
    ("values", "column", "fragment"),
    [
        ({"fabriek_land": "Atlantis"}, "fabriek_land", "onbekend land Atlantis"),
        (
            {"fabriek_breedtegraad": "95", "fabriek_lengtegraad": "25"},
            "fabriek_breedtegraad",
            "verwisseld",
        ),
        (
            {"fabriek_breedtegraad": "-95", "fabriek_lengtegraad": "200"},
            "fabriek_breedtegraad",
            "tussen -90 en 90",
        ),
        ({"fabriek_lengtegraad": "181"}, "fabriek_lengtegraad", "tussen -180 en 180"),
        ({"fabriek_lengtegraad": ""}, "fabriek_lengtegraad", "beide"),
        ({"fabriek_breedtegraad": "noord"}, "fabriek_breedtegraad", "geen getal"),
        ({"fabriek_naam": ""}, "fabriek_naam", "naam ontbreekt"),
        ({"product": ""}, "product", "ontbreekt"),
        ({"inkoopvolume_euro": "veel"}, "inkoopvolume_euro", "geen getal"),
        ({"inkoopvolume_euro": "-5"}, "inkoopvolume_euro", "negatief"),
        ({"circulair": "misschien"}, "circulair", "ja of nee"),
    ],
)
def test_each_problem_names_row_column_and_reason(values, column, fragment) -> None:
    found = problems(row(), row(**values))
    assert len(found) == 1, found
    number, where, message = found[0]
    assert (number, where) == (3, column)
    assert fragment in message


def test_duplicate_rows_point_to_the_first() -> None:
    assert problems(row(), row(), row()) == [
        (3, "", "gelijk aan rij 2 (dubbele rij)"),
        (4, "", "gelijk aan rij 2 (dubbele rij)"),
    ]


def test_file_level_problems() -> None:
    assert [p.message for p in validate_rows([]).problems] == ["Het bestand is leeg."]
    missing = validate_rows([["naam", "land"], ["a", "b"]]).problems
    assert missing[0].row == 0 and "product" in missing[0].message
    assert not validate_rows([HEADER_NL]).is_valid


def test_english_headers_and_messages() -> None:
    header = ["product", "factory_name", "factory_country"]
    with translation.override("en"):
        result = validate_rows([header, ["Kandla", "Mill", "Narnia"]])
        assert [str(p) for p in result.problems] == [
            "row 2, column factory_country: "
            "unknown country Narnia (write e.g. India, IN or Brazilië)"
        ]


def test_csv_round_trip_with_semicolons_and_formula_neutralised() -> None:
    content = write_csv(
        [["=HYPERLINK()", "Mill", "", "", "IN", "", "", "", "", "", "", "", "", "", "", "", "nee"]],
        "nl",
    )
    assert "\n'=HYPERLINK();" in content.decode("utf-8-sig")  # a spreadsheet shows text
    rows = read_rows("lijst.csv", content)
    assert rows[0][0] == "product"
    assert rows[1][0] == "=HYPERLINK()"  # and reading our own export takes the ' off


@pytest.mark.parametrize(
    ("latitude", "longitude", "problem"),
    [
        (None, None, None),
        ("10", None, "incomplete"),
        ("91", "10", "swapped"),
        ("-90", "180", None),
        ("90.0001", "181", "latitude_range"),
        ("10", "-180.5", "longitude_range"),
    ],
)
def test_coordinates_problem(latitude, longitude, problem) -> None:
    from decimal import Decimal

    def d(value):
        return None if value is None else Decimal(value)

    assert coordinates_problem(d(latitude), d(longitude)) == problem
