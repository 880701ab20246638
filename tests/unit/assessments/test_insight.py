"""insight_percentages (DOMAIN §4.2): volume-weighted, by count without volumes,
circular chains count as known."""

from decimal import Decimal as D

import pytest

from supplychain.rules import display_percent, insight_percentages


def chain(volume=None, factory=False, quarry=False, circular=False):
    return {
        "volume": None if volume is None else D(volume),
        "factory_known": factory,
        "quarry_known": quarry,
        "is_circular": circular,
    }


@pytest.mark.parametrize(
    ("chains", "factory", "quarry"),
    [
        ([], D(0), D(0)),
        # Volume-weighted: 300 of 400 euro has a known factory, 100 a known quarry.
        ([chain(300, True, False), chain(100, False, True)], D(75), D(25)),
        # Count-weighted when no chain has a volume: 2 of 3, 1 of 3.
        ([chain(None, True), chain(None, True, True), chain(None)], D(200) / 3, D(100) / 3),
        # Circular chains count as known for both.
        ([chain(100, circular=True), chain(100, True)], D(100), D(50)),
        ([chain(None, circular=True)], D(100), D(100)),
        # With some volumes, a chain without a volume weighs nothing.
        ([chain(100, True, True), chain(None)], D(100), D(100)),
        # Volumes of zero only: nothing to weigh.
        ([chain(0, True), chain(0)], D(50), D(0)),
    ],
)
def test_insight_percentages(chains, factory, quarry) -> None:
    assert insight_percentages(chains) == (factory, quarry)


def test_objects_work_as_well_as_mappings() -> None:
    class Chain:
        volume, factory_known, quarry_known, is_circular = D(10), True, False, False

    assert insight_percentages([Chain()]) == (D(100), D(0))


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (D("59.96"), D("59.9")),
        (D("60"), D("60.0")),
        (D(200) / 3, D("66.6")),
    ],
)
def test_display_never_rounds_up_to_a_threshold(value, shown) -> None:
    assert display_percent(value) == shown
