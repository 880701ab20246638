"""Pure rules about organisations, roles and invitations. No database."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

KINDS_WITH_MANDATORY_MFA = frozenset({"secretariat", "ngo", "union"})


def roles_for_kind(kind: str) -> tuple[str, ...]:
    """Roles a user can hold in an organisation of this kind; assessors exist only at
    the secretariat."""
    if kind == "secretariat":
        return ("admin", "member", "assessor")
    return ("admin", "member")


def invitation_state(
    *,
    accepted_at: datetime | None,
    revoked_at: datetime | None,
    expires_at: datetime,
    now: datetime,
) -> str:
    """ "accepted", "revoked", "expired" or "open"."""
    if accepted_at is not None:
        return "accepted"
    if revoked_at is not None:
        return "revoked"
    if now >= expires_at:
        return "expired"
    return "open"


# --- Size class and regime (DOMAIN §2, Bijlage 1) -------------------------------------

LARGE_MIN_EMPLOYEES = 250
LARGE_MIN_REVENUE_EUR = Decimal("50000000")  # revenue must be *above* this
SMALL_MAX_EMPLOYEES = 25  # employees must be *below* this
SMALL_MAX_REVENUE_EUR = Decimal("5000000")  # revenue at most this


def size_class(*, employees: int, revenue_eur: Decimal) -> str:
    """ "large" (≥ 250 employees and revenue > €50 m), "small" (< 25 employees and
    revenue ≤ €5 m), otherwise "medium"."""
    if employees >= LARGE_MIN_EMPLOYEES and revenue_eur > LARGE_MIN_REVENUE_EUR:
        return "large"
    if employees < SMALL_MAX_EMPLOYEES and revenue_eur <= SMALL_MAX_REVENUE_EUR:
        return "small"
    return "medium"


# --- Fees (DOMAIN §10, Bijlage 4) -----------------------------------------------------

CENT = Decimal("0.01")


@dataclass(frozen=True)
class Tariff:
    """One tariff schedule, valid from `valid_from` until the next one. All amounts in
    euros per year."""

    valid_from: date
    limited_base: Decimal  # limited due diligence; also the associated base fee
    full_base: Decimal  # full due diligence, covers `full_base_chains` chains
    full_base_chains: int
    per_extra_chain: Decimal
    max_chains_counted: int
    per_establishment: Decimal  # associated members
    max_establishments_counted: int
    first_year_cap: Decimal
    second_year_cap: Decimal
    collective_per_member: Decimal
    #: (minimum number of members, discount fraction), highest threshold wins.
    collective_discounts: tuple[tuple[int, Decimal], ...]

    def scaled(self, factor: Decimal, valid_from: date) -> Tariff:
        """The same schedule with every rate and cap multiplied by `factor`."""
        money = {
            name: (getattr(self, name) * factor).quantize(CENT)
            for name in (
                "limited_base",
                "full_base",
                "per_extra_chain",
                "per_establishment",
                "first_year_cap",
                "second_year_cap",
                "collective_per_member",
            )
        }
        return replace(self, valid_from=valid_from, **money)


COVENANT_TARIFF = Tariff(
    valid_from=date(2025, 3, 1),
    limited_base=Decimal("400"),
    full_base=Decimal("1200"),
    full_base_chains=2,
    per_extra_chain=Decimal("400"),
    max_chains_counted=8,
    per_establishment=Decimal("200"),
    max_establishments_counted=10,
    first_year_cap=Decimal("800"),
    second_year_cap=Decimal("1200"),
    collective_per_member=Decimal("400"),
    collective_discounts=((50, Decimal("0.025")), (100, Decimal("0.05")), (151, Decimal("0.075"))),
)
# "From January 2027 all rates (base and variable) rise once by 10 %."
COVENANT_SCHEDULE: tuple[Tariff, ...] = (
    COVENANT_TARIFF,
    COVENANT_TARIFF.scaled(Decimal("1.10"), date(2027, 1, 1)),
)


def tariff_on(on: date, schedule: Tariff | Sequence[Tariff] | None = None) -> Tariff:
    """The tariff valid on `on`: the latest one whose valid_from is not after it."""
    if schedule is None:
        schedule = COVENANT_SCHEDULE
    if isinstance(schedule, Tariff):
        return schedule
    valid = [tariff for tariff in schedule if tariff.valid_from <= on]
    if not valid:
        # Before the first schedule: the earliest one applies.
        return min(schedule, key=lambda tariff: tariff.valid_from)
    return max(valid, key=lambda tariff: tariff.valid_from)


def _regular_fee(
    tariff: Tariff,
    *,
    member_type: str,
    full_due_diligence: bool,
    chains: int,
    establishments: int,
) -> Decimal:
    if member_type == "supporting":
        return tariff.limited_base
    counted_chains = min(max(chains, 0), tariff.max_chains_counted)
    extra_chains = max(counted_chains - tariff.full_base_chains, 0)
    if member_type == "full":
        if not full_due_diligence:
            return tariff.limited_base
        return tariff.full_base + extra_chains * tariff.per_extra_chain
    if member_type == "associated":
        counted_establishments = min(max(establishments, 0), tariff.max_establishments_counted)
        variable = counted_establishments * tariff.per_establishment
        if not full_due_diligence:
            return tariff.limited_base + variable
        return tariff.full_base + variable + extra_chains * tariff.per_extra_chain
    raise ValueError(f"Unknown member type {member_type!r}")


def annual_fee(
    *,
    member_type: str,
    full_due_diligence: bool,
    chains: int,
    establishments: int,
    membership_year: int,
    invoice_date: date,
    schedule: Tariff | Sequence[Tariff] | None = None,
) -> Decimal:
    """A member's annual fee in euros (rounded to cents) under the tariff valid on
    `invoice_date`: Bijlage 4, with the new-member caps on the whole fee in membership
    years 1 and 2. A supporting member pays the minimum, the associated base fee."""
    tariff = tariff_on(invoice_date, schedule)
    fee = _regular_fee(
        tariff,
        member_type=member_type,
        full_due_diligence=full_due_diligence,
        chains=chains,
        establishments=establishments,
    )
    if member_type != "supporting":
        if membership_year <= 1:
            fee = min(fee, tariff.first_year_cap)
        elif membership_year == 2:
            fee = min(fee, tariff.second_year_cap)
    return fee.quantize(CENT, rounding=ROUND_HALF_UP)


def collective_discount(*, members: int, tariff: Tariff) -> Decimal:
    """The discount fraction for a collective membership of `members` members."""
    discount = Decimal("0")
    for threshold, fraction in sorted(tariff.collective_discounts):
        if members >= threshold:
            discount = fraction
    return discount


def collective_fee(
    *, members: int, invoice_date: date, schedule: Tariff | Sequence[Tariff] | None = None
) -> Decimal:
    """What a sector organisation pays for a collective membership: the associated base
    fee per member, less 2.5 % (50–99 members), 5 % (100–150) or 7.5 % (more than 150)."""
    tariff = tariff_on(invoice_date, schedule)
    total = tariff.collective_per_member * max(members, 0)
    discount = collective_discount(members=members, tariff=tariff)
    return (total * (1 - discount)).quantize(CENT, rounding=ROUND_HALF_UP)


def membership_year(*, joined_on: date, invoice_year: int) -> int:
    """1 for the calendar year of joining, 2 for the next, and so on."""
    return invoice_year - joined_on.year + 1


# --- Leaving (Art. 15, chapters D and E) ----------------------------------------------


@dataclass(frozen=True)
class NoticeOutcome:
    """Whether notice given on `notice_on` is accepted and, if so, when membership ends."""

    accepted: bool
    ends_on: date | None = None
    reason: str = ""  # a code: too_early | dispute_pending | already_ended


def add_years(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def add_months(day: date, months: int) -> date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    for candidate_day in (day.day, 30, 29, 28):
        try:
            return date(year, month, candidate_day)
        except ValueError:
            continue
    raise ValueError(day)  # pragma: no cover


def notice_outcome(
    *,
    member_kind: str,
    signed_on: date,
    notice_on: date,
    dispute_pending: bool,
    has_ended: bool = False,
) -> NoticeOutcome:
    """Notice by a member (Art. 15; chapters D and E).

    - possible from one year after signing the declaration;
    - never while a dispute involving the member is pending;
    - a company (or supporter) leaves at the start of a year, with at least six months'
      notice: 1 January of the next year, or of the year after if fewer than six
      months remain;
    - a government stays bound for one year after its notice.
    """
    if has_ended:
        return NoticeOutcome(False, reason="already_ended")
    if dispute_pending:
        return NoticeOutcome(False, reason="dispute_pending")
    if notice_on < add_years(signed_on, 1):
        return NoticeOutcome(False, reason="too_early")
    if member_kind == "government":
        return NoticeOutcome(True, ends_on=add_years(notice_on, 1))
    ends_on = date(notice_on.year + 1, 1, 1)
    if add_months(notice_on, 6) > ends_on:
        ends_on = date(notice_on.year + 2, 1, 1)
    return NoticeOutcome(True, ends_on=ends_on)


def earliest_notice_date(*, signed_on: date) -> date:
    return add_years(signed_on, 1)


# --- The public listing (Art. 5.13) ---------------------------------------------------

SECOND_TERM_STARTS = date(2025, 3, 1)


def level_is_public(*, decided_on: date) -> bool:
    """Assessments of the covenant's first term (before 1 March 2025) are kept but not
    shown publicly; the secretariat can still see and provide them."""
    return decided_on >= SECOND_TERM_STARTS


def declaration_chapter(member_type: str) -> str:
    """Which declaration a member signs: companies D, governments E, supporters F."""
    if member_type in {"full", "associated"}:
        return "D"
    if member_type == "government":
        return "E"
    return "F"


def normalise_registration_number(value: str) -> str:
    """KvK and Belgian enterprise numbers compared on their digits only."""
    return "".join(character for character in value if character.isdigit())


# --- Levels (DOMAIN §4.3) --------------------------------------------------------------

# DOMAIN §4.3: (level, quarry ≥, factory ≥, DD score ≥, impact indicators needed).
LEVEL_THRESHOLDS: tuple[tuple[int, Decimal, Decimal, Decimal, bool], ...] = (
    (1, Decimal(20), Decimal(50), Decimal(20), False),
    (2, Decimal(40), Decimal(75), Decimal(40), False),
    (3, Decimal(60), Decimal(100), Decimal(60), False),
    (4, Decimal(75), Decimal(100), Decimal(75), True),
    (5, Decimal(90), Decimal(100), Decimal(90), True),
)


CRITERIA = {"quarry": 1, "factory": 2, "dd_score": 3}


def criterion_level(
    value: Decimal, criterion: str, thresholds: Any = None
) -> tuple[int, int | None, Decimal | None]:
    """For one criterion ("quarry", "factory" or "dd_score"): the highest level whose
    threshold the value meets (0 for none), and the next level with its threshold
    (None, None at the top). Levels reached only by the other criteria are not implied."""
    index = CRITERIA[criterion]
    reached = 0
    for row in thresholds or LEVEL_THRESHOLDS:
        if value >= row[index]:
            reached = row[0]
            continue
        return reached, row[0], row[index]
    return reached, None, None
