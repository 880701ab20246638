"""How the rows of the lists without company links read: their place in words, filters."""

import pytest
from django.utils import translation

from supplychain.lists.tables import area_label, filtered, readable

SITE = {"level": "site", "country": "IN", "region": "Rajasthan", "site": "TS-ABC", "name": "Ganesh"}


@pytest.mark.parametrize(
    ("row", "label"),
    [
        (SITE, "Ganesh"),
        ({**SITE, "name": ""}, "TS-ABC"),
        ({**SITE, "level": "region", "name": ""}, "Other sites in Rajasthan"),
        ({**SITE, "level": "country"}, "Other places in India"),
        ({**SITE, "level": "other", "country": ""}, "Other countries"),
        ({"level": "district", "country": "IN", "region": "Rajasthan", "district": "Kota"}, "Kota"),
        # GeoNames gives no district for much of China: the region stands for it.
        ({"level": "district", "country": "CN", "region": "Fujian", "district": ""}, "Fujian"),
        (
            {"level": "region", "country": "IN", "region": "Rajasthan", "district": ""},
            "Several districts",
        ),
    ],
)
def test_where_a_row_is_in_words(row, label) -> None:
    with translation.override("en"):
        assert area_label(row) == label


def test_filters_by_country_and_by_text_in_the_place_or_stone_type() -> None:
    rows = readable(
        [
            {**SITE, "kind": "quarry", "volume": "10.00", "products": ["Kota Blue"]},
            {
                **SITE,
                "country": "CN",
                "region": "Fujian",
                "name": "Xiamen",
                "kind": "factory",
                "volume": None,
                "products": ["G654"],
            },
        ]
    )
    assert [r["name"] for r in filtered(rows, {"country": "cn"})] == ["Xiamen"]
    assert [r["name"] for r in filtered(rows, {"q": "kota"})] == ["Ganesh"]
    assert [r["name"] for r in filtered(rows, {"q": "fujian"})] == ["Xiamen"]
    assert [r["name"] for r in filtered(rows, {})] == ["Ganesh", "Xiamen"]
    assert rows[1]["volume_amount"] is None and str(rows[0]["volume_amount"]) == "10.00"


def test_one_marker_per_site_names_every_company_buying_there() -> None:
    from supplychain.lists.linked import points

    row = {"site": "TS-1", "name": "Bijolia", "lat": 25.1, "lon": 75.3}
    rows = [
        {**row, "company": "Bakker"},
        {**row, "company": "Graniet"},
        {**row, "site": "TS-2", "name": "Xiamen", "lat": None, "lon": None, "company": "Bakker"},
    ]
    assert points(rows) == [{"lat": 25.1, "lon": 75.3, "label": "Bijolia – Bakker, Graniet"}]
