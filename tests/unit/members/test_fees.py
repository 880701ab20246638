"""Fees (DOMAIN §10, Bijlage 4). Every expected figure is worked out by hand from the
covenant's table and written literally; none is computed with the code under test.

Before 2027 (Bijlage 4):

| member type | regime  | fee                                                        |
|-------------|---------|------------------------------------------------------------|
| full        | limited | 400                                                        |
| full        | full DD | 1200 (2 chains) + 400 per further chain, max 3600 (8)      |
| associated  | limited | 400 + 200 per establishment, max 2400 (10)                 |
| associated  | full DD | 1200 + 200/establishment + 400/further chain, max 5600     |
| supporting  | -       | 400 (the associated base fee)                              |

New members: year 1 at most 800, year 2 at most 1200, then the regular fee.
From 1 January 2027 every rate and cap rises by 10 %.
Collective: 400 per member; 2.5 % off for 50-99, 5 % for 100-150, 7.5 % above 150.
"""

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest

from members.rules import (
    Tariff,
    annual_fee,
    collective_discount,
    collective_fee,
    membership_year,
    tariff_on,
)

LIMITED = False  # limited due diligence (category B)
FULL_DD = True  # full due diligence (category C)

BEFORE_2027 = date(2026, 6, 1)
LAST_DAY_OLD_RATES = date(2026, 12, 31)
FIRST_DAY_NEW_RATES = date(2027, 1, 1)
REGULAR_YEAR = 3


def fee(member_type, dd, chains, establishments, year, invoice_date, schedule=None):
    return annual_fee(
        member_type=member_type,
        full_due_diligence=dd,
        chains=chains,
        establishments=establishments,
        membership_year=year,
        invoice_date=invoice_date,
        schedule=schedule,
    )


def assert_money(actual: Decimal, expected: str) -> None:
    """Equal to the figure and carried with exactly two decimals."""
    assert isinstance(actual, Decimal)
    assert actual == Decimal(expected)
    assert actual.as_tuple().exponent == -2, f"{actual!r} is not rounded to cents"


# --- Regular fee (membership year 3), rates before 2027 --------------------------------


@pytest.mark.parametrize(
    ("member_type", "dd", "chains", "establishments", "expected"),
    [
        # full member, limited due diligence: flat base fee, chains do not count
        ("full", LIMITED, 0, 0, "400.00"),
        ("full", LIMITED, 1, 0, "400.00"),
        ("full", LIMITED, 5, 0, "400.00"),
        ("full", LIMITED, 20, 0, "400.00"),
        # full member, full due diligence: 1200 covers 2 chains, +400 per further chain
        ("full", FULL_DD, 0, 0, "1200.00"),
        ("full", FULL_DD, 1, 0, "1200.00"),
        ("full", FULL_DD, 2, 0, "1200.00"),
        ("full", FULL_DD, 3, 0, "1600.00"),  # 1200 + 1 x 400
        ("full", FULL_DD, 4, 0, "2000.00"),  # 1200 + 2 x 400
        ("full", FULL_DD, 7, 0, "3200.00"),  # 1200 + 5 x 400
        ("full", FULL_DD, 8, 0, "3600.00"),  # 1200 + 6 x 400 = maximum
        ("full", FULL_DD, 9, 0, "3600.00"),  # chains beyond 8 are free
        ("full", FULL_DD, 20, 0, "3600.00"),
        # associated member, limited due diligence: 400 + 200 per establishment
        ("associated", LIMITED, 0, 0, "400.00"),
        ("associated", LIMITED, 0, 1, "600.00"),
        ("associated", LIMITED, 0, 5, "1400.00"),  # 400 + 5 x 200
        ("associated", LIMITED, 0, 10, "2400.00"),  # 400 + 10 x 200 = maximum
        ("associated", LIMITED, 0, 11, "2400.00"),  # establishments beyond 10 are free
        ("associated", LIMITED, 0, 50, "2400.00"),
        ("associated", LIMITED, 5, 1, "600.00"),  # chains do not count under limited DD
        # associated member, full DD: 1200 + 200/establishment + 400/further chain
        ("associated", FULL_DD, 0, 0, "1200.00"),
        ("associated", FULL_DD, 2, 0, "1200.00"),
        ("associated", FULL_DD, 3, 0, "1600.00"),
        ("associated", FULL_DD, 2, 1, "1400.00"),
        ("associated", FULL_DD, 3, 1, "1800.00"),  # 1200 + 200 + 400
        ("associated", FULL_DD, 5, 4, "3200.00"),  # 1200 + 4 x 200 + 3 x 400
        ("associated", FULL_DD, 8, 0, "3600.00"),  # 1200 + 6 x 400
        ("associated", FULL_DD, 2, 10, "3200.00"),  # 1200 + 10 x 200
        ("associated", FULL_DD, 8, 10, "5600.00"),  # 1200 + 2000 + 2400 = maximum
        ("associated", FULL_DD, 9, 10, "5600.00"),
        ("associated", FULL_DD, 8, 11, "5600.00"),
        ("associated", FULL_DD, 9, 11, "5600.00"),
        ("associated", FULL_DD, 20, 20, "5600.00"),
        # supporting member: the associated base fee, whatever else is entered
        ("supporting", LIMITED, 0, 0, "400.00"),
        ("supporting", FULL_DD, 0, 0, "400.00"),
        ("supporting", FULL_DD, 8, 10, "400.00"),
        ("supporting", LIMITED, 0, 11, "400.00"),
    ],
)
def test_regular_annual_fee(member_type, dd, chains, establishments, expected) -> None:
    assert_money(fee(member_type, dd, chains, establishments, REGULAR_YEAR, BEFORE_2027), expected)


