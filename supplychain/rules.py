"""Pure rules about facilities and chains. No database."""

from __future__ import annotations

from decimal import Decimal


def facility_is_identified(
    *, name: str, address: str, latitude: Decimal | None, longitude: Decimal | None
) -> bool:
    """Identified (DOMAIN §4.2): a name plus an address or coordinates."""
    has_coordinates = latitude is not None and longitude is not None
    return bool(name.strip()) and (bool(address.strip()) or has_coordinates)


def coordinates_problem(latitude: Decimal | None, longitude: Decimal | None) -> str | None:
    """A code for what is wrong with a pair of coordinates, or None:
    "incomplete", "latitude_range", "longitude_range", "swapped" (a latitude outside
    ±90 that would fit as a longitude, with the longitude fitting as a latitude)."""
    if latitude is None and longitude is None:
        return None
    if latitude is None or longitude is None:
        return "incomplete"
    if not -90 <= latitude <= 90:
        if -90 <= longitude <= 90 and -180 <= latitude <= 180:
            return "swapped"
        return "latitude_range"
    if not -180 <= longitude <= 180:
        return "longitude_range"
    return None


#: How far (km) a facility may lie outside its country's drawn border before we warn:
#: borders at 1:50m are drawn to within a few km, and quarries lie on borders and coasts.
COUNTRY_TOLERANCE_KM = 10.0


def country_mismatch(
    *,
    distance_km: float | None,
    swapped_distance_km: float | None = None,
    tolerance_km: float = COUNTRY_TOLERANCE_KM,
) -> str | None:
    """Whether coordinates fit the stated country, from their distance to it in km (0
    inside, None when unknown): None when they fit or nothing is known; "swapped" when
    they lie outside but latitude and longitude swapped would lie inside; "outside"
    otherwise. A warning, never a refusal: the border data is approximate."""
    if distance_km is None or distance_km <= tolerance_km:
        return None
    if swapped_distance_km is not None and swapped_distance_km <= tolerance_km:
        return "swapped"
    return "outside"


def join_address(*parts: str | None) -> str:
    """Address parts joined with commas, leaving out the empty ones (a quarry without a
    place is "Bijolia, India", never ", India")."""
    return ", ".join(part.strip() for part in parts if part and part.strip())
