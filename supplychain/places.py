"""In which region and district a production site lies, for the lists that group sites.

The regions (states, provinces) and districts are GeoNames' first- and second-order
administrative divisions of its towns of 1,000 or more inhabitants
(`supplychain/data/places.csv.gz`, CC BY 4.0, see LICENSE-places beside it). A site with
coordinates lies in the region most of its nearest towns (of its own country, within
`NEAREST_KM`) lie in; a site without coordinates is placed by the town or the region its place
or address names. A site that can be placed neither way has no region: the lists show
it under its country only.
"""

from __future__ import annotations

import csv
import gzip
import io
import math
import re
from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from anyascii import anyascii

DATA = Path(__file__).resolve().parent / "data" / "places.csv.gz"
NEAREST_KM = 60.0
VOTERS = 5  # the nearest towns that decide a site's region
_CELL = 0.5  # degrees per cell of the index
_KM_PER_DEGREE = 111.2


@dataclass(frozen=True)
class Area:
    """Where a site lies: its country, region (state, province) and district (either
    may be empty), and the town that placed it with that town's coordinates."""

    country: str
    region: str
    district: str
    town: str = ""
    lat: float | None = None
    lon: float | None = None


def _key(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", anyascii(text).lower()))


class _Places:
    def __init__(self) -> None:
        # Rows stay plain lists (an Area is made only for an answer): loading is quick.
        self.rows: list[list[str]] = []
        self.cells: dict[tuple[str, int, int], list[tuple[float, float, int]]] = defaultdict(list)
        self.regions: dict[str, dict[str, str]] = defaultdict(dict)
        with gzip.open(DATA, "rt", encoding="utf-8") as handle:
            reader = csv.reader(io.StringIO(handle.read()))
            next(reader)  # cc, admin1, admin2, name, lat, lon
            self.rows = list(reader)
        for index, (country, region, _district, _name, lat_text, lon_text) in enumerate(self.rows):
            lat, lon = float(lat_text), float(lon_text)
            self.cells[(country, math.floor(lat / _CELL), math.floor(lon / _CELL))].append(
                (lat, lon, index)
            )
            if region:
                self.regions[country].setdefault(region, region)
        self._named: dict[str, dict[str, int]] = {}

    def _area(self, index: int) -> Area:
        country, region, district, name, lat, lon = self.rows[index]
        return Area(country, region, district, name, float(lat), float(lon))

    def _towns(self, country: str) -> dict[str, int]:
        """The towns of one country by their name's key (built when first asked)."""
        if country not in self._named:
            towns: dict[str, int] = {}
            for index, row in enumerate(self.rows):
                if row[0] == country:
                    key = _key(row[3])
                    known = towns.setdefault(key, index)
                    if known >= 0 and self.rows[known][1] != row[1]:
                        towns[key] = -1  # towns of this name in two regions: no answer
            self._named[country] = towns
            self.regions[country] = {_key(name): name for name in self.regions[country]}
        return self._named[country]

    @staticmethod
    def _cell(lat: float, lon: float) -> tuple[int, int]:
        return math.floor(lat / _CELL), math.floor(lon / _CELL)

    def nearest(self, country: str, lat: float, lon: float) -> Area | None:
        """The nearest towns vote on the region, the nearer the weightier: a quarry near a
        border whose own village is too small to be listed still lands on the side most
        of its neighbours are on. The district is that of the nearest town in the region."""
        row, column = self._cell(lat, lon)
        scale = math.cos(math.radians(lat))
        near: list[tuple[float, int]] = []
        for dr in (-1, 0, 1):
            for dc in (-1, 0, 1):
                for town_lat, town_lon, index in self.cells.get(
                    (country, row + dr, column + dc), ()
                ):
                    km = _KM_PER_DEGREE * math.hypot(town_lat - lat, (town_lon - lon) * scale)
                    if km <= NEAREST_KM:
                        near.append((km, index))
        if not near:
            return None
        near = sorted(near)[:VOTERS]
        votes: dict[str, float] = defaultdict(float)
        for km, index in near:
            votes[self.rows[index][1]] += 1 / (km + 1)
        region = max(votes, key=lambda name: votes[name])
        return self._area(next(index for _km, index in near if self.rows[index][1] == region))

    def named(self, country: str, *texts: str) -> Area | None:
        towns = self._towns(country)
        for text in texts:
            key = _key(text)
            if key and towns.get(key, -1) >= 0:
                return self._area(towns[key])
        regions = self.regions.get(country, {})
        for text in texts:
            padded = f" {_key(text)} "
            for key, name in regions.items():
                if f" {key} " in padded:
                    return Area(country, name, "")
        return None


@cache
def _places() -> _Places:
    return _Places()


def area_of(
    country: str,
    lat: float | None = None,
    lon: float | None = None,
    place: str = "",
    address: str = "",
) -> Area:
    """The region and district of a site in `country` (ISO alpha-2): by the nearest town
    when there are coordinates, else by the town or region named in its place or
    address; an Area with an empty region when neither places it."""
    country = country.upper()
    places = _places()
    found = None
    if lat is not None and lon is not None:
        found = places.nearest(country, float(lat), float(lon))
    if found is None:
        found = places.named(country, place, *address.split(","), address)
    return found or Area(country, "", "")
