"""Verification codes of bidder statements as people type them, and the change in a
company's listing since its statement, as the verify page notes it."""

from datetime import date

import pytest

from procurement.rules import (
    LEVEL_CHANGED,
    NO_LONGER_LISTED,
    NOTICE_GIVEN,
    NOTICE_WITHDRAWN,
    NOW_LISTED,
    statement_change,
    statement_code_display,
    statement_code_normalise,
)

CODE = "K7Q2M9XD4PRT8HZA"


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("K7Q2-M9XD-4PRT-8HZA", CODE),  # as printed
        ("K7Q2M9XD4PRT8HZA", CODE),  # without dashes
        ("k7q2-m9xd-4prt-8hza", CODE),  # any case
        (" K7Q2 M9XD 4PRT 8HZA ", CODE),  # spaces, around and between
        ("K7Q2\u00a0M9XD\u20114PRT.8HZA", CODE),  # no-break space, non-breaking hyphen
        ("0O1I-L000-0000-0000", "0011100000000000"),  # O read as 0, I and L as 1
        ("K7Q2-M9XD-4PRT-8HZ", None),  # 15 characters
        ("K7Q2-M9XD-4PRT-8HZAB", None),  # 17
        ("K7Q2-M9XD-4PRT-8HZU", None),  # U is not in the alphabet
        ("K7Q2-M9XD-4PRT-8HZ!", None),
        ("K7Q2-M9XD-4PRT-8HZÄ", None),
        ("", None),
        ("-" * 40, None),
        ("K" * 1000, None),
    ],
)
def test_codes_as_people_type_them(typed, code) -> None:
    assert statement_code_normalise(typed) == code


def test_codes_are_shown_in_groups_of_four() -> None:
    assert statement_code_display(CODE) == "K7Q2-M9XD-4PRT-8HZA"
    assert statement_code_normalise(statement_code_display(CODE)) == CODE


END = date(2026, 12, 31)


@pytest.mark.parametrize(
    ("then", "now", "change"),
    [
        # (listed, level, ends on) when issued, and today
        ((True, 3, None), (True, 3, None), None),
        ((True, 3, None), (False, 3, None), NO_LONGER_LISTED),
        ((True, 3, None), (False, 4, END), NO_LONGER_LISTED),  # the most important first
        ((False, None, None), (True, 2, None), NOW_LISTED),
        ((False, 2, END), (False, 3, END), None),  # not listed then or now: nothing to say
        ((True, 3, None), (True, 4, None), LEVEL_CHANGED),
        ((True, None, None), (True, 0, None), LEVEL_CHANGED),  # assessed: not classified
        ((True, 3, None), (True, 3, END), NOTICE_GIVEN),
        ((True, 3, END), (True, 3, END), None),  # notice was already on the statement
        ((True, 3, date(2026, 6, 30)), (True, 3, END), NOTICE_GIVEN),  # date moved
        ((True, 3, END), (True, 3, None), NOTICE_WITHDRAWN),
    ],
)
def test_what_changed_since_the_statement(then, now, change) -> None:
    assert (
        statement_change(
            was_listed=then[0],
            level_then=then[1],
            ends_on_then=then[2],
            is_listed=now[0],
            level_now=now[1],
            ends_on_now=now[2],
        )
        == change
    )
