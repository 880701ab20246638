"""Receipt codes: random, at least 16 digits, kept only as an Argon2 hash; a wrong one
costs a growing delay."""

import pytest

from complaints.receipts import receipt_hash, receipt_lookup, receipt_matches, receipt_new
from complaints.rules import failure_delay, receipt_digits, receipt_display


def test_a_code_is_twenty_random_digits_and_kept_only_as_a_slow_hash() -> None:
    code = receipt_new()
    assert len(code) == 20 and code.isdigit()
    assert receipt_new() != code
    encoded = receipt_hash(code)
    assert encoded.startswith("argon2$") and code not in encoded
    assert receipt_matches(code, encoded)
    assert not receipt_matches(code[:-1] + str((int(code[-1]) + 1) % 10), encoded)
    assert receipt_lookup(code) == code[:8]


@pytest.mark.parametrize(
    ("typed", "digits"),
    [
        ("1234 5678 9012 3456 7890", "12345678901234567890"),
        ("1234-5678-9012-3456-7890", "12345678901234567890"),
        (" 12345678901234567890 ", "12345678901234567890"),
        ("1234 5678 9012 3456", None),  # too short
        ("1234 5678 9012 3456 789O", None),  # a letter O
        ("１２３４５６７８９０１２３４５６７８９０", None),  # full-width digits
    ],
)
def test_a_code_is_read_as_people_type_it(typed, digits) -> None:
    assert receipt_digits(typed) == digits


def test_a_code_is_shown_in_groups_of_four() -> None:
    assert receipt_display("12345678901234567890") == "1234 5678 9012 3456 7890"


@pytest.mark.parametrize(
    ("failures", "seconds"),
    [(0, 0), (1, 0), (2, 0), (3, 2), (4, 4), (5, 8), (10, 256), (11, 300), (50, 300)],
)
def test_wrong_codes_cost_a_growing_delay(failures, seconds) -> None:
    assert failure_delay(failures) == seconds
