"""Where a pair of coordinates lies relative to a country's borders.

The borders are Natural Earth's admin-0 countries at 1:50m, as the npm package
`world-atlas` 2.0.2 ships them (`supplychain/data/countries-50m.json`, TopoJSON; ISC
licence beside it, Natural Earth itself is public domain). At 1:50m a border is drawn
to within a few kilometres, hence the tolerance in `rules.COUNTRY_TOLERANCE_KM`.
The pure decision is `rules.country_mismatch`; this module only measures.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

from django.utils.translation import gettext as _
from django_countries import countries
from shapely import Point, prepared
from shapely.geometry import MultiPolygon, Polygon
from shapely.geometry.base import BaseGeometry
from shapely.ops import nearest_points

from .rules import country_mismatch

DATA = Path(__file__).resolve().parent / "data" / "countries-50m.json"
EARTH_RADIUS_KM = 6371.0088

#: Areas that Natural Earth draws apart but that have no ISO 3166 numeric code.
_WITHOUT_NUMERIC_CODE = {
    "Somaliland": "SO",
    "N. Cyprus": "CY",
    "Kosovo": "XK",
    "Siachen Glacier": "IN",
}


@dataclass(frozen=True)
class _Country:
    shape: BaseGeometry
    inside: Any  # a prepared geometry: fast point-in-polygon


def _decode_arcs(topology: dict[str, Any]) -> list[list[tuple[float, float]]]:
    """TopoJSON arcs are quantised and delta-encoded; give them back in degrees."""
    scale_x, scale_y = topology["transform"]["scale"]
    shift_x, shift_y = topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * scale_x + shift_x, y * scale_y + shift_y))
        arcs.append(points)
    return arcs


def _ring(arcs: list[list[tuple[float, float]]], indexes: list[int]) -> list[tuple[float, float]]:
    points: list[tuple[float, float]] = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else list(reversed(arcs[~index]))
        # Consecutive arcs share their end point.
        points.extend(arc[1:] if points else arc)
    return points


def _polygon(arcs: list[list[tuple[float, float]]], rings: list[list[int]]) -> Polygon:
    shell, *holes = (_ring(arcs, ring) for ring in rings)
    return Polygon(shell, holes)


@cache
def _topology() -> tuple[list[list[tuple[float, float]]], dict[str, list[list[list[int]]]]]:
    """The decoded arcs, and per country (ISO alpha-2) the arc indexes of its polygons."""
    topology = json.loads(DATA.read_text(encoding="utf-8"))
    polygons: dict[str, list[list[list[int]]]] = {}
    for geometry in topology["objects"]["countries"]["geometries"]:
        code = _alpha2(geometry)
        if code is None or geometry["type"] not in ("Polygon", "MultiPolygon"):
            continue
        rings = [geometry["arcs"]] if geometry["type"] == "Polygon" else geometry["arcs"]
        polygons.setdefault(code, []).extend(rings)
    return _decode_arcs(topology), polygons


@cache
def _border(code: str) -> _Country | None:
    arcs, polygons = _topology()
    if code not in polygons:
        return None
    shape = MultiPolygon([_polygon(arcs, rings) for rings in polygons[code]])
    shape = shape.buffer(0)  # repairs rings that touch themselves
    return _Country(shape=shape, inside=prepared.prep(shape))


def _alpha2(geometry: dict[str, Any]) -> str | None:
    name = geometry.get("properties", {}).get("name", "")
    if name in _WITHOUT_NUMERIC_CODE:
        return _WITHOUT_NUMERIC_CODE[name]
    if "id" not in geometry:
        return None
    return countries.alpha2(int(geometry["id"])) or None


def _haversine_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    (lon1, lat1), (lon2, lat2) = a, b
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    h = (
        math.sin((phi2 - phi1) / 2) ** 2
        + math.cos(phi1) * math.cos(phi2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    )
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(min(1.0, h)))


def distance_to_country_km(
    country: str, latitude: Decimal | float, longitude: Decimal | float
) -> float | None:
    """Kilometres from the point to the nearest part of `country` (ISO alpha-2): 0 inside,
    None when the borders do not know the country or the point is not on Earth."""
    border = _border(str(country).upper())
    lat, lon = float(latitude), float(longitude)
    if border is None or not (-90 <= lat <= 90 and -180 <= lon <= 180):
        return None
    point = Point(lon, lat)
    if border.inside.contains(point):
        return 0.0
    nearest = nearest_points(border.shape, point)[0]
    # Nearest in degrees is not always nearest in kilometres far north, but near a border,
    # where the tolerance matters, the two agree.
    return _haversine_km((lon, lat), (nearest.x, nearest.y))


def coordinates_country_warning(
    *, country: str, latitude: Decimal | float | None, longitude: Decimal | float | None
) -> str | None:
    """A translated warning when the coordinates lie outside the stated country (more than
    the tolerance), or None. For the facility form, the API and each upload row."""
    if not country or latitude is None or longitude is None:
        return None
    distance = distance_to_country_km(country, latitude, longitude)
    swapped = distance_to_country_km(country, longitude, latitude) if distance else None
    problem = country_mismatch(distance_km=distance, swapped_distance_km=swapped)
    if problem is None:
        return None
    values = {
        "latitude": latitude,
        "longitude": longitude,
        "country": countries.name(str(country).upper()) or country,
        "distance": round(distance or 0),
    }
    if problem == "swapped":
        return (
            _(
                "The coordinates %(latitude)s, %(longitude)s lie outside %(country)s, "
                "but would lie inside it with latitude and longitude swapped. Please "
                "check the order: latitude (north–south) first, then longitude (east–west)."
            )
            % values
        )
    return (
        _(
            "The coordinates %(latitude)s, %(longitude)s lie about %(distance)s km outside "
            "%(country)s. Please check them: latitude and longitude may be swapped, or the "
            "country may be wrong."
        )
        % values
    )


#: At most this many warnings are listed for one uploaded file.
MAX_UPLOAD_WARNINGS = 100


def facility_rows_warnings(facilities: Any) -> list[str]:
    """For the upload preview: "name: warning" for each distinct facility of the file
    whose coordinates lie outside its country. A warning, not a problem: the file can
    still be imported."""
    seen: set[Any] = set()
    warnings: list[str] = []
    for facility in facilities:
        if facility is None or facility.key() in seen:
            continue
        seen.add(facility.key())
        warning = coordinates_country_warning(
            country=facility.country, latitude=facility.latitude, longitude=facility.longitude
        )
        if warning:
            warnings.append(f"{facility.name}: {warning}")
            if len(warnings) >= MAX_UPLOAD_WARNINGS:
                break
    return warnings
