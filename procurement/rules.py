"""Pure rules of procurement (DOMAIN §8, Art. 7, Bijlage 3): the ambition targets for a
government's tenders, the share of its tenders at each level, and the contract-phase
deadlines in working weeks. The standard library and the `holidays` data only."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from functools import cache

import holidays

BASIS, SIGNIFICANT, AMBITIOUS = "basis", "significant", "ambitious"
AMBITION_LEVELS = (BASIS, SIGNIFICANT, AMBITIOUS)

#: Art. 7.10: (whole years of membership reached, targets in %), latest milestone first.
TARGETS: tuple[tuple[int, dict[str, Decimal]], ...] = (
    (5, {BASIS: Decimal(20), SIGNIFICANT: Decimal(30), AMBITIOUS: Decimal(50)}),
    (3, {BASIS: Decimal(50), SIGNIFICANT: Decimal(30), AMBITIOUS: Decimal(20)}),
    (1, {BASIS: Decimal(70), SIGNIFICANT: Decimal(30), AMBITIOUS: Decimal(0)}),
)

#: Bijlage 3, contract phase: working weeks after the contract is closed.
RISK_ANALYSIS_WEEKS = 4
PLAN_OF_ACTION_WEEKS = 8

#: Bijlage 3, contract phase: the links of the chain the risk analysis must cover.
RISK_ANALYSIS_LINKS: dict[str, tuple[str, ...]] = {
    BASIS: ("importer", "transporter", "first_link"),
    SIGNIFICANT: ("importer", "transporter", "first_two_links"),
    AMBITIOUS: ("importer", "transporter", "exporter", "processing_sites", "quarry"),
}


def ambition_targets(years_of_membership: int) -> dict[str, Decimal]:
    """The target shares (0–100) of tenders at each ambition level after that many whole
    years of membership: the latest milestone reached (1, 3 or 5 years); before the first
    year, the 1-year targets."""
    for years, targets in TARGETS:
        if years_of_membership >= years:
            return dict(targets)
    return dict(TARGETS[-1][1])


def whole_years_between(start: date, end: date) -> int:
    """Whole years from `start` to `end` (0 when `end` is before the first anniversary)."""
    years = end.year - start.year - ((end.month, end.day) < (start.month, start.day))
    return max(0, years)


def ambition_shares(counts: Mapping[str, int]) -> dict[str, Decimal]:
    """The share (0–100, one decimal) of tenders at each ambition level; zeros when there
    are no tenders."""
    total = sum(counts.get(level, 0) for level in AMBITION_LEVELS)
    if not total:
        return {level: Decimal(0) for level in AMBITION_LEVELS}
    return {
        level: (Decimal(100) * counts.get(level, 0) / total).quantize(
            Decimal("0.1"), rounding=ROUND_HALF_UP
        )
        for level in AMBITION_LEVELS
    }


def meets_targets(shares: Mapping[str, Decimal], targets: Mapping[str, Decimal]) -> bool:
    """Whether the tenders are at least as ambitious as the targets: the share at the
    highest level reaches its target, and so does the share at Significant or above."""
    ambitious = shares.get(AMBITIOUS, Decimal(0))
    significant_or_more = ambitious + shares.get(SIGNIFICANT, Decimal(0))
    return ambitious >= targets[AMBITIOUS] and significant_or_more >= (
        targets[AMBITIOUS] + targets[SIGNIFICANT]
    )


@cache
def _holidays(country: str, year: int) -> frozenset[date]:
    return frozenset(holidays.country_holidays(country, years=year))


def is_working_day(day: date, *, country: str = "NL") -> bool:
    """Monday to Friday, and not a public holiday in `country` (NL or BE)."""
    return day.weekday() < 5 and day not in _holidays(country, day.year)


def working_days_after(start: date, days: int, *, country: str = "NL") -> date:
    """The date `days` working days after `start` (`start` itself does not count)."""
    day = start
    remaining = days
    while remaining > 0:
        day += timedelta(days=1)
        if is_working_day(day, country=country):
            remaining -= 1
    return day


def working_weeks_after(start: date, weeks: int, *, country: str = "NL") -> date:
    """The date that lies `weeks` × 5 working days after `start`, skipping Saturdays,
    Sundays and that country's public holidays."""
    return working_days_after(start, weeks * 5, country=country)


def contract_deadlines(closed_on: date, *, country: str = "NL") -> tuple[date, date]:
    """When the contractor's chain risk analysis (4 working weeks) and its plan of action
    (8 working weeks) are due, after the contract was closed on `closed_on`."""
    return (
        working_weeks_after(closed_on, RISK_ANALYSIS_WEEKS, country=country),
        working_weeks_after(closed_on, PLAN_OF_ACTION_WEEKS, country=country),
    )


# Bidder statements (DOMAIN §8): a dated statement carries a verification code that
# anyone can check on the portal and nobody can guess. 16 characters of Crockford's
# base32 are 80 random bits; the alphabet has no I, L, O or U, so nothing is misread.
STATEMENT_CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
STATEMENT_CODE_LENGTH = 16
STATEMENT_CODE_GROUP = 4
#: Crockford's decoding: the letters people type for the digits they read.
_READ_AS = str.maketrans({"O": "0", "I": "1", "L": "1"})
_SEPARATORS = frozenset(" -.\u00a0\u2010\u2011\u2012\u2013\t")


def statement_code_normalise(text: str) -> str | None:
    """The code as it is stored (16 characters, upper case, no separators) when `text` is
    a verification code as people type it: any case, with or without dashes or spaces
    between the groups, O for 0 and I or L for 1. None for anything else."""
    if len(text) > 2 * STATEMENT_CODE_LENGTH:
        return None
    compact = "".join(ch for ch in text if ch not in _SEPARATORS).upper().translate(_READ_AS)
    if len(compact) != STATEMENT_CODE_LENGTH:
        return None
    if any(ch not in STATEMENT_CODE_ALPHABET for ch in compact):
        return None
    return compact


def statement_code_display(code: str) -> str:
    """The stored code in groups of four, as the statement shows it: K7Q2-M9XD-4PRT-8HZA."""
    return "-".join(
        code[i : i + STATEMENT_CODE_GROUP] for i in range(0, len(code), STATEMENT_CODE_GROUP)
    )


#: What changed in a company's listing since its statement was issued (statement_change).
NO_LONGER_LISTED = "no_longer_listed"
NOW_LISTED = "now_listed"
LEVEL_CHANGED = "level_changed"
NOTICE_GIVEN = "notice_given"
NOTICE_WITHDRAWN = "notice_withdrawn"


def statement_change(
    *,
    was_listed: bool,
    level_then: int | None,
    ends_on_then: date | None,
    is_listed: bool,
    level_now: int | None,
    ends_on_now: date | None,
) -> str | None:
    """The one change worth telling whoever verifies a statement, most important first:
    NO_LONGER_LISTED, NOW_LISTED, LEVEL_CHANGED (listed then and now, at another level),
    NOTICE_GIVEN (still listed, but an end date was set or moved since) or NOTICE_WITHDRAWN
    (still listed, and the end date on the statement is gone). None when the listing
    reads as it did, or when the company was not listed then and is not now."""
    if was_listed and not is_listed:
        return NO_LONGER_LISTED
    if is_listed and not was_listed:
        return NOW_LISTED
    if not is_listed:
        return None
    if level_now != level_then:
        return LEVEL_CHANGED
    if ends_on_now != ends_on_then:
        return NOTICE_GIVEN if ends_on_now is not None else NOTICE_WITHDRAWN
    return None
