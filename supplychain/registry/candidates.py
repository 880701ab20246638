"""Finding the sites a reported facility might be (a read; the decision is
`supplychain.rules.matching`).

A run loads the search keys of the registry's sites in the countries it matches (one
streaming query: id, country, kind, the phonetic name and address keys, coordinates) and
indexes them in memory, by country and kind:

- by every word of the name's phonetic key, and by each of its one-letter deletions, so
  that a typo (a letter dropped, added, changed or swapped) still meets its site;
- by a grid of 0.05° cells (about 5 km), for the sites nearest to given coordinates;
- by the words of the address, for names that say little ("KS Granites", or none).

Measured on 100,000 sites (tests/perf/matching.py): the same search as one pg_trgm
query per facility took 23 ms a facility (GIN, `%` and `similarity`) or 7 ms (GiST
nearest-neighbour), 35–115 s for 5,000; this index takes seconds. The trigram index on
`Site.name_key` serves the secretariat's registry search instead."""

from __future__ import annotations

import heapq
import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz.fuzz import ratio

from ..models import Site

NAME_CANDIDATES = 10
SHORTLIST = 60  # by shared words; the best NAME_CANDIDATES of these by whole-name likeness
NEARBY_CANDIDATES = 8
ADDRESS_CANDIDATES = 5
CELL_DEGREES = 0.05
RARE = 3  # a word on fewer sites than this is looked up by its typo variants too
COMMON = 1000  # a word on more sites than this (within country and kind) finds nothing alone


@dataclass(frozen=True)
class Probe:
    """What the search needs of one reported facility (or a site created in the run)."""

    key: int
    country: str
    kind: str
    name_key: str
    address_key: str
    latitude: float | None
    longitude: float | None


_NOTHING: frozenset[str] = frozenset()


def _deletions(word: str) -> set[str]:
    if len(word) < 5:
        return {word}
    return {word} | {word[:i] + word[i + 1 :] for i in range(len(word))}


def _cell(latitude: float, longitude: float) -> tuple[int, int]:
    return math.floor(latitude / CELL_DEGREES), math.floor(longitude / CELL_DEGREES)


class SiteIndex:
    """The registry's sites of some countries, searchable by name, place and address."""

    def __init__(self) -> None:
        self.by_word: dict[tuple[str, str, str], list[int]] = defaultdict(list)
        self.by_variant: dict[tuple[str, str, str], list[int]] = defaultdict(list)
        self.by_cell: dict[tuple[str, str, int, int], list[tuple[int, float, float]]] = defaultdict(
            list
        )
        self.by_address_word: dict[tuple[str, str, str], list[int]] = defaultdict(list)
        self.name_keys: dict[int, str] = {}
        self.address_words: dict[int, frozenset[str]] = {}

    @classmethod
    def of_countries(cls, countries: Iterable[str]) -> SiteIndex:
        index = cls()
        rows = (
            Site.objects.filter(merged_into__isnull=True, country__in=sorted(set(countries)))
            .values_list(
                "pk", "country", "kind", "name_key", "address_key", "latitude", "longitude"
            )
            .iterator(chunk_size=20000)
        )
        for pk, country, kind, name_key, address_key, lat, lon in rows:
            index.add(
                Probe(
                    pk,
                    country,
                    kind,
                    name_key,
                    address_key,
                    float(lat) if lat is not None else None,
                    float(lon) if lon is not None else None,
                )
            )
        return index

    def add(self, site: Probe) -> None:
        place = (site.country, site.kind)
        self.name_keys[site.key] = site.name_key
        for word in set(site.name_key.split()):
            self.by_word[(*place, word)].append(site.key)
            for variant in _deletions(word):
                self.by_variant[(*place, variant)].append(site.key)
        self.address_words[site.key] = frozenset(site.address_key.split())
        for word in self.address_words[site.key]:
            self.by_address_word[(*place, word)].append(site.key)
        if site.latitude is not None and site.longitude is not None:
            row, col = _cell(site.latitude, site.longitude)
            self.by_cell[(*place, row, col)].append((site.key, site.latitude, site.longitude))

    def _by_words(
        self, table: dict[tuple[str, str, str], list[int]], place: tuple[str, str], words: set[str]
    ) -> dict[int, float]:
        weights: dict[int, float] = defaultdict(float)
        for word in words:
            hits = table.get((*place, word), ())
            if not hits or (len(hits) > COMMON and len(words) > 1):
                continue
            weight = 1.0 / math.log(2 + len(hits))  # rarer words count for more
            for pk in hits:
                weights[pk] += weight
        return weights

    def candidates(self, probe: Probe) -> set[int]:
        """The ids of the sites `probe` might be."""
        place = (probe.country, probe.kind)
        found: set[int] = set()
        words = set(probe.name_key.split())
        if words:
            exact = self._by_words(self.by_word, place, words)
            # Typos: the one-letter deletions of the words that found (almost) nothing.
            variants = {
                v
                for word in words
                if len(self.by_word.get((*place, word), ())) < RARE
                for v in _deletions(word)
            }
            for pk, weight in self._by_words(self.by_variant, place, variants).items():
                exact[pk] = exact.get(pk, 0.0) + 0.5 * weight
            if probe.address_key:  # among namesakes, those in the same place first
                town = frozenset(probe.address_key.split())
                for pk in exact:
                    shared = len(town & self.address_words.get(pk, _NOTHING))
                    if shared:
                        exact[pk] += 0.1 * shared
            shortlist = heapq.nlargest(SHORTLIST, exact, key=lambda pk: (exact[pk], -pk))
            found.update(
                heapq.nlargest(
                    NAME_CANDIDATES,
                    shortlist,
                    key=lambda pk: ratio(probe.name_key, self.name_keys[pk]) + 30 * exact[pk],
                )
            )
        if probe.latitude is not None and probe.longitude is not None:
            row, col = _cell(probe.latitude, probe.longitude)
            scale = math.cos(math.radians(probe.latitude))
            nearby = [
                ((lat - probe.latitude) ** 2 + ((lon - probe.longitude) * scale) ** 2, pk)
                for dr in (-1, 0, 1)
                for dc in (-1, 0, 1)
                for pk, lat, lon in self.by_cell.get((*place, row + dr, col + dc), ())
            ]
            found.update(pk for _, pk in heapq.nsmallest(NEARBY_CANDIDATES, nearby))
        if len(probe.name_key) < 4 and probe.address_key:
            by_address = self._by_words(self.by_address_word, place, set(probe.address_key.split()))
            found.update(
                heapq.nlargest(ADDRESS_CANDIDATES, by_address, key=lambda pk: by_address[pk])
            )
        return found