# --- New members: year 1 at most 800, year 2 at most 1200 (whole fee) -------------------


@pytest.mark.parametrize(
    ("member_type", "dd", "chains", "establishments", "year", "expected"),
    [
        # year 1: cap 800; a fee below the cap is unchanged
        ("full", LIMITED, 0, 0, 1, "400.00"),
        ("associated", LIMITED, 0, 0, 1, "400.00"),
        ("associated", LIMITED, 0, 1, 1, "600.00"),
        ("associated", LIMITED, 0, 2, 1, "800.00"),  # exactly the cap
        ("associated", LIMITED, 0, 3, 1, "800.00"),  # 1000 -> 800
        ("associated", LIMITED, 0, 10, 1, "800.00"),  # 2400 -> 800
        ("full", FULL_DD, 0, 0, 1, "800.00"),  # 1200 -> 800
        ("full", FULL_DD, 2, 0, 1, "800.00"),  # 1200 -> 800
        ("full", FULL_DD, 8, 0, 1, "800.00"),  # 3600 -> 800
        ("associated", FULL_DD, 8, 10, 1, "800.00"),  # 5600 -> 800
        ("supporting", LIMITED, 0, 0, 1, "400.00"),
        # year 2: cap 1200
        ("full", LIMITED, 0, 0, 2, "400.00"),
        ("associated", LIMITED, 0, 2, 2, "800.00"),
        ("associated", LIMITED, 0, 4, 2, "1200.00"),  # exactly the cap
        ("associated", LIMITED, 0, 5, 2, "1200.00"),  # 1400 -> 1200
        ("associated", LIMITED, 0, 10, 2, "1200.00"),  # 2400 -> 1200
        ("full", FULL_DD, 2, 0, 2, "1200.00"),
        ("full", FULL_DD, 3, 0, 2, "1200.00"),  # 1600 -> 1200
        ("full", FULL_DD, 8, 0, 2, "1200.00"),  # 3600 -> 1200
        ("associated", FULL_DD, 8, 10, 2, "1200.00"),  # 5600 -> 1200
        ("supporting", LIMITED, 0, 0, 2, "400.00"),
        # year 3 and later: the regular fee
        ("full", FULL_DD, 3, 0, 3, "1600.00"),
        ("full", FULL_DD, 8, 0, 3, "3600.00"),
        ("associated", LIMITED, 0, 10, 3, "2400.00"),
        ("associated", FULL_DD, 8, 10, 3, "5600.00"),
        ("associated", FULL_DD, 8, 10, 4, "5600.00"),
        ("full", FULL_DD, 8, 0, 10, "3600.00"),
    ],
)
def test_new_member_caps(member_type, dd, chains, establishments, year, expected) -> None:
    assert_money(fee(member_type, dd, chains, establishments, year, BEFORE_2027), expected)


