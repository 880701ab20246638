"""`is_disclosable`: when an aggregated cell may be published (DOMAIN §5)."""

from decimal import Decimal as D

import pytest

from supplychain.rules import is_disclosable


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
