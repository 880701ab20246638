"""Facilities are written without empty address pieces: never ", India"."""

import pytest
from django.template import Context, Template
from django.utils import translation

from supplychain.models import Facility
from supplychain.rules import join_address


@pytest.mark.parametrize(
    ("parts", "expected"),
    [
        (("Bijolia", "", "India"), "Bijolia, India"),
        (("", "", "India"), "India"),
        (("Industrial Area 4", "Kota", "India"), "Industrial Area 4, Kota, India"),
        ((" ", None, "India"), "India"),
        ((), ""),
    ],
)
def test_join_address(parts, expected) -> None:
    assert join_address(*parts) == expected


def _render(source: str, facility) -> str:
    with translation.override("en"):
        return Template("{% load facilities %}" + source).render(Context({"f": facility}))


def test_a_quarry_without_a_place_in_the_list_and_in_the_report_snapshot() -> None:
    quarry = Facility(kind="quarry", name="Bijolia quarry", country="IN")
    assert _render("{{ f|facility_location }}", quarry) == "India"
    assert _render("{{ f|facility_label }}", quarry) == "Bijolia quarry, India"
    snapshot = {"name": "Bijolia quarry", "address": "", "place": "", "country": "IN"}
    assert _render("{{ f|facility_label }}", snapshot) == "Bijolia quarry, India"
    factory = {"name": "Shree Ganesh", "place": "Kota", "country": "IN"}
    assert _render("{{ f|facility_label }}", factory) == "Shree Ganesh, Kota, India"