# --- The 2027 increase: every rate and cap +10 % from 1 January 2027 --------------------


@pytest.mark.parametrize(
    ("member_type", "dd", "chains", "establishments", "year", "on_2026_12_31", "on_2027_01_01"),
    [
        ("full", LIMITED, 0, 0, 3, "400.00", "440.00"),
        ("full", FULL_DD, 2, 0, 3, "1200.00", "1320.00"),
        ("full", FULL_DD, 3, 0, 3, "1600.00", "1760.00"),  # 1320 + 440
        ("full", FULL_DD, 8, 0, 3, "3600.00", "3960.00"),  # 1320 + 6 x 440
        ("full", FULL_DD, 20, 0, 3, "3600.00", "3960.00"),
        ("associated", LIMITED, 0, 1, 3, "600.00", "660.00"),  # 440 + 220
        ("associated", LIMITED, 0, 10, 3, "2400.00", "2640.00"),  # 440 + 10 x 220
        ("associated", LIMITED, 0, 11, 3, "2400.00", "2640.00"),
        ("associated", FULL_DD, 3, 1, 3, "1800.00", "1980.00"),  # 1320 + 220 + 440
        ("associated", FULL_DD, 8, 10, 3, "5600.00", "6160.00"),  # 1320 + 2200 + 2640
        ("associated", FULL_DD, 20, 20, 3, "5600.00", "6160.00"),
        ("supporting", LIMITED, 0, 0, 3, "400.00", "440.00"),
        # new-member caps rise with the rates: 800 -> 880, 1200 -> 1320
        ("full", LIMITED, 0, 0, 1, "400.00", "440.00"),
        ("associated", LIMITED, 0, 2, 1, "800.00", "880.00"),
        ("full", FULL_DD, 8, 0, 1, "800.00", "880.00"),
        ("associated", FULL_DD, 8, 10, 1, "800.00", "880.00"),
        ("associated", LIMITED, 0, 3, 2, "1000.00", "1100.00"),  # 440 + 3 x 220 < 1320
        ("associated", LIMITED, 0, 10, 2, "1200.00", "1320.00"),
        ("full", FULL_DD, 8, 0, 2, "1200.00", "1320.00"),
        ("associated", FULL_DD, 8, 10, 2, "1200.00", "1320.00"),
    ],
)
def test_2027_increase(
    member_type, dd, chains, establishments, year, on_2026_12_31, on_2027_01_01
) -> None:
    assert_money(
        fee(member_type, dd, chains, establishments, year, LAST_DAY_OLD_RATES), on_2026_12_31
    )
    assert_money(
        fee(member_type, dd, chains, establishments, year, FIRST_DAY_NEW_RATES), on_2027_01_01
    )


@pytest.mark.parametrize(
    ("invoice_date", "full_dd_8_chains", "associated_limited_base"),
    [
        (date(2025, 3, 1), "3600.00", "400.00"),  # the covenant's start
        (date(2026, 12, 31), "3600.00", "400.00"),
        (date(2027, 1, 1), "3960.00", "440.00"),
        (date(2027, 6, 30), "3960.00", "440.00"),
        (date(2030, 1, 1), "3960.00", "440.00"),  # the increase happens once
    ],
)
def test_fee_depends_on_the_invoice_date(
    invoice_date, full_dd_8_chains, associated_limited_base
) -> None:
    assert_money(fee("full", FULL_DD, 8, 0, 3, invoice_date), full_dd_8_chains)
    assert_money(fee("associated", LIMITED, 0, 0, 3, invoice_date), associated_limited_base)


