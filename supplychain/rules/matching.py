"""Whether two reported production sites are the same one (pure).

The registry's matcher asks this of every candidate pair it finds. The answer weighs
three kinds of evidence, as a secretariat officer would:

- the **name**, read by `names.read_name`: distinctive words compared by sound and with
  room for a typo, generic words ("Granites", "Exports", "Pvt Ltd") left out, and words
  that are really place names (they appear in the address) counted for less, because
  every "Jaipur Granites" of Jaipur shares them;
- the **address**: place and street words, plot numbers and postcodes. Two different
  plot numbers in the same industrial estate are two factories;
- the **coordinates**: a reported point may be off by a couple of kilometres, so
  closeness supports a name but never replaces one (quarries in one cluster lie within a
  kilometre of each other), and distance beyond what an error explains rules a pair out.

Open Supply Hub's matcher learns a weighting of name and address from labelled pairs
(the dedupe library) and ignores coordinates; here the weighting is written down, can
be read and argued with, and uses coordinates, which is what quarries mostly have.

`match_score` gives a number for ranking candidates; at `SAME` or above a pair is the
same site and is linked without asking, from `REVIEW` to `SAME` a person decides.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from rapidfuzz.distance import OSA, Levenshtein
from rapidfuzz.fuzz import ratio

from .names import ReadAddress, ReadName, phonetic_key, read_address, read_name

SAME = 0.85  # at or above: the same site, linked automatically
REVIEW = 0.6  # from here up to SAME: a person decides

WORD_MATCH = 0.88  # two words at least this alike (see word_similarity) agree
TYPO_OR_OTHER = 0.75  # one letter changed in a short word: a typo, or another name
CONTAINED = 0.8  # the name score when one name's distinctive words are all in the other
PLACE_WEIGHT = 0.35  # a name word that also names the place (it is in an address)
KM_SAME_POINT = 0.5  # within this, two points are one yard
KM_NEAR = 4.5  # two reports of one site, each up to ~2 km off
KM_FAR = 15.0  # beyond this, a name alone no longer carries the match
KM_IMPOSSIBLE = 50.0  # beyond this, never the same site


def distance_km(a_lat: float, a_lon: float, b_lat: float, b_lon: float) -> float:
    """Great-circle distance in kilometres (haversine)."""
    phi1, phi2 = math.radians(a_lat), math.radians(b_lat)
    dphi = phi2 - phi1
    dlambda = math.radians(b_lon - a_lon)
    h = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlambda / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def word_similarity(a: str, b: str) -> float:
    """How alike two words are, 0–1. Equal sounds count as equal. Otherwise a typo is
    forgiven (a letter dropped, doubled or swapped with its neighbour), but a different
    letter in a short word is a different name: Rajesh is not Ramesh, Shiv not Shivam.
    Long words (8 letters and more) may differ by two edits."""
    if a == b:
        return 1.0
    key_a, key_b = phonetic_key(a), phonetic_key(b)
    if key_a == key_b:
        return 0.98
    shorter = min(len(key_a), len(key_b))
    if shorter < 4 or abs(len(key_a) - len(key_b)) > 2:
        return 0.0
    edits = Levenshtein.distance(key_a, key_b)
    if shorter >= 8 and edits <= 2:
        return 0.88
    if edits == 1 and (len(key_a) != len(key_b) or shorter >= 7):
        return 0.9  # a letter dropped or added; a changed letter in a long word
    if edits == 2 and OSA.distance(key_a, key_b) == 1:
        return 0.9  # two neighbours swapped
    if edits == 1 and shorter >= 5:
        return TYPO_OR_OTHER  # Yildiz/Yilriz, Rajesh/Ramesh: the address must tell
    return 0.0


def _weighted_overlap(
    a: tuple[str, ...], b: tuple[str, ...], weights_a: list[float], weights_b: list[float]
) -> tuple[float, list[tuple[int, int]]]:
    """Weighted share of words that agree, pairing each word at most once (best first)."""
    pairs = sorted(
        (
            (similarity, i, j)
            for i, word_a in enumerate(a)
            for j, word_b in enumerate(b)
            if (similarity := word_similarity(word_a, word_b)) >= TYPO_OR_OTHER
        ),
        reverse=True,
    )
    used_a: set[int] = set()
    used_b: set[int] = set()
    agreed = 0.0
    matched: list[tuple[int, int]] = []
    for similarity, i, j in pairs:
        if i in used_a or j in used_b:
            continue
        used_a.add(i)
        used_b.add(j)
        matched.append((i, j))
        agreed += similarity * (weights_a[i] + weights_b[j])
    total = sum(weights_a) + sum(weights_b)
    return (agreed / total if total else 0.0), matched


@dataclass(frozen=True)
class NameEvidence:
    score: float  # 0–1
    place_only: bool  # only words that also name the place agree
    short: bool  # what agrees is short (initials like "KS", "ABC")
    conflict: bool  # different unit numbers, or different stone types


def name_evidence(a: ReadName, b: ReadName, place_keys: frozenset[str]) -> NameEvidence:
    """Compare two names (see the module docstring)."""
    words_a, words_b = a.distinctive, b.distinctive
    generic_only = not words_a or not words_b
    if generic_only:  # "Granite Exports Pvt Ltd": compare what there is, weakly
        words_a = words_a or a.generic
        words_b = words_b or b.generic
    weights_a = [PLACE_WEIGHT if phonetic_key(w) in place_keys else 1.0 for w in words_a]
    weights_b = [PLACE_WEIGHT if phonetic_key(w) in place_keys else 1.0 for w in words_b]
    score, matched = _weighted_overlap(words_a, words_b, weights_a, weights_b)
    joined_won = False
    # A name split or run together ("shri ram"/"shriram", "xia men wan li"/"xiamen wanli"):
    # compared as one string, when the two names have a different number of words.
    for run_a, run_b in ((words_a, words_b), (a.spoken, b.spoken)):
        if len(run_a) == len(run_b):
            continue
        core_a = "".join(phonetic_key(w) for w in run_a)
        core_b = "".join(phonetic_key(w) for w in run_b)
        if min(len(core_a), len(core_b)) >= 6:
            joined = ratio(core_a, core_b) / 100
            if joined > score:
                score, joined_won = joined, True
    if not joined_won and matched:
        # One name inside the other ("Solancis" and "Solancis Sociedade Exploradora"):
        # a medium match, which the address or the coordinates must support.
        agreed = sum(weights_a[i] for i, _ in matched)
        smaller = min(sum(weights_a), sum(weights_b))
        if smaller and agreed / smaller >= 0.99:
            score = max(score, CONTAINED)
    if joined_won:  # the words ran together: place-only when one side has nothing else
        place_only = all(w < 1.0 for w in weights_a) or all(w < 1.0 for w in weights_b)
    else:
        place_only = all(weights_a[i] < 1.0 for i, _ in matched) if matched else True
    agreeing = "".join(words_a) if joined_won else "".join(words_a[i] for i, _ in matched)
    conflict = bool(
        (a.numbers and b.numbers and not a.numbers & b.numbers)
        or (a.stone_types and b.stone_types and not a.stone_types & b.stone_types)
    )
    if generic_only:
        score *= 0.8
    return NameEvidence(
        score=score,
        place_only=place_only,
        short=len(agreeing) < 3,
        conflict=conflict,
    )


@dataclass(frozen=True)
class AddressEvidence:
    score: float  # 0–1, share of place and street words that agree
    plot_conflict: bool  # both give plot numbers, none in common
    plot_shared: bool
    postcode_conflict: bool
    postcode_shared: bool


def address_evidence(a: ReadAddress, b: ReadAddress) -> AddressEvidence:
    """Compare two addresses (see the module docstring)."""
    score, _ = _weighted_overlap(a.words, b.words, [1.0] * len(a.words), [1.0] * len(b.words))
    return AddressEvidence(
        score=score,
        plot_conflict=bool(a.plots and b.plots and not a.plots & b.plots),
        plot_shared=bool(a.plots & b.plots),
        postcode_conflict=bool(a.postcodes and b.postcodes and not a.postcodes & b.postcodes),
        postcode_shared=bool(a.postcodes & b.postcodes),
    )


def _text(site: Mapping[str, Any], key: str) -> str:
    return str(site.get(key) or "").strip()


def _point(site: Mapping[str, Any]) -> tuple[float, float] | None:
    lat, lon = site.get("lat"), site.get("lon")
    if lat is None or lon is None or lat == "" or lon == "":
        return None
    return float(lat), float(lon)


def match_score(a: Mapping[str, Any], b: Mapping[str, Any]) -> float:
    """How surely `a` and `b` are the same production site, 0–1 (see SAME and REVIEW).

    Each is a mapping with `name`, `address` (either may be empty), `country` (ISO 3166
    alpha-2, any case) and optional `lat`/`lon`."""
    country_a, country_b = _text(a, "country").upper(), _text(b, "country").upper()
    if country_a and country_b and country_a != country_b:
        return 0.0
    point_a, point_b = _point(a), _point(b)
    km = distance_km(*point_a, *point_b) if point_a and point_b else None
    if km is not None and km > KM_IMPOSSIBLE:
        return 0.0

    address_a, address_b = _text(a, "address"), _text(b, "address")
    read_a, read_b = read_address(address_a), read_address(address_b)
    has_addresses = bool(read_a.words or read_a.plots) and bool(read_b.words or read_b.plots)
    where = address_evidence(read_a, read_b) if has_addresses else None
    near = km is not None and km <= KM_NEAR
    same_point = km is not None and km <= KM_SAME_POINT
    apart = km is not None and km > KM_NEAR  # too far for one site's two reports
    far = km is not None and km > KM_FAR
    both_worded = where is not None and bool(read_a.words) and bool(read_b.words)
    address_agrees = (
        where is not None
        and both_worded
        and where.score >= 0.5
        and not where.plot_conflict
        and not where.postcode_conflict
    )
    address_pins = (
        where is not None
        and (
            (where.plot_shared and (where.score >= 0.6 or not both_worded))
            or (where.postcode_shared and where.score >= 0.5)
        )
        and not where.postcode_conflict
    )
    address_disagrees = where is not None and (
        where.plot_conflict
        or where.postcode_conflict
        or (both_worded and where.score < 0.2 and not where.postcode_shared)
    )

    name_a, name_b = _text(a, "name"), _text(b, "name")
    if not name_a or not name_b:  # decided by where it is
        if same_point and not (where and where.plot_conflict):
            return 0.88 if (where is None or where.score >= 0.3) else 0.7
        if address_pins and where is not None and where.score >= 0.8 and (km is None or near):
            return 0.86
        return 0.65 if near or address_agrees else 0.2

    places = frozenset(phonetic_key(w) for w in read_a.words + read_b.words)
    name = name_evidence(read_name(name_a), read_name(name_b), places)
    support = near or address_agrees or address_pins
    strong_support = same_point or address_pins or (near and address_agrees)

    if name.score >= WORD_MATCH:
        if name.conflict or far:
            return 0.62 if strong_support and not far else 0.3
        if address_disagrees and not same_point:
            return 0.62
        if apart:  # a name alone does not bridge 5 to 15 km
            return 0.86 if address_pins else 0.62
        if name.place_only or name.short:  # "Phu Yen Granite", "KS Granites"
            if strong_support:
                return 0.87
            if name.score >= 0.97 and both_worded and where is not None and where.score >= 0.8:
                return 0.86  # the same words in name and address: nothing tells them apart
            return 0.7
        # From 0.88 (names agree, nothing else to go on) to 1.0 (identical names, the
        # address or the coordinates agree): the best of several candidates stands out.
        return 0.8 + 0.1 * (1.0 if support else 0.4) + 0.1 * (min(name.score, 1.0) - 0.88) / 0.12
    if name.score >= TYPO_OR_OTHER - 0.05:
        if name.conflict or apart or address_disagrees:
            return 0.35
        if strong_support and not name.place_only:
            return 0.86
        return 0.7 if support else 0.45
    if name.score >= 0.5 and strong_support and not name.conflict and not address_disagrees:
        return 0.65
    return 0.1 * name.score


def contradicts(a: Mapping[str, Any], b: Mapping[str, Any]) -> bool:
    """True when something rules out that `a` and `b` are one site, whatever their names:
    another country, more than KM_FAR apart, other plot numbers or postcodes, other unit
    numbers or stone types. The matcher asks it of the reports already linked to a site,
    so that a site known only as "Ganesh Stone, Kota" does not gather plot A-45 and A-46."""
    country_a, country_b = _text(a, "country").upper(), _text(b, "country").upper()
    if country_a and country_b and country_a != country_b:
        return True
    point_a, point_b = _point(a), _point(b)
    if point_a and point_b and distance_km(*point_a, *point_b) > KM_FAR:
        return True
    where = address_evidence(read_address(_text(a, "address")), read_address(_text(b, "address")))
    if where.plot_conflict or where.postcode_conflict:
        return True
    name_a, name_b = read_name(_text(a, "name")), read_name(_text(b, "name"))
    return bool(
        (name_a.numbers and name_b.numbers and not name_a.numbers & name_b.numbers)
        or (
            name_a.stone_types
            and name_b.stone_types
            and not name_a.stone_types & name_b.stone_types
        )
    )


def same_facility(a: Mapping[str, Any], b: Mapping[str, Any]) -> bool:
    """True when `a` and `b` are the same production site (a score of at least SAME)."""
    return match_score(a, b) >= SAME
