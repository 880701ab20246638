"""The public plan of action without its suppliers (DOMAIN §5, Art. 5.12 and 6.6; pure).

The plan is published "without a link between a supplier and the company". What the
company wrote is searched for its suppliers' names, addresses and places, read the way
the registry's matcher reads names (`supplychain.rules.names`: any script, any case and
punctuation, legal forms such as *Pvt. Ltd.* optional, singular, by sound), and each
mention is replaced by a placeholder the caller translates. A mention is whole words: a
name inside a longer word is left alone. Generic words alone (a facility called
"Granite", or "Stone Exports") are a mention only where written as a name. The company's
own name stays. In doubt, the text loses a word rather than keep a supplier.

    redaction = redaction_for(names=[...], addresses=[...], places=[...], own_names=[...])
    redact(text, redaction, placeholders={SUPPLIER: "[supplier]", PLACE: "[place]"})
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from anyascii import anyascii

from supplychain.rules import names as name_reading

SUPPLIER, PLACE = "supplier", "place"

#: The shortest distinctive part of a name that is looked for on its own.
SHORTEST_PART = 4

# Legal forms that are everyday words too: part of a mention only when capitalised.
_LEGAL_WORDS_TOO = frozenset(
    {"a", "ag", "as", "co", "company", "corporation", "e", "incorporated", "l", "limited"}
    | {"me", "pt", "s", "sa", "spa"}
)
# What the matcher reads "&" as, and its Dutch: passed over inside a name.
_CONJUNCTIONS = frozenset({"and", "en"})
_TOKEN = re.compile(r"[^\W_]+")
_CAMEL_CASE = re.compile(r"(?<=[a-z])(?=[A-Z])")
_NOT_ALNUM = re.compile(r"[^a-z0-9]+")


@dataclass(frozen=True)
class _Pattern:
    kind: str
    raw: str  # the words run together: "K.S. Granites" and "KS Granites" read alike
    sound: str  # the words' sounds run together
    words: frozenset[str] = frozenset()  # the sounds of the whole name: a mention grows over them
    needs_capital: bool = False  # only where written as a name (first letter upper case)
    generic_only: bool = False  # only capitalised (two words or more) or with a legal form


@dataclass(frozen=True)
class _Word:
    raw: str
    sound: str
    start: int  # the span of the word's token in the text
    end: int
    is_capitalised: bool


#: Patterns are found by the first eight letters of what they read.
_KEY = 8


def _index(patterns: Iterable[_Pattern]) -> dict[str, list[_Pattern]]:
    """Patterns by the first eight letters of their words and of their sounds run
    together (by all of them when shorter)."""
    index: dict[str, list[_Pattern]] = {}
    for pattern in sorted(set(patterns), key=lambda p: (p.raw, p.kind)):
        for key in dict.fromkeys((pattern.raw[:_KEY], pattern.sound[:_KEY])):
            index.setdefault(key, []).append(pattern)
    return index


@dataclass(frozen=True)
class Redaction:
    """What `redact` looks for (made by `redaction_for`)."""

    suppliers: dict[str, list[_Pattern]]
    own: dict[str, list[_Pattern]]


def _word_list(text: str) -> list[str]:
    return [w for w in name_reading.name_words(text) if w not in _CONJUNCTIONS]


def _without_legal_forms(name: str) -> list[str]:
    return name_reading.without_legal_forms(_word_list(name))


def _pattern(kind: str, text_words: Iterable[str], **flags: Any) -> _Pattern | None:
    written = list(text_words)
    raw = "".join(written)
    if not raw:
        return None
    return _Pattern(kind, raw, "".join(name_reading.word_sound(w) for w in written), **flags)


def _name_patterns(name: str) -> list[_Pattern]:
    """A name is looked for whole (legal forms optional; capitalised when it is short), as
    its distinctive words with their honorific ("Shree Ganesh"), and as its distinctive
    words alone when these are capitalised ("Ganesh")."""
    words = _without_legal_forms(name)
    read = name_reading.read_name(name)
    sounds = frozenset(name_reading.word_sound(w) for w in words)
    if not read.distinctive:
        return [p for p in [_pattern(SUPPLIER, words, words=sounds, generic_only=True)] if p]
    # A short name ("Om", "KS") is a word of its own language too: only as a name.
    found = [
        _pattern(SUPPLIER, words, words=sounds, needs_capital=len("".join(words)) < SHORTEST_PART)
    ]
    if read.spoken != read.distinctive and len("".join(read.spoken)) >= SHORTEST_PART:
        found.append(_pattern(SUPPLIER, read.spoken, words=sounds))
    if len(read.core) >= SHORTEST_PART:
        found.append(_pattern(SUPPLIER, read.distinctive, words=sounds, needs_capital=True))
    return [p for p in found if p]


def _place_patterns(address: str) -> list[_Pattern]:
    """An address or place is looked for whole; of an address also each part between
    commas with a number and a name ("Mahaveer Marg 12"). Generic ones ("Industrial
    Area", "Plot 45") and places of fewer than three letters are not looked for."""
    found = []
    if len("".join(_word_list(address))) >= 3 and name_reading.read_address(address).words:
        found.append(_pattern(PLACE, _word_list(address)))
    parts = address.split(",")
    for part in parts if len(parts) > 1 else []:
        if any(c.isdigit() for c in part) and name_reading.read_address(part).words:
            found.append(_pattern(PLACE, _word_list(part)))
    return [p for p in found if p]


def redaction_for(
    *,
    names: Iterable[str] = (),
    addresses: Iterable[str] = (),
    places: Iterable[str] = (),
    own_names: Iterable[str] = (),
) -> Redaction:
    """What to remove from a company's texts: its suppliers' names (of its facilities
    and of the registry's sites they are), addresses and places. The company's own
    names stay, also where they contain a supplier's name."""
    own = [p for n in own_names if (p := _pattern(SUPPLIER, _without_legal_forms(n)))]
    own_keys = {p.raw for p in own} | {p.sound for p in own}
    suppliers = [
        p for n in names for p in _name_patterns(n) if own_keys.isdisjoint((p.raw, p.sound))
    ]
    suppliers += [p for text in (*addresses, *places) for p in _place_patterns(text)]
    return Redaction(_index(suppliers), _index(own))


def _text_words(text: str) -> list[_Word]:
    words = []
    for token in _TOKEN.finditer(text):
        value = token.group()
        if value.isascii():
            parts = [value.lower()]
        else:  # transliterated: "厦门" gives "XiaMen", two words in one token
            parts = _NOT_ALNUM.split(_CAMEL_CASE.sub(" ", anyascii(value)).lower())
        capitalised = not value[0].islower()
        for part in filter(None, parts):
            sound = name_reading.word_sound(part)
            words.append(_Word(part, sound, token.start(), token.end(), capitalised))
    return words


def _legal_forms(words: list[_Word]) -> list[int]:
    """Per word, the length of the legal form that starts there (0 for none)."""
    raws = [w.raw for w in words]
    sizes = []
    for start in range(len(words)):
        size = name_reading.legal_form_length(raws, start)
        phrase = words[start : start + size]
        written_as_one = phrase and (
            {w.raw for w in phrase} - _LEGAL_WORDS_TOO or phrase[0].is_capitalised
        )
        sizes.append(size if written_as_one else 0)
    return sizes


def _legal_form_before(legal: list[int], end: int) -> int:
    for size in range(min(end, 6), 0, -1):
        if legal[end - size] == size:
            return size
    return 0


def _passed_over(words: list[_Word], legal: list[int], index: int) -> bool:
    """Inside a name: "and" and legal forms are passed over ("Laxmi & Co. Stone")."""
    return words[index].raw in _CONJUNCTIONS or legal[index] > 0


def _candidates(
    words: list[_Word], legal: list[int], start: int, index: dict[str, list[_Pattern]]
) -> list[_Pattern]:
    """The patterns whose first letters the words from `start` spell."""
    found: dict[int, _Pattern] = {}
    for attribute, passing_over in itertools.product(("raw", "sound"), (True, False)):
        key, position = "", start
        while len(key) < _KEY and position < len(words):
            if position == start or not (passing_over and _passed_over(words, legal, position)):
                key += getattr(words[position], attribute)
            position += 1
        for size in range(1, min(len(key), _KEY) + 1):
            found.update((id(p), p) for p in index.get(key[:size], ()))
    return list(found.values())


def _end_of_match(
    words: list[_Word], legal: list[int], start: int, pattern: _Pattern
) -> int | None:
    """Where a mention of `pattern` from word `start` ends: the words run together make
    the pattern (as written, or by sound); a legal form or "and" inside is passed over."""
    for attribute in ("raw", "sound"):
        target: str = getattr(pattern, attribute)
        position, index = 0, start
        while position < len(target) and index < len(words):
            value: str = getattr(words[index], attribute)
            if target.startswith(value, position):
                position += len(value)
            elif index == start or not _passed_over(words, legal, index):
                break
            index += 1
        if position == len(target):
            return index
    return None


def _grown(
    words: list[_Word], legal: list[int], start: int, end: int, pattern: _Pattern
) -> tuple[int, int, bool]:
    """A supplier's mention grown over the rest of its name and its legal form; whether
    it has a legal form."""
    has_legal_form = False
    while True:
        if start and words[start - 1].sound in pattern.words:
            start -= 1
        elif before := _legal_form_before(legal, start):
            start, has_legal_form = start - before, True
        elif end < len(words) and words[end].sound in pattern.words:
            end += 1
        elif end < len(words) and (after := legal[end]):
            end, has_legal_form = end + after, True
        else:
            return start, end, has_legal_form


def _found(
    words: list[_Word], legal: list[int], index: dict[str, list[_Pattern]]
) -> list[tuple[int, int, str]]:
    """(first word, end word, kind) of every mention."""
    found = []
    for start, word in enumerate(words):
        for pattern in _candidates(words, legal, start, index):
            end = _end_of_match(words, legal, start, pattern)
            if end is None or (pattern.needs_capital and not word.is_capitalised):
                continue
            first, last, has_legal_form = start, end, False
            if pattern.kind == SUPPLIER:
                first, last, has_legal_form = _grown(words, legal, start, end, pattern)
            if pattern.generic_only and not has_legal_form:
                mention = words[first:last]
                if len(mention) < 2 or not all(w.is_capitalised for w in mention):
                    continue
            found.append((first, last, pattern.kind))
    return found


def mentions(text: str, redaction: Redaction) -> list[tuple[int, int, str]]:
    """The (start, end, kind) character spans of the suppliers that `text` mentions, in
    order, overlapping ones merged (a supplier's name over a place). A mention inside
    the company's own name is not one."""
    words = _text_words(text)
    if not words or not redaction.suppliers:
        return []
    legal = _legal_forms(words)
    own = [(words[s].start, words[e - 1].end) for s, e, _k in _found(words, legal, redaction.own)]
    spans = sorted(
        (words[s].start, words[e - 1].end, kind)
        for s, e, kind in _found(words, legal, redaction.suppliers)
    )
    merged: list[tuple[int, int, str]] = []
    for start, end, kind in spans:
        if any(o_start <= start and end <= o_end for o_start, o_end in own):
            continue
        end += _abbreviation_point(text, end)
        if merged and start < merged[-1][1]:
            previous = merged[-1]
            kind = SUPPLIER if SUPPLIER in (kind, previous[2]) else kind
            merged[-1] = (previous[0], max(end, previous[1]), kind)
        else:
            merged.append((start, end, kind))
    return merged


def _abbreviation_point(text: str, end: int) -> int:
    """1 when a mention ends in an abbreviated legal form whose point does not also end
    the sentence ("Pvt. Ltd. in Kota", "Co., Ltd."), else 0."""
    word = anyascii(_TOKEN.findall(text[:end])[-1]).lower()
    if text[end : end + 1] != "." or not name_reading.legal_form_length([word], 0):
        return 0
    rest = text[end + 1 :].lstrip()
    return 1 if rest and (rest[0].islower() or rest[0] in ",;:)") else 0


def redact(text: str, redaction: Redaction, *, placeholders: Mapping[str, str]) -> str:
    """`text` with each mention of a supplier replaced by the placeholder of its kind,
    `placeholders[SUPPLIER]` or `placeholders[PLACE]` (translated by the caller)."""
    out, position = [], 0
    for start, end, kind in mentions(text, redaction):
        out += [text[position:start], placeholders[kind]]
        position = end
    out.append(text[position:])
    return "".join(out)