@pytest.mark.parametrize(
    ("field", "before", "from_2027"),
    [
        ("limited_base", "400", "440"),
        ("full_base", "1200", "1320"),
        ("per_extra_chain", "400", "440"),
        ("per_establishment", "200", "220"),
        ("first_year_cap", "800", "880"),
        ("second_year_cap", "1200", "1320"),
        ("collective_per_member", "400", "440"),
    ],
)
def test_covenant_schedule_rates(field, before, from_2027) -> None:
    assert getattr(tariff_on(LAST_DAY_OLD_RATES), field) == Decimal(before)
    assert getattr(tariff_on(FIRST_DAY_NEW_RATES), field) == Decimal(from_2027)


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("full_base_chains", 2),
        ("max_chains_counted", 8),
        ("max_establishments_counted", 10),
        (
            "collective_discounts",
            ((50, Decimal("0.025")), (100, Decimal("0.05")), (151, Decimal("0.075"))),
        ),
    ],
)
def test_counts_and_discounts_do_not_change_in_2027(field, value) -> None:
    assert getattr(tariff_on(LAST_DAY_OLD_RATES), field) == value
    assert getattr(tariff_on(FIRST_DAY_NEW_RATES), field) == value


# --- A custom schedule (the rates are data, not constants) ------------------------------

CUSTOM = Tariff(
    valid_from=date(2030, 1, 1),
    limited_base=Decimal("100"),
    full_base=Decimal("300"),
    full_base_chains=1,
    per_extra_chain=Decimal("50"),
    max_chains_counted=4,
    per_establishment=Decimal("25"),
    max_establishments_counted=2,
    first_year_cap=Decimal("150"),
    second_year_cap=Decimal("250"),
    collective_per_member=Decimal("90"),
    collective_discounts=((10, Decimal("0.1")),),
)
CUSTOM_LATER = replace(
    CUSTOM,
    valid_from=date(2032, 1, 1),
    limited_base=Decimal("120.565"),  # rounds half up to 120.57
    collective_per_member=Decimal("2.25"),
    collective_discounts=((1, Decimal("0.1")),),
)


@pytest.mark.parametrize(
    ("member_type", "dd", "chains", "establishments", "year", "invoice_date", "expected"),
    [
        ("full", LIMITED, 0, 0, 3, date(2031, 1, 1), "100.00"),
        ("full", FULL_DD, 1, 0, 3, date(2031, 1, 1), "300.00"),  # base covers 1 chain
        ("full", FULL_DD, 3, 0, 3, date(2031, 1, 1), "400.00"),  # 300 + 2 x 50
        ("full", FULL_DD, 4, 0, 3, date(2031, 1, 1), "450.00"),  # 300 + 3 x 50 = max
        ("full", FULL_DD, 10, 0, 3, date(2031, 1, 1), "450.00"),
        ("associated", LIMITED, 0, 2, 3, date(2031, 1, 1), "150.00"),  # 100 + 2 x 25
        ("associated", LIMITED, 0, 5, 3, date(2031, 1, 1), "150.00"),  # only 2 count
        ("associated", FULL_DD, 4, 5, 3, date(2031, 1, 1), "500.00"),  # 300 + 50 + 150
        ("associated", FULL_DD, 4, 5, 1, date(2031, 1, 1), "150.00"),  # year-1 cap
        ("associated", FULL_DD, 4, 5, 2, date(2031, 1, 1), "250.00"),  # year-2 cap
        ("supporting", LIMITED, 0, 0, 3, date(2031, 1, 1), "100.00"),
        # a lone tariff is the schedule: it applies whatever the invoice date
        ("full", LIMITED, 0, 0, 3, date(2026, 1, 1), "100.00"),
    ],
)
def test_single_custom_tariff(
    member_type, dd, chains, establishments, year, invoice_date, expected
) -> None:
    assert_money(
        fee(member_type, dd, chains, establishments, year, invoice_date, schedule=CUSTOM),
        expected,
    )


@pytest.mark.parametrize(
    ("invoice_date", "expected"),
    [
        (date(2029, 12, 31), "100.00"),  # before the first tariff: the earliest applies
        (date(2030, 1, 1), "100.00"),
        (date(2031, 12, 31), "100.00"),
        (date(2032, 1, 1), "120.57"),  # 120.565 rounded half up to cents
        (date(2040, 1, 1), "120.57"),
    ],
)
def test_list_of_tariffs_uses_the_one_valid_on_the_invoice_date(invoice_date, expected) -> None:
    schedule = [CUSTOM_LATER, CUSTOM]  # deliberately not in date order
    assert_money(fee("full", LIMITED, 0, 0, 3, invoice_date, schedule=schedule), expected)


