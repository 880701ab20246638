"""Leaving the covenant (Art. 15; chapters D and E) and the public listing (Art. 5.13).

- notice is possible from one year after signing the declaration;
- a company leaves per the following year with half a year's notice: 1 January of the
  next year if at least six months remain, otherwise 1 January of the year after;
- a government stays bound for one year after its notice;
- no notice while a dispute involving the company is pending.
"""

from datetime import date

import pytest

from members.rules import NoticeOutcome, earliest_notice_date, level_is_public, notice_outcome

SIGNED = date(2025, 3, 1)


def notice(kind, notice_on, *, signed_on=SIGNED, dispute=False, ended=False):
    return notice_outcome(
        member_kind=kind,
        signed_on=signed_on,
        notice_on=notice_on,
        dispute_pending=dispute,
        has_ended=ended,
    )


# --- Company: one year after signing; ends 1 January with ≥ six months' notice ----------


@pytest.mark.parametrize(
    ("notice_on", "accepted", "ends_on", "reason"),
    [
        # too early: less than one year after signing on 2025-03-01
        (date(2025, 3, 1), False, None, "too_early"),
        (date(2025, 9, 1), False, None, "too_early"),
        (date(2026, 2, 28), False, None, "too_early"),
        # from one year after signing
        (date(2026, 3, 1), True, date(2027, 1, 1), ""),
        (date(2026, 6, 30), True, date(2027, 1, 1), ""),
        (date(2026, 7, 1), True, date(2027, 1, 1), ""),  # exactly six months
        (date(2026, 7, 2), True, date(2028, 1, 1), ""),  # one day short of six months
        (date(2026, 12, 31), True, date(2028, 1, 1), ""),
        (date(2027, 1, 1), True, date(2028, 1, 1), ""),
        (date(2027, 7, 1), True, date(2028, 1, 1), ""),
        (date(2027, 7, 2), True, date(2029, 1, 1), ""),
    ],
)
def test_company_notice(notice_on, accepted, ends_on, reason) -> None:
    assert notice("company", notice_on) == NoticeOutcome(accepted, ends_on=ends_on, reason=reason)


@pytest.mark.parametrize(
    ("kind", "notice_on", "ends_on"),
    [
        ("supporter", date(2026, 3, 1), date(2027, 1, 1)),
        ("supporter", date(2026, 7, 2), date(2028, 1, 1)),
    ],
)
def test_supporter_leaves_like_a_company(kind, notice_on, ends_on) -> None:
    assert notice(kind, notice_on) == NoticeOutcome(True, ends_on=ends_on)


@pytest.mark.parametrize(
    ("notice_on", "dispute", "ended", "reason"),
    [
        # a pending dispute blocks notice even when it would otherwise be accepted
        (date(2026, 3, 1), True, False, "dispute_pending"),
        (date(2026, 7, 2), True, False, "dispute_pending"),
        (date(2027, 1, 1), True, False, "dispute_pending"),
        # membership that has already ended cannot be ended again
        (date(2026, 3, 1), False, True, "already_ended"),
        (date(2027, 1, 1), False, True, "already_ended"),
    ],
)
def test_company_notice_refused(notice_on, dispute, ended, reason) -> None:
    assert notice("company", notice_on, dispute=dispute, ended=ended) == NoticeOutcome(
        False, ends_on=None, reason=reason
    )


# --- Government: bound for one year after its notice ------------------------------------


@pytest.mark.parametrize(
    ("notice_on", "accepted", "ends_on", "reason"),
    [
        (date(2025, 3, 1), False, None, "too_early"),
        (date(2026, 2, 28), False, None, "too_early"),
        (date(2026, 3, 1), True, date(2027, 3, 1), ""),
        (date(2026, 5, 10), True, date(2027, 5, 10), ""),
        (date(2026, 12, 31), True, date(2027, 12, 31), ""),
    ],
)
def test_government_notice(notice_on, accepted, ends_on, reason) -> None:
    assert notice("government", notice_on) == NoticeOutcome(
        accepted, ends_on=ends_on, reason=reason
    )


def test_government_notice_after_it_has_ended() -> None:
    assert notice("government", date(2026, 5, 10), ended=True) == NoticeOutcome(
        False, reason="already_ended"
    )


# --- Earliest notice date, including a leap-day signing --------------------------------


@pytest.mark.parametrize(
    ("signed_on", "earliest"),
    [
        (date(2025, 3, 1), date(2026, 3, 1)),
        (date(2025, 12, 31), date(2026, 12, 31)),
        (date(2024, 2, 29), date(2025, 2, 28)),  # leap day: no 29 February in 2025
        (date(2023, 2, 28), date(2024, 2, 28)),
    ],
)
def test_earliest_notice_date(signed_on, earliest) -> None:
    assert earliest_notice_date(signed_on=signed_on) == earliest


@pytest.mark.parametrize(
    ("notice_on", "accepted", "ends_on", "reason"),
    [
        (date(2025, 2, 27), False, None, "too_early"),
        (date(2025, 2, 28), True, date(2026, 1, 1), ""),
    ],
)
def test_leap_day_signing(notice_on, accepted, ends_on, reason) -> None:
    assert notice("company", notice_on, signed_on=date(2024, 2, 29)) == NoticeOutcome(
        accepted, ends_on=ends_on, reason=reason
    )


# --- Public listing: first-term assessments are not shown (Art. 5.13) -------------------


@pytest.mark.parametrize(
    ("decided_on", "public"),
    [
        (date(2020, 6, 1), False),
        (date(2025, 2, 28), False),  # last day of the first term
        (date(2025, 3, 1), True),  # the second term starts
        (date(2026, 1, 1), True),
    ],
)
def test_level_is_public(decided_on, public) -> None:
    assert level_is_public(decided_on=decided_on) is public
