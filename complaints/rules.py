"""Pure rules of the complaints mechanism: the receipt code's shape, the growing delay
after wrong receipts, the steps of a case and its deadlines. Standard library only."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

RECEIPT_DIGITS = 20  # at least 16 (the issue); 20 gives 10^12 secret codes per case
LOOKUP_DIGITS = 8  # the first digits find the case; the whole code is checked by hash
FREE_FAILURES = 2  # wrong receipts before a delay starts (typos happen)
MAX_DELAY_SECONDS = 300


def receipt_digits(text: str) -> str | None:
    """The code's digits when `text` is a receipt code as people type it (spaces, dashes
    and dots between groups allowed), else None."""
    digits = "".join(ch for ch in text if ch not in " -.\u00a0\t")
    if len(digits) != RECEIPT_DIGITS or not digits.isascii() or not digits.isdigit():
        return None
    return digits


def receipt_display(digits: str) -> str:
    """The code in groups of four, as it is shown once: 1234 5678 9012 3456 7890."""
    return " ".join(digits[i : i + 4] for i in range(0, len(digits), 4))


def failure_delay(failures: int) -> int:
    """Seconds to wait before the next try after `failures` wrong receipts in a row:
    none for the first two, then doubling from 2 s up to five minutes."""
    if failures <= FREE_FAILURES:
        return 0
    return int(min(MAX_DELAY_SECONDS, 2 ** (failures - FREE_FAILURES)))


# The case file (Art. 11; the Complaints and Disputes Regulation of 1 March 2021). A case
# moves through these statuses; each step the committee takes is dated in the case file.
RECEIVED = "received"  # filed; the committee decides whether it is admissible
ADMITTED = "admitted"  # admissible: information, hearing or mediation, then a ruling
RULED = "ruled"  # ruling given; the committee follows compliance
REFERRED = "referred"  # not complied with, culpably: before the steering group
CLOSED = "closed"

PENDING = frozenset({RECEIVED, ADMITTED, RULED, REFERRED})

# step: (statuses it may be taken in, status after it; None keeps the status)
STEPS: dict[str, tuple[frozenset[str], str | None]] = {
    "admissible": (frozenset({RECEIVED}), ADMITTED),
    "inadmissible": (frozenset({RECEIVED}), CLOSED),
    "information": (frozenset({RECEIVED, ADMITTED, RULED}), None),
    "hearing": (frozenset({ADMITTED}), None),
    "mediation": (frozenset({ADMITTED}), None),
    "settled": (frozenset({ADMITTED}), CLOSED),
    "withdrawn": (frozenset({RECEIVED, ADMITTED}), CLOSED),
    "ruling": (frozenset({ADMITTED}), RULED),
    "complied": (frozenset({RULED}), CLOSED),
    "not_complied": (frozenset({RULED}), REFERRED),
    "steering_group": (frozenset({REFERRED}), CLOSED),
}

# Steps that need a date: the hearing's or mediation's day, the date a reply or
# compliance is due.
DATED_STEPS = frozenset({"information", "hearing", "mediation", "ruling"})


def step_allowed(status: str, step: str) -> bool:
    """Whether the committee may take `step` in a case with `status`."""
    return step in STEPS and status in STEPS[step][0]


def status_after(status: str, step: str) -> str:
    """The case's status after `step` (which must be allowed)."""
    after = STEPS[step][1]
    return status if after is None else after


def steps_open(status: str) -> list[str]:
    """The steps the committee can take now, in the order of STEPS."""
    return [step for step in STEPS if step_allowed(status, step)]


def due_date(start: date, days: int) -> date:
    """A deadline `days` calendar days after `start` (the regulation counts in days)."""
    return start + timedelta(days=days)


@dataclass(frozen=True)
class Deadlines:
    """The deadlines a case is held to now (None: not running)."""

    admissibility: date | None
    reply: date | None
    ruling: date | None
    compliance: date | None


def deadline_passed(deadlines: Deadlines, today: date) -> bool:
    """Whether any running deadline of a case lies before `today`."""
    return any(
        due is not None and due < today
        for due in (
            deadlines.admissibility,
            deadlines.reply,
            deadlines.ruling,
            deadlines.compliance,
        )
    )


def names_in_text(text: str, names: list[str]) -> list[str]:
    """The names (of at least 3 letters) that a text meant to be anonymous still holds,
    compared without case and with runs of spaces folded."""
    folded = " ".join(text.casefold().split())
    found = []
    for name in names:
        needle = " ".join(name.casefold().split())
        if len(needle) >= 3 and needle in folded:
            found.append(name)
    return found