@pytest.mark.parametrize(
    ("invoice_date", "expected"),
    [
        (date(2029, 12, 31), CUSTOM),
        (date(2030, 1, 1), CUSTOM),
        (date(2031, 12, 31), CUSTOM),
        (date(2032, 1, 1), CUSTOM_LATER),
        (date(2099, 1, 1), CUSTOM_LATER),
    ],
)
def test_tariff_on(invoice_date, expected) -> None:
    assert tariff_on(invoice_date, [CUSTOM_LATER, CUSTOM]) == expected
    assert tariff_on(invoice_date, CUSTOM) == CUSTOM


@pytest.mark.parametrize(
    ("members", "invoice_date", "schedule", "expected"),
    [
        (9, date(2031, 1, 1), CUSTOM, "810.00"),  # 9 x 90, no discount
        (10, date(2031, 1, 1), CUSTOM, "810.00"),  # 10 x 90 x 0.9
        (11, date(2031, 1, 1), CUSTOM, "891.00"),  # 11 x 90 x 0.9
        (10, date(2031, 1, 1), [CUSTOM_LATER, CUSTOM], "810.00"),
        (1, date(2032, 1, 1), [CUSTOM_LATER, CUSTOM], "2.03"),  # 2.025 rounded half up
        (2, date(2032, 1, 1), [CUSTOM_LATER, CUSTOM], "4.05"),  # 4.5 x 0.9
    ],
)
def test_collective_fee_with_custom_schedule(members, invoice_date, schedule, expected) -> None:
    assert_money(
        collective_fee(members=members, invoice_date=invoice_date, schedule=schedule), expected
    )


# --- Collective membership --------------------------------------------------------------


@pytest.mark.parametrize(
    ("members", "discount"),
    [
        (0, "0"),
        (1, "0"),
        (49, "0"),
        (50, "0.025"),  # 50 to under 100
        (99, "0.025"),
        (100, "0.05"),  # 100 to 150
        (150, "0.05"),
        (151, "0.075"),  # more than 150
        (1000, "0.075"),
    ],
)
def test_collective_discount(members, discount) -> None:
    for on in (LAST_DAY_OLD_RATES, FIRST_DAY_NEW_RATES):
        assert collective_discount(members=members, tariff=tariff_on(on)) == Decimal(discount)


@pytest.mark.parametrize(
    ("members", "before_2027", "from_2027"),
    [
        # members x 400 (x 440 from 2027), less the discount
        (0, "0.00", "0.00"),
        (1, "400.00", "440.00"),
        (49, "19600.00", "21560.00"),  # no discount
        (50, "19500.00", "21450.00"),  # 20000 x 0.975 ; 22000 x 0.975
        (99, "38610.00", "42471.00"),  # 39600 x 0.975 ; 43560 x 0.975
        (100, "38000.00", "41800.00"),  # 40000 x 0.95 ; 44000 x 0.95
        (150, "57000.00", "62700.00"),  # 60000 x 0.95 ; 66000 x 0.95
        (151, "55870.00", "61457.00"),  # 60400 x 0.925 ; 66440 x 0.925
        (200, "74000.00", "81400.00"),  # 80000 x 0.925 ; 88000 x 0.925
    ],
)
def test_collective_fee(members, before_2027, from_2027) -> None:
    assert_money(collective_fee(members=members, invoice_date=LAST_DAY_OLD_RATES), before_2027)
    assert_money(collective_fee(members=members, invoice_date=FIRST_DAY_NEW_RATES), from_2027)


# --- Membership year ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("joined_on", "invoice_year", "expected"),
    [
        # year 1 is the calendar year of joining, year 2 the next, and so on
        (date(2025, 3, 1), 2025, 1),
        (date(2025, 3, 1), 2026, 2),
        (date(2025, 3, 1), 2027, 3),
        (date(2025, 3, 1), 2030, 6),
        (date(2026, 1, 1), 2026, 1),
        (date(2026, 12, 31), 2026, 1),
        (date(2026, 12, 31), 2027, 2),
        (date(2026, 12, 31), 2028, 3),
    ],
)
def test_membership_year(joined_on, invoice_year, expected) -> None:
    assert membership_year(joined_on=joined_on, invoice_year=invoice_year) == expected
