"""The steps of a case under the Complaints and Disputes Regulation, and its deadlines:
tables that read like the regulation."""

from datetime import date

import pytest

from complaints import rules

D = date(2026, 12, 1)


@pytest.mark.parametrize(
    ("status", "step", "allowed", "after"),
    [
        # A new case: the committee first decides on admissibility, or asks first.
        ("received", "admissible", True, "admitted"),
        ("received", "inadmissible", True, "closed"),
        ("received", "information", True, "received"),
        ("received", "withdrawn", True, "closed"),
        ("received", "hearing", False, None),
        ("received", "ruling", False, None),
        # Admitted: information, a hearing or mediation, a settlement, or the ruling.
        ("admitted", "information", True, "admitted"),
        ("admitted", "hearing", True, "admitted"),
        ("admitted", "mediation", True, "admitted"),
        ("admitted", "settled", True, "closed"),
        ("admitted", "ruling", True, "ruled"),
        ("admitted", "admissible", False, None),
        # Ruled: compliance is followed; a ruling culpably ignored goes to the steering group.
        ("ruled", "complied", True, "closed"),
        ("ruled", "not_complied", True, "referred"),
        ("ruled", "information", True, "ruled"),
        ("ruled", "withdrawn", False, None),
        ("referred", "steering_group", True, "closed"),
        ("referred", "ruling", False, None),
        # A closed case takes no step.
        ("closed", "information", False, None),
        ("closed", "admissible", False, None),
    ],
)
def test_the_steps_of_a_case(status, step, allowed, after):
    assert rules.step_allowed(status, step) is allowed
    if allowed:
        assert rules.status_after(status, step) == after


def test_the_open_steps_are_listed_in_the_regulations_order():
    assert rules.steps_open("received") == [
        "admissible",
        "inadmissible",
        "information",
        "withdrawn",
    ]
    assert rules.steps_open("closed") == []


def test_every_pending_status_has_a_way_to_close():
    for status in rules.PENDING:
        assert rules.steps_open(status), status


@pytest.mark.parametrize(
    ("deadlines", "passed"),
    [
        (rules.Deadlines(None, None, None, None), False),
        (rules.Deadlines(date(2026, 11, 30), None, None, None), True),
        (rules.Deadlines(D, None, None, None), False),  # due today is not yet late
        (rules.Deadlines(None, date(2026, 12, 2), date(2026, 11, 1), None), True),
        (rules.Deadlines(None, None, None, date(2027, 3, 1)), False),
    ],
)
def test_a_deadline_passes_the_day_after_it(deadlines, passed):
    assert rules.deadline_passed(deadlines, D) is passed


def test_a_deadline_counts_calendar_days():
    assert rules.due_date(D, 42) == date(2027, 1, 12)


@pytest.mark.parametrize(
    ("text", "names", "found"),
    [
        (
            "Natuursteen Jansen B.V. moet melden.",
            ["Natuursteen Jansen B.V."],
            ["Natuursteen Jansen B.V."],
        ),
        (
            "natuursteen  JANSEN b.v. moet melden.",
            ["Natuursteen Jansen B.V."],
            ["Natuursteen Jansen B.V."],
        ),
        ("Een lid moet melden.", ["Natuursteen Jansen B.V.", "Ravi"], []),
        ("Ravi werkte er.", ["Ravi", "Al"], ["Ravi"]),  # two letters are too short to test
    ],
)
def test_an_anonymised_text_still_naming_someone_is_caught(text, names, found):
    assert rules.names_in_text(text, names) == found
