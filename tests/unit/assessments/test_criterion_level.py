"""criterion_level: how far one criterion alone reaches in the table of DOMAIN §4.3."""

from decimal import Decimal as D

import pytest

from members.rules import criterion_level


@pytest.mark.parametrize(
    ("value", "criterion", "expected"),
    [
        (D(0), "quarry", (0, 1, D(20))),
        (D("19.99"), "quarry", (0, 1, D(20))),
        (D(20), "quarry", (1, 2, D(40))),
        (D("59.9"), "quarry", (2, 3, D(60))),
        (D(60), "quarry", (3, 4, D(75))),
        (D(90), "quarry", (5, None, None)),
        (D("49.99"), "factory", (0, 1, D(50))),
        (D(75), "factory", (2, 3, D(100))),
        (D("99.99"), "factory", (2, 3, D(100))),
        (D(100), "factory", (5, None, None)),
        (D("74.99"), "dd_score", (3, 4, D(75))),
        (D(75), "dd_score", (4, 5, D(90))),
    ],
)
def test_criterion_level(value, criterion, expected) -> None:
    assert criterion_level(value, criterion) == expected


def test_criterion_level_reads_given_thresholds() -> None:
    table = ((1, D(10), D(10), D(10), False), (2, D(50), D(50), D(50), False))
    assert criterion_level(D(30), "quarry", table) == (1, 2, D(50))
