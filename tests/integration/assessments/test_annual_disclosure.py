"""Disclosure control on the generated annual report's data (DOMAIN §5, Art. 6.8): a
seeded world of member companies buying from sites in several regions with volumes of
very different sizes, levels that move, signals routed to them. Every table of the
generated report is checked: no published row with fewer than three companies or
dominated by two, totals that are the sum of the published rows, and no hidden cell
that a published "other" row gives away."""

from __future__ import annotations

import random
from collections import defaultdict
from datetime import date
from decimal import Decimal

import pytest

from assessments.annual.services import annual_report_inputs
from assessments.rules.annual import cell_fates, figures_from
from supplychain.rules.disclosure import is_disclosable
from tests.factories import OrganisationFactory
from tests.factories.covenant import CovenantMembershipFactory, LevelFactory
from tests.factories.registry import buy, site
from tests.factories.signals import route_to, signal_about

# Places the registry knows (supplychain.places): several regions in two countries.
PLACES = [
    ("Kota", (25.18, 75.83)),
    ("Bundi", (25.44, 75.64)),
    ("Budhpura", (25.28, 75.52)),
    ("Khammam", (17.25, 80.15)),
    ("Karimnagar", (18.44, 79.13)),
    ("Ongole", (15.50, 80.05)),
    ("Krishnagiri", (12.52, 78.21)),
]


@pytest.fixture
def generated(world) -> dict:
    rng = random.Random(13)
    sites = [site(name, where) for name, where in PLACES]
    sites += [site(f"{name} mill", where, kind="factory") for name, where in PLACES[:3]]
    companies = []
    for number in range(14):
        company = OrganisationFactory(name=f"Importeur {number:02d} B.V.", slug=f"imp{number}")
        CovenantMembershipFactory(
            organisation=company,
            member_type=rng.choice(["full", "full", "associated", "supporting"]),
            employees=rng.choice([5, 40, 300]),
            annual_revenue_eur=rng.choice([1_000_000, 20_000_000, 90_000_000]),
            joined_on=date(2024, 1, 1),
        )
        LevelFactory(
            organisation=company, year=2024, level=rng.randint(1, 3), decided_on=date(2024, 6, 1)
        )
        LevelFactory(
            organisation=company, year=2025, level=rng.randint(1, 5), decided_on=date(2025, 6, 1)
        )
        for bought in rng.sample(sites, rng.randint(1, 4)):
            # Volumes from 1,000 to 5,000,000 euro: some cells are dominated.
            buy(company, bought, volume=str(rng.choice([1_000, 50_000, 400_000, 5_000_000])))
        companies.append(company)
    for _signal_number in range(6):
        signal = signal_about(
            world,
            rng.choice(sites),
            themes=rng.sample(["child_labour", "forced_labour", "health_safety"], 2),
        )
        for company in rng.sample(companies, rng.randint(1, 4)):
            route_to(signal, company)
    inputs = annual_report_inputs(date.today().year, lambda done, total: None)
    return {"inputs": inputs, "figures": figures_from(inputs)}


def test_the_world_has_something_to_suppress_and_to_publish(generated) -> None:
    tables = generated["figures"]["tables"]
    assert any(t["rows"] for t in tables.values())
    assert any(t["merged"] or t["left_out"] for t in tables.values())
    assert tables["sourcing"]["cells"] >= 3


def test_no_published_row_has_fewer_than_three_companies_or_is_dominated(generated) -> None:
    for key, table in generated["inputs"]["tables"].items():
        published = generated["figures"]["tables"][key]["rows"]
        rows = {tuple(row["path"]): row for row in published}
        merged: dict[tuple[str, ...], dict] = defaultdict(lambda: defaultdict(Decimal))
        for _fate, home, weights in cell_fates(table).values():
            if home is not None:
                for company, weight in weights.items():
                    merged[home][company] += weight
        assert set(merged) == set(rows), key
        for path, weights in merged.items():
            assert rows[path]["contributors"] == len(weights) >= 3, (key, path)
            if table["measure"] != "mean":
                assert is_disclosable(weights), (key, path)


def test_totals_are_sums_of_published_rows_and_hide_no_single_cell(generated) -> None:
    for key, table in generated["inputs"]["tables"].items():
        figures = generated["figures"]["tables"][key]
        if table["measure"] in ("companies", "volume"):
            assert figures["total"] == sum(row["value"] for row in figures["rows"]), key
        others: dict[tuple[str, ...], list] = defaultdict(list)
        for path, (fate, home, weights) in cell_fates(table).items():
            if fate == "merged":
                others[home].append((path, weights))
        for home, cells in others.items():
            # An "other" row is never one hidden cell by itself (it would be that cell).
            assert not (len(cells) == 1 and not is_disclosable(cells[0][1])), (key, home)
