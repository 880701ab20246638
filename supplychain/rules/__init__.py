"""Pure rules about facilities and chains. No database."""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal
from typing import Any


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


# --- Insight into the chain (DOMAIN §4.2) ---------------------------------------------

HUNDRED = Decimal("100")


def _get(chain: Any, name: str) -> Any:
    if isinstance(chain, Mapping):
        return chain.get(name)
    return getattr(chain, name)


def insight_percentages(chains: Iterable[Any]) -> tuple[Decimal, Decimal]:
    """(factory insight %, quarry insight %), 0–100 (DOMAIN §4.2).

    Weighted by purchase volume; by number of chains when no chain has a volume. A
    circular chain counts as known for both. Each chain is a mapping or an object with
    `volume` (Decimal or None), `factory_known`, `quarry_known` and `is_circular`.
    With volumes on some chains only, the chains without a volume weigh nothing."""
    rows = [
        (
            _get(chain, "volume"),
            bool(_get(chain, "factory_known")) or bool(_get(chain, "is_circular")),
            bool(_get(chain, "quarry_known")) or bool(_get(chain, "is_circular")),
        )
        for chain in chains
    ]
    if not rows:
        return Decimal("0"), Decimal("0")
    weighted = any(volume for volume, _factory, _quarry in rows)
    weights = [Decimal(volume or 0) if weighted else Decimal(1) for volume, _f, _q in rows]
    total = sum(weights, Decimal("0"))
    if total == 0:
        return Decimal("0"), Decimal("0")
    factory = sum(
        (w for w, (_v, known, _q) in zip(weights, rows, strict=True) if known), Decimal("0")
    )
    quarry = sum(
        (w for w, (_v, _f, known) in zip(weights, rows, strict=True) if known), Decimal("0")
    )
    return _percent(factory, total), _percent(quarry, total)


def _percent(part: Decimal, total: Decimal) -> Decimal:
    """Exact (no rounding here: thresholds are compared on the exact value)."""
    return part * HUNDRED / total


def display_percent(value: Decimal) -> Decimal:
    """For showing a percentage: one decimal, rounded down so that 59.96 never shows as
    the 60.0 it does not reach."""
    return value.quantize(Decimal("0.1"), rounding=ROUND_DOWN)


# --- Identity of a facility across uploads ------------------------------------------------

# Legal forms at the end of a name say nothing about which site it is.
LEGAL_FORMS = frozenset(
    {"bv", "nv", "pvt", "private", "ltd", "limited", "llc", "inc", "gmbh", "srl", "sa", "ltda"}
)
NOT_A_WORD = re.compile(r"[\W_]+")
# Coordinates identify a site when they are equal to 4 decimal places (about 11 m on the
# ground; 3 places, about 110 m, would merge neighbouring yards in an industrial estate).
COORDINATE_PLACES = 4


@functools.lru_cache(maxsize=65536)  # a list names the same factory in many chains
def normalised_text(text: str) -> str:
    """Text as identity compares it: accents, case, punctuation and spacing removed, so
    "Rajasthan Stone-Works Pvt. Ltd." and "rajasthan stoneworks" compare equal."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    if not decomposed.isascii():
        decomposed = "".join(c for c in decomposed if not unicodedata.combining(c))
    words = [word for word in NOT_A_WORD.split(decomposed) if word]
    stripped = True
    while stripped:  # "Pvt. Ltd.", "B.V." (written as single letters too)
        stripped = False
        for size in (1, 2, 3):
            if len(words) > size and "".join(words[-size:]) in LEGAL_FORMS:
                del words[-size:]
                stripped = True
                break
    return "".join(words)


@dataclass(frozen=True)
class FacilityIdentity:
    """The keys under which a facility is the same one in a later upload: its kind with
    its normalised name, place and country; and, when it has coordinates, its kind with
    its coordinates rounded to COORDINATE_PLACES decimals. Either key matching is enough."""

    by_name: tuple[str, str, str, str]
    by_coordinates: tuple[str, Decimal, Decimal] | None


def facility_identity(
    *,
    kind: str,
    name: str,
    place: str,
    country: str,
    latitude: Decimal | None,
    longitude: Decimal | None,
) -> FacilityIdentity:
    """The identity keys of a facility (see FacilityIdentity)."""
    coordinates = None
    if latitude is not None and longitude is not None:
        step = Decimal(1).scaleb(-COORDINATE_PLACES)
        coordinates = (
            kind,
            Decimal(latitude).quantize(step, rounding=ROUND_HALF_UP),
            Decimal(longitude).quantize(step, rounding=ROUND_HALF_UP),
        )
    return FacilityIdentity(
        by_name=(kind, normalised_text(name), normalised_text(place), country.upper()),
        by_coordinates=coordinates,
    )


def chain_identity(
    *,
    product: str,
    factory: int | None,
    quarry: int | None,
    extraction_country: str,
    processing_country: str,
) -> tuple[str, int | None, int | None, str, str]:
    """A chain is the same one in a later upload when its product (normalised), factory,
    quarry and countries of extraction and processing are the same."""
    return (
        normalised_text(product),
        factory,
        quarry,
        extraction_country.upper(),
        processing_country.upper(),
    )


# --- Place -----------------------------------------------------------------------------

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


# The registry's rules, in their own modules; imported here so that callers name one place.
from .disclosure import is_disclosable  # noqa: E402
from .matching import match_score, same_facility  # noqa: E402

__all__ = [
    "HUNDRED",
    "chain_identity",
    "coordinates_problem",
    "country_mismatch",
    "display_percent",
    "facility_identity",
    "facility_is_identified",
    "insight_percentages",
    "is_disclosable",
    "join_address",
    "match_score",
    "normalised_text",
    "same_facility",
]
