"""How the matcher reads a site's name and address (pure).

A name is folded to ASCII words (any script, via anyascii), legal forms are dropped, and
every word gets a role: *distinctive* (it tells this site from its neighbours), *generic*
(stone types, "exports", "industries", honorifics: shared by thousands of companies) or a
*number*. Each word also gets a phonetic key, so that the spellings one name gets from
different importers ("Shree"/"Sri", "Lakshmi"/"Laxmi", "Ganesh"/"Ganesha", "Xiamen"/
"Xia Men", "Muğla"/"Mugla") compare equal. Addresses are read the same way, with their
own generic words ("road", "village", "rua", "mahallesi", "khu công nghiệp") and with
plot numbers apart from postcodes."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from anyascii import anyascii
from rapidfuzz.distance import OSA
from rapidfuzz.process import extractOne

# A capital inside a word starts a new syllable: anyascii writes 厦门 as "XiaMen".
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
_NOT_ALNUM = re.compile(r"[^a-z0-9]+")
_MESSRS = re.compile(r"\bm\s*/\s*s\b\.?")  # "M/s Laxmi Stone", Messrs


def _listed(text: str) -> list[str]:
    return text.split(",")


def _wordset(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Legal forms, written as their words, separated by commas. Dropped wherever they stand:
# English, India, Malaysia, Indonesia; Europe, Brazil, Portugal; Turkey (A.Ş., Ltd. Şti.,
# San. ve Tic.); Vietnam (Công ty TNHH, cổ phần); China in pinyin (股份有限公司 …).
_LEGAL_PHRASES: tuple[tuple[str, ...], ...] = tuple(
    tuple(phrase.split())
    for phrase in _listed("""
    private limited, pvt ltd, pvt, ltd, limited, llp, llc, inc, incorporated, plc, corp,
    corporation, co, company, sdn bhd, sdn, bhd, pte, pt, tbk, opc, gmbh, bv, nv, sa,
    sas, sarl, srl, spa, ag, kg, ltda, lda, eireli, epp, me, unipessoal, s a, s l, as, a
    s, sti, san ve tic, sanayi ve ticaret, ith ihr, cong ty, tnhh, mtv, co phan, cp,
    jsc, jsco, gu fen you xian gong si, you xian ze ren gong si, you xian gong si, gong
    si, gufen, youxian, gongsi, youxiangongsi
    """)
)
_LONGEST_LEGAL = max(len(phrase) for phrase in _LEGAL_PHRASES)
_LEGAL = frozenset(_LEGAL_PHRASES)

# Stone types, in the languages of the producing countries: a clash between two names
# (a "Granites" and a "Marbles" of the same family) is evidence of two companies.
STONE_TYPES: dict[str, str] = {
    **dict.fromkeys(("granite", "granito", "granit", "graniti", "grenait"), "granite"),
    **dict.fromkeys(("marble", "marmore", "marmol", "marmo", "mermer", "marbre"), "marble"),
    **dict.fromkeys(("sandstone", "arenito"), "sandstone"),
    **dict.fromkeys(("slate", "ardosia", "arduvaz"), "slate"),
    **dict.fromkeys(("limestone", "calcario", "kalker", "kirectasi"), "limestone"),
    **dict.fromkeys(("quartzite", "quartzito", "kuvarsit"), "quartzite"),
    **dict.fromkeys(("basalt", "basalto", "bazalt"), "basalt"),
    **dict.fromkeys(("travertine", "travertino", "traverten"), "travertine"),
    **dict.fromkeys(("onyx", "oniks"), "onyx"),
}

# Words that thousands of unrelated companies share.
GENERIC_NAME_WORDS = _wordset(
    """
    a agencies agency and associates beneficiamento bros brothers cobbles comercial
    comercio crusher crushers da das de do dos dung dv e empresa enterprise enterprises
    exim exploracao exploradora export exportacao exporter exporters exports extracao
    extractiva factory for global group holding holdings ihracat impex import importacao
    importer imports ind industria industrial industrias industries industry insaat
    international intl jituan khai khau kuangye lieu m maden madencilik manufacturer
    manufacturers manufacturing mine mineracao mineracoes mineradora mineral minerals
    mines mining monument monuments ms natural new nhap of overseas paving pedra pedras
    pedreira pedreiras piedra processing product products quarries quarry rock rocks s
    san sanayi services setts shi shicai shiri shree shri slabs sociedade solutions sons
    sree sri stone sx tas taslari thac the ticaret tile tiles tm trade trader traders
    trading transformacao transformadora udyog unit vat ve works worldwide xay xnk xuat
    y
    """
) | frozenset(STONE_TYPES)

_LONG_GENERIC = sorted(w for w in GENERIC_NAME_WORDS if len(w) >= 5)

# Followed by a number, these name a road ("BR-101", "NH 48", "SH-12", "D-650").
ROAD_PREFIXES = frozenset({"br", "nh", "sh", "sp", "rj", "mg", "es", "ba", "d", "e", "g", "s"})

HONORIFICS = frozenset({"sri", "shri", "shree", "sree", "shiri"})

# Address words that say what kind of place it is, not which one.
GENERIC_ADDRESS_WORDS = _wordset(
    """
    and ap apiic area complex park av avenida bairro behind block bolgesi br brasil brazil building
    cad caddesi cd cep china city concelho cong county cross cun da dao das de dist
    district distrito distt do dos duong e es est estate estrada fazenda floor freguesia
    gidc gongye hao highway huyen hwy ilce ind india industrial jie kaifa kat kcn khasra
    khu kiadb km koy koyu lane loja lote lt lu lugar mah mahallesi main mandal marg
    mevki mevkii mg mh midc municipio nam near nghiep nh no nos nr number of opp
    opposite organize osb phase pho phuong pin pincode plot po portugal post pr prc
    province ps qd qu quadra quan r rd region republic riico road rod rodovia room rua
    rural sala sanayi sector sh sheng sidco sipcot sitio sk sn so sok sokak st state
    street survey sy taluk taluka teh tehsil thanh the thi thon tinh to town tp tq tran
    turkey turkiye unit ve via viet vietnam vill village vpo xa xian xiang yuanqu zhen
    zona zone
    """
)


@functools.lru_cache(maxsize=131072)
def phonetic_key(word: str) -> str:
    """A word's sound, roughly: the spellings transliteration gives one name compare
    equal ("shree"/"sri", "lakshmi"/"laxmi", "ganesha"/"ganesh", "xiamen"/"xiamen")."""
    if word.isdigit():
        return word
    key = word
    for written, sound in (
        ("ee", "i"),
        ("oo", "u"),
        ("ou", "u"),
        ("aa", "a"),
        ("ph", "f"),
        ("x", "ks"),
        ("ck", "k"),
        ("q", "k"),
        ("c", "k"),
        ("w", "v"),
        ("y", "i"),
        ("z", "s"),
    ):
        key = key.replace(written, sound)
    key = re.sub(r"([bdgjkpst])h", r"\1", key)  # bh, dh, gh, jh, kh, ph, sh, th → b, d …
    key = re.sub(r"(.)\1+", r"\1", key)  # doubled letters
    if len(key) > 4 and key[-1] in "ae":  # Ganesha/Ganesh, Krishna/Krishn
        key = key[:-1]
    return key


def _words(text: str) -> list[str]:
    """ASCII words of any text: transliterated, syllables of CJK split, lower case, and
    runs of single letters joined ("K. S. Granites" → "ks granites")."""
    ascii_text = _CAMEL.sub(" ", anyascii(text)).lower().replace("&", " and ")
    ascii_text = _MESSRS.sub(" ", ascii_text)
    out: list[str] = []
    initials = ""
    for word in _NOT_ALNUM.split(ascii_text):
        if len(word) == 1 and word.isalpha():
            initials += word
            continue
        if initials:
            out.append(initials)
            initials = ""
        if word:
            out.append(word)
    if initials:
        out.append(initials)
    return out


def _split_digits(words: list[str]) -> list[str]:
    """Plot "A-45" and "a45" read alike; "km12" gives "km" and "12"."""
    out: list[str] = []
    for word in words:
        if word.isalnum() and not word.isdigit() and not word.isalpha() and len(word) > 1:
            out.extend(part for part in re.split(r"(\d+)", word) if part)
        else:
            out.append(word)
    return out


def _without_legal_forms(words: list[str]) -> list[str]:
    out: list[str] = []
    i = 0
    while i < len(words):
        for size in range(min(_LONGEST_LEGAL, len(words) - i), 0, -1):
            if tuple(words[i : i + size]) in _LEGAL:
                i += size
                break
        else:
            out.append(words[i])
            i += 1
    return out


def _singular(word: str) -> str:
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


_ROMAN = {"ii": "2", "iii": "3", "iv": "4", "vi": "6", "vii": "7", "viii": "8", "ix": "9"}


@functools.lru_cache(maxsize=65536)
def is_generic(word: str) -> bool:
    """A generic word, or a typo of one of 5 letters or more ("Graintes", "Stoen")."""
    if word in GENERIC_NAME_WORDS:
        return True
    if len(word) < 5:
        return False
    return extractOne(word, _LONG_GENERIC, scorer=OSA.distance, score_cutoff=1) is not None


@dataclass(frozen=True)
class ReadName:
    """A name as the matcher reads it."""

    distinctive: tuple[str, ...]  # in order, singular
    spoken: tuple[str, ...]  # the distinctive words with honorifics ("shri ram")
    generic: tuple[str, ...]
    numbers: frozenset[str]
    stone_types: frozenset[str]

    @property
    def core(self) -> str:
        """The distinctive words run together: "shri ram" and "shriram" agree here."""
        return "".join(self.distinctive)


@functools.lru_cache(maxsize=131072)
def read_name(name: str) -> ReadName:
    """Read a company or site name (see the module docstring)."""
    words = _without_legal_forms(_words(name))
    distinctive: list[str] = []
    spoken: list[str] = []
    generic: list[str] = []
    numbers: set[str] = set()
    stones: set[str] = set()
    for word in words:
        word = _ROMAN.get(word, word)
        if word.isdigit():
            numbers.add(word.lstrip("0") or "0")
            continue
        singular = _singular(word)
        if word in STONE_TYPES or singular in STONE_TYPES:
            stones.add(STONE_TYPES.get(word) or STONE_TYPES[singular])
        if is_generic(word) or is_generic(singular):
            generic.append(singular)
            if word in HONORIFICS:
                spoken.append(word)
        else:
            distinctive.append(singular)
            spoken.append(singular)
    return ReadName(
        tuple(distinctive), tuple(spoken), tuple(generic), frozenset(numbers), frozenset(stones)
    )


@dataclass(frozen=True)
class ReadAddress:
    """An address as the matcher reads it."""

    words: tuple[str, ...]  # place and street names, singular, without generic words
    plots: frozenset[str]  # house, plot and survey numbers (up to 4 digits, with letters)
    postcodes: frozenset[str]  # 5 digits and more (PIN, CEP, posta kodu …)


@functools.lru_cache(maxsize=131072)
def read_address(address: str) -> ReadAddress:
    """Read an address (see the module docstring)."""
    raw = _words(address)
    # A Brazilian CEP "29300-000" is one postcode, not a postcode and a plot "000".
    merged: list[str] = []
    for word in raw:
        if word.isdigit() and merged and merged[-1].isdigit() and len(merged[-1]) == 5:
            merged[-1] += word
        else:
            merged.append(word)
    words: list[str] = []
    plots: set[str] = set()
    postcodes: set[str] = set()
    previous = ""
    for word in _split_digits(merged):
        if word.isdigit():
            if previous in ROAD_PREFIXES and len(word) <= 4:  # BR-101, NH 48: a road
                words.append(previous + word)
            elif len(word) >= 5:
                postcodes.add(word)
            else:
                plots.add((previous if len(previous) == 1 else "") + (word.lstrip("0") or "0"))
            previous = ""
            continue
        previous = word
        singular = _singular(word)
        if word in GENERIC_ADDRESS_WORDS or singular in GENERIC_ADDRESS_WORDS or len(word) == 1:
            continue
        words.append(singular)
    return ReadAddress(tuple(words), frozenset(plots), frozenset(postcodes))


def match_key(name: str) -> str:
    """The text the registry indexes a name under for fuzzy search (pg_trgm): the
    distinctive words by their sound, or the generic ones when there are none."""
    read = read_name(name)
    return " ".join(phonetic_key(w) for w in (read.distinctive or read.generic))


def address_key(address: str) -> str:
    """The text the registry indexes an address under for fuzzy search."""
    read = read_address(address)
    return " ".join(phonetic_key(w) for w in read.words)


# --- Finding names in running text ----------------------------------------------------
# The public plan of action (assessments.rules.redaction_for) looks for a company's
# suppliers in what it wrote, reading names the way the matcher does.


def name_words(text: str) -> list[str]:
    """The ASCII words of a name or text as the matcher reads them, legal forms kept."""
    return _words(text)


def without_legal_forms(words: list[str]) -> list[str]:
    """The words with every legal form ("pvt ltd", "a s", "co") left out."""
    return _without_legal_forms(words)


def legal_form_length(words: Sequence[str], start: int) -> int:
    """How many words from `start` make a legal form (the longest), 0 when none does."""
    for size in range(min(_LONGEST_LEGAL, len(words) - start), 0, -1):
        if tuple(words[start : start + size]) in _LEGAL:
            return size
    return 0


def word_sound(word: str) -> str:
    """How a word sounds, singular: "Granites" and "granite", "Laxmi" and "Lakshmi" agree."""
    word = _ROMAN.get(word, word)
    return phonetic_key(_singular(word))
