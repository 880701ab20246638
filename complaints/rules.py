"""Pure rules of the complaints mechanism: the receipt code's shape and the growing
delay after wrong receipts. Standard library only."""

from __future__ import annotations

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
