"""The rules of the register of projects and dialogues (Art. 6.15, Bijlage 2; DOMAIN §9),
without the database."""

from datetime import date, datetime, timedelta

import pytest

from assessments.rules import projects as rules

T0 = datetime(2026, 3, 1, 10, 0)
TODAY = date(2026, 6, 1)
ALL_MET = dict.fromkeys(rules.CRITERION_CODES, "met")


def test_the_criteria_of_bijlage_2_in_the_annex_order() -> None:
    assert rules.CRITERION_CODES == (
        "three_companies",
        "ngos_active",
        "chain_support",
        "local_government",
        "risk_severity",
    )
    assert all(criterion.label for criterion in rules.CRITERIA)


@pytest.mark.parametrize(
    ("criterion", "judgement", "registry_count", "problem"),
    [
        # At least three member companies source in the region (the registry counts).
        ("three_companies", "met", 3, None),
        ("three_companies", "met", 7, None),
        ("three_companies", "met", 2, "too_few_companies"),
        ("three_companies", "met", 0, "too_few_companies"),
        # Not met can always be recorded.
        ("three_companies", "not_met", 0, None),
        # The registry count bounds only the three-companies criterion.
        ("ngos_active", "met", 0, None),
        ("risk_severity", "met", 1, None),
        ("chain_support", "not_met", 5, None),
        ("tea_leaves", "met", 5, "unknown_criterion"),
        ("ngos_active", "maybe", 5, "unknown_judgement"),
    ],
)
def test_judgement_problem(criterion, judgement, registry_count, problem) -> None:
    assert (
        rules.judgement_problem(
            criterion=criterion, judgement=judgement, registry_count=registry_count
        )
        == problem
    )


def test_the_latest_judgement_of_each_criterion_counts() -> None:
    rows = [
        ("ngos_active", "not_met", T0),
        ("ngos_active", "met", T0 + timedelta(days=3)),
        ("chain_support", "met", T0 + timedelta(days=1)),
        ("chain_support", "not_met", T0 + timedelta(days=2)),
    ]
    assert rules.latest_judgements(rows) == {"ngos_active": "met", "chain_support": "not_met"}
    assert rules.latest_judgements(reversed(rows)) == {
        "ngos_active": "met",
        "chain_support": "not_met",
    }
    # Two judgements at the same moment: the one given last.
    assert rules.latest_judgements(
        [("ngos_active", "met", T0), ("ngos_active", "not_met", T0)]
    ) == {"ngos_active": "not_met"}


@pytest.mark.parametrize(
    ("latest", "registry_count", "meets", "shortfalls"),
    [
        (ALL_MET, 3, True, []),
        (ALL_MET, 12, True, []),
        # Every criterion met, but the registry shows only two companies.
        (ALL_MET, 2, False, ["registry_count"]),
        ({**ALL_MET, "local_government": "not_met"}, 5, False, ["local_government"]),
        # A criterion never judged is not met.
        (
            dict.fromkeys(rules.CRITERION_CODES[1:], "met"),
            5,
            False,
            ["three_companies"],
        ),
        ({}, 0, False, [*rules.CRITERION_CODES, "registry_count"]),
    ],
)
def test_a_proposal_meets_bijlage_2(latest, registry_count, meets, shortfalls) -> None:
    assert rules.meets_bijlage2(latest, registry_count=registry_count) is meets
    assert rules.bijlage2_shortfalls(latest, registry_count=registry_count) == shortfalls


@pytest.mark.parametrize(
    ("count", "shown"),
    [(0, None), (1, None), (2, None), (3, 3), (4, 4), (25, 25)],
)
def test_the_public_page_counts_member_companies_only_from_three(count, shown) -> None:
    assert rules.public_member_count(count) == shown


def _problems(**given):
    values = {
        "kind": "local",
        "organisation_kind": None,
        "is_listed_company": False,
        "name": "Rajasthan Quarry Workers' Collective",
        "document": "intent",
        "signed_on": date(2026, 5, 1),
        "has_file": True,
        "today": TODAY,
    }
    return rules.participant_problems(**{**values, **given})


@pytest.mark.parametrize(
    ("given", "problems"),
    [
        # A non-member with its signed document: fine.
        ({}, {}),
        ({"kind": "other", "document": "confidentiality"}, {}),
        ({"signed_on": TODAY}, {}),
        # A non-member without its document, date or file.
        ({"document": ""}, {"document": "document_missing"}),
        ({"signed_on": None}, {"document_signed_on": "signed_on_missing"}),
        ({"signed_on": TODAY + timedelta(days=1)}, {"document_signed_on": "signed_in_future"}),
        ({"has_file": False}, {"document_file": "file_missing"}),
        (
            {"kind": "other", "name": " ", "document": "", "signed_on": None, "has_file": False},
            {
                "name": "name_missing",
                "document": "document_missing",
                "document_signed_on": "signed_on_missing",
                "document_file": "file_missing",
            },
        ),
        # A non-member is named, not an organisation of the portal.
        ({"organisation_kind": "ngo"}, {"organisation": "organisation_not_allowed"}),
        # Parties: NGOs, unions, sector organisations, governments; no document needed.
        ({"kind": "party", "organisation_kind": "ngo", "document": "", "has_file": False}, {}),
        ({"kind": "party", "organisation_kind": "union"}, {}),
        ({"kind": "party", "organisation_kind": "sector_organisation"}, {}),
        ({"kind": "party", "organisation_kind": "government"}, {}),
        ({"kind": "party", "organisation_kind": "company"}, {"organisation": "party_kind"}),
        ({"kind": "party", "organisation_kind": None}, {"organisation": "party_kind"}),
        # Member companies: listed companies only.
        ({"kind": "member", "organisation_kind": "company", "is_listed_company": True}, {}),
        (
            {"kind": "member", "organisation_kind": "company", "is_listed_company": False},
            {"organisation": "not_a_member"},
        ),
        (
            {"kind": "member", "organisation_kind": "ngo", "is_listed_company": True},
            {"organisation": "not_a_member"},
        ),
        ({"kind": "spy"}, {"kind": "unknown_kind"}),
    ],
)
def test_participant_problems(given, problems) -> None:
    assert _problems(**given) == problems


@pytest.mark.parametrize(
    ("dutch", "english", "language", "shown"),
    [
        ("Dialoog", "Dialogue", "en", "Dialogue"),
        ("Dialoog", "Dialogue", "nl", "Dialoog"),
        ("Dialoog", "", "en", "Dialoog"),
        ("Dialoog", "  ", "en", "Dialoog"),
    ],
)
def test_in_language(dutch, english, language, shown) -> None:
    assert rules.in_language(dutch, english, language) == shown


@pytest.mark.parametrize(
    ("started", "ended", "wrong"),
    [
        (date(2026, 1, 1), date(2025, 12, 31), True),
        (date(2026, 1, 1), date(2026, 1, 1), False),
        (None, date(2026, 1, 1), False),
        (date(2026, 1, 1), None, False),
    ],
)
def test_ended_before_started(started, ended, wrong) -> None:
    assert rules.ended_before_started(started, ended) is wrong
