"""Coordinates outside the stated country: measured against Natural Earth's borders,
decided by a pure rule, warned about (never refused)."""

from decimal import Decimal

import pytest
from django.utils import translation

from supplychain.geography import coordinates_country_warning, distance_to_country_km
from supplychain.rules import COUNTRY_TOLERANCE_KM, country_mismatch


@pytest.mark.parametrize(
    ("distance_km", "swapped_distance_km", "expected"),
    [
        (None, None, None),  # a country the borders do not know: nothing to say
        (0.0, None, None),  # inside
        (COUNTRY_TOLERANCE_KM, None, None),  # on the coast or a border: within tolerance
        (COUNTRY_TOLERANCE_KM + 0.1, None, "outside"),
        (21.0, 400.0, "outside"),  # just across a border
        (5117.7, 0.0, "swapped"),  # the Barents Sea, which is India with lat/long swapped
    ],
)
def test_country_mismatch(distance_km, swapped_distance_km, expected) -> None:
    assert (
        country_mismatch(distance_km=distance_km, swapped_distance_km=swapped_distance_km)
        == expected
    )


@pytest.mark.parametrize(
    ("country", "latitude", "longitude", "inside"),
    [
        ("IN", "25.18", "75.83", True),  # Kota, Rajasthan
        ("IN", "74.86", "26.58", False),  # the Barents Sea: Kota's neighbour swapped
        ("IN", "31.55", "74.34", False),  # Lahore, just across the border in Pakistan
        ("PK", "31.55", "74.34", True),
        ("PT", "38.70", "-9.14", True),  # Lisbon on the coast: within the tolerance
        ("BE", "51.22", "4.40", True),  # Antwerp
        ("NL", "51.22", "4.40", False),
    ],
)
def test_distance_to_country_with_real_points(country, latitude, longitude, inside) -> None:
    distance = distance_to_country_km(country, Decimal(latitude), Decimal(longitude))
    assert distance is not None
    assert (distance <= COUNTRY_TOLERANCE_KM) is inside


def test_the_barents_sea_point_warns_that_latitude_and_longitude_may_be_swapped() -> None:
    with translation.override("en"):
        warning = coordinates_country_warning(
            country="IN", latitude=Decimal("74.86"), longitude=Decimal("26.58")
        )
    assert warning is not None
    assert "India" in warning and "swapped" in warning
    with translation.override("nl"):
        dutch = coordinates_country_warning(
            country="IN", latitude=Decimal("74.86"), longitude=Decimal("26.58")
        )
    assert dutch is not None and "India" in dutch and "omgewisseld" in dutch


def test_a_point_across_the_border_names_the_country_and_the_distance() -> None:
    warning = coordinates_country_warning(
        country="IN", latitude=Decimal("31.55"), longitude=Decimal("74.34")
    )
    assert warning is not None
    assert "India" in warning and "km" in warning


def test_no_warning_inside_or_without_coordinates() -> None:
    assert coordinates_country_warning(country="IN", latitude=25.18, longitude=75.83) is None
    assert coordinates_country_warning(country="IN", latitude=None, longitude=None) is None
    assert distance_to_country_km("ZZ", 1, 1) is None
