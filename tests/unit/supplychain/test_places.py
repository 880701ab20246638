"""Where a site lies: the region and district of GeoNames' towns around it."""

import pytest

from supplychain.places import area_of


@pytest.mark.parametrize(
    ("country", "lat", "lon", "region", "district"),
    [
        ("IN", 25.18, 75.83, "Rajasthan", "Kota"),
        # Bijolia's own village is not in the towns; its nearest one lies across the
        # border in Madhya Pradesh, but most of its neighbours are in Rajasthan.
        ("IN", 25.16, 75.33, "Rajasthan", "Bhilwara"),
        ("IN", 15.58, 79.87, "Andhra Pradesh", "Prakasam"),
        ("CN", 24.12, 117.61, "Fujian", ""),
        ("PT", 38.842, -7.59, "Evora", "Estremoz"),
        ("BR", -20.849, -41.113, "Espirito Santo", "Cachoeiro De Itapemirim"),
        ("TR", 38.86, 30.75, "Afyonkarahisar", ""),
        ("in", 25.18, 75.83, "Rajasthan", "Kota"),  # any case of the country code
    ],
)
def test_a_site_with_coordinates_lies_where_its_neighbouring_towns_are(
    country, lat, lon, region, district
) -> None:
    area = area_of(country, lat, lon)
    assert (area.region, area.district) == (region, district)


def test_only_towns_of_the_sites_own_country_count() -> None:
    # A point in Rajasthan reported as Pakistani: no Pakistani town within reach.
    assert area_of("PK", 25.18, 75.83).region == ""


def test_a_site_far_from_any_town_has_no_region() -> None:
    assert area_of("IN", 10.0, 65.0).region == ""  # the Arabian Sea


@pytest.mark.parametrize(
    ("country", "place", "address", "region"),
    [
        ("IN", "Kishangarh", "", "Rajasthan"),
        ("IN", "", "Plot 4, RIICO Industrial Area, Rajasthan", "Rajasthan"),
        ("IN", "Kota, Rajasthan", "", "Rajasthan"),
        ("IN", "", "Survey no. 12, Andhra Pradesh 523226", "Andhra Pradesh"),
        ("IN", "Somewhere unknown", "", ""),
        # Zhangpu is a town in Anhui and a county in Fujian: a name that names two
        # regions places nothing.
        ("CN", "Zhangpu", "", ""),
    ],
)
def test_a_site_without_coordinates_is_placed_by_the_town_or_region_it_names(
    country, place, address, region
) -> None:
    assert area_of(country, place=place, address=address).region == region


def test_coordinates_win_over_the_place_named() -> None:
    assert area_of("IN", 15.58, 79.87, place="Kota").region == "Andhra Pradesh"
