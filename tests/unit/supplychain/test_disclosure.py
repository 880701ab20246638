"""Disclosure control (DOMAIN §5): when a cell may be published (`is_disclosable`), and
which cells of a hierarchy are published after primary and secondary suppression."""

from decimal import Decimal as D
from itertools import combinations

import pytest

from supplychain.rules import is_disclosable
from supplychain.rules.disclosure import disclosed_cells


@pytest.mark.parametrize(
    ("contributions", "disclosable"),
    [
        ({}, False),
        ({1: D(1)}, False),  # one buyer
        ({1: D(1), 2: D(1)}, False),  # two buyers
        ({1: D(1), 2: D(1), 3: D(1)}, True),  # three buyers, count only
        ({1: D(100), 2: D(100), 3: D(0)}, False),  # a zero is no contribution
        ({1: D(100), 2: D(100), 3: D(-5)}, False),
        ({1: D(70), 2: D(15), 3: D(15)}, True),  # the top two hold exactly 85 %
        ({1: D(70), 2: D(16), 3: D(14)}, False),  # 86 %: dominated by two buyers
        ({1: D(90), 2: D(1), 3: D(1), 4: D(8)}, False),  # one dominant buyer
        ({1: D(30), 2: D(30), 3: D(20), 4: D(20)}, True),
    ],
)
def test_default_rule(contributions, disclosable) -> None:
    assert is_disclosable(contributions) is disclosable


def test_parameters_are_configurable() -> None:
    cells = {1: D(50), 2: D(30), 3: D(20)}
    assert is_disclosable(cells)
    assert not is_disclosable(cells, min_contributors=4)
    assert not is_disclosable(cells, dominance_share=D("0.75"))
    assert is_disclosable(cells, dominance_top=1, dominance_share=D("0.5"))


# --- Primary and secondary suppression over a hierarchy (country, region, site) -----------


def buyers(*amounts):
    """A cell: companies 'a', 'b', … with these volumes."""
    return {chr(ord("a") + i): D(amount) for i, amount in enumerate(amounts)}


def test_a_site_with_one_or_two_buyers_never_appears_on_its_own() -> None:
    cells = {
        ("IN", "Bundi", "s1"): buyers(10, 10, 10),
        ("IN", "Bundi", "s2"): {"x": D(5)},  # one buyer
        ("IN", "Bundi", "s3"): {"y": D(5), "z": D(5)},  # two buyers
    }
    published = disclosed_cells(cells)
    assert ("IN", "Bundi", "s2") not in published and ("IN", "Bundi", "s3") not in published
    for cell in published.values():
        assert len([v for v in cell.values() if v > 0]) >= 3


def test_a_region_dominated_by_two_buyers_is_merged_upward() -> None:
    cells = {
        ("IN", "Bundi", "s1"): {"a": D(500), "b": D(400), "c": D(10)},  # 99 % two buyers
        ("IN", "Kota", "s2"): buyers(30, 30, 30),
        ("IN", "Kota", "s3"): {"d": D(40), "e": D(30), "f": D(30)},
    }
    published = disclosed_cells(cells)
    assert not any(path[:2] == ("IN", "Bundi") for path in published)
    # Bundi's site is not published alone, nor as "other sites in Bundi"
    assert all(cell != cells[("IN", "Bundi", "s1")] for cell in published.values())


def test_a_lone_suppressed_site_takes_a_published_neighbour_with_it() -> None:
    """Secondary suppression: with s1 and s2 published and the region's total known,
    s3 would be the difference. So the smallest neighbour is suppressed with it."""
    cells = {
        ("IN", "Bundi", "s1"): buyers(100, 100, 100),
        ("IN", "Bundi", "s2"): {"d": D(10), "e": D(10), "f": D(10)},
        ("IN", "Bundi", "s3"): {"g": D(7)},
    }
    published = disclosed_cells(cells)
    assert ("IN", "Bundi", "s1") in published
    assert ("IN", "Bundi", "s2") not in published and ("IN", "Bundi", "s3") not in published
    assert published[("IN", "Bundi")] == {"d": D(10), "e": D(10), "f": D(10), "g": D(7)}


def test_no_suppressed_site_can_be_derived_from_published_cells() -> None:
    """Whatever published cells an outsider adds or subtracts (they are disjoint, and
    totals are sums of them), no combination equals a suppressed site's contributions."""
    cells = {
        ("IN", "Bundi", "s1"): buyers(50, 40, 30),
        ("IN", "Bundi", "s2"): {"x": D(9)},
        ("IN", "Kota", "s3"): buyers(20, 20, 20, 20),
        ("IN", "Kota", "s4"): {"y": D(3), "z": D(4)},
        ("IN", "Kota", "s5"): buyers(5, 6, 7),
        ("CN", "Xiamen", "s6"): {"q": D(100)},
    }
    published = disclosed_cells(cells)
    suppressed = [cells[p] for p in cells if p not in published]
    assert suppressed
    values = list(published.values())
    sums = {
        tuple(sorted(_merged_for_test(chosen).items()))
        for size in range(1, len(values) + 1)
        for chosen in combinations(values, size)
    }
    for cell in suppressed:
        assert tuple(sorted(cell.items())) not in sums
    # and every published cell passes the rule on its own
    assert all(is_disclosable(cell) for cell in published.values())
    # what cannot be published anywhere (China's single buyer) is left out
    assert not any(path[:1] == ("CN",) for path in published)


def _merged_for_test(cells):
    total = {}
    for cell in cells:
        for company, amount in cell.items():
            total[company] = total.get(company, D(0)) + amount
    return total
