"""Company size class (DOMAIN §2, Bijlage 1).

- large:  ≥ 250 employees **and** revenue > €50 million
- small:  < 25 employees **and** revenue ≤ €5 million
- medium: everything else
"""

from decimal import Decimal

import pytest

from members.rules import size_class

FIVE_MILLION = Decimal("5000000")
FIVE_MILLION_AND_A_CENT = Decimal("5000000.01")
FIFTY_MILLION = Decimal("50000000")
FIFTY_MILLION_AND_A_CENT = Decimal("50000000.01")


@pytest.mark.parametrize(
    ("employees", "revenue_eur", "expected"),
    [
        # --- small: < 25 employees and revenue ≤ €5 m ----------------------------------
        (0, Decimal("0"), "small"),
        (1, Decimal("250000"), "small"),
        (24, FIVE_MILLION, "small"),
        (24, Decimal("4999999.99"), "small"),
        # one over the employee boundary
        (25, FIVE_MILLION, "medium"),
        (25, Decimal("0"), "medium"),
        # one cent over the revenue boundary
        (24, FIVE_MILLION_AND_A_CENT, "medium"),
        (0, FIVE_MILLION_AND_A_CENT, "medium"),
        # --- large: ≥ 250 employees and revenue > €50 m --------------------------------
        (250, FIFTY_MILLION_AND_A_CENT, "large"),
        (1000, Decimal("1000000000"), "large"),
        # one under the employee boundary
        (249, FIFTY_MILLION_AND_A_CENT, "medium"),
        (249, Decimal("1000000000"), "medium"),
        # revenue exactly €50 m is not *above* €50 m
        (250, FIFTY_MILLION, "medium"),
        (10000, FIFTY_MILLION, "medium"),
        # --- mixed: one criterion large/small, the other not -> medium -----------------
        (24, FIFTY_MILLION_AND_A_CENT, "medium"),  # small staff, large revenue
        (0, Decimal("1000000000"), "medium"),
        (250, FIVE_MILLION, "medium"),  # large staff, small revenue
        (250, Decimal("0"), "medium"),
        # --- plainly medium ------------------------------------------------------------
        (25, FIVE_MILLION_AND_A_CENT, "medium"),
        (100, Decimal("20000000"), "medium"),
        (249, FIFTY_MILLION, "medium"),
    ],
)
def test_size_class(employees, revenue_eur, expected) -> None:
    assert size_class(employees=employees, revenue_eur=revenue_eur) == expected
