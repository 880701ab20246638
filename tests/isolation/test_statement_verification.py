"""The verification of bidder statements is public (declared PUBLIC in procurement.urls):
the same answer for every visitor, what the statement said and nothing else, and the
same refusal for everyone with a code that was not issued."""

from __future__ import annotations

from datetime import date

import pytest

from members.models import CovenantMembership
from procurement.bidders import bidder_by_slug
from procurement.statements import statement_code_display, statement_issue

from .harness import EVERYONE

VISITORS = ("anonymous", *EVERYONE)


def _main(response) -> str:
    content = response.content.decode()
    return content[content.index('<main id="main"') : content.index("</main>")]


@pytest.fixture
def statements(world):
    issued = {}
    for key in ("company", "other_company"):
        organisation = world.organisations[key]
        CovenantMembership.objects.update_or_create(
            organisation=organisation,
            defaults={"member_type": "full", "joined_on": date(2025, 4, 1)},
        )
        issued[key] = statement_issue(organisation_result=bidder_by_slug(organisation.slug))
    return issued


def test_a_statement_reads_the_same_for_everyone(world, statements) -> None:
    url = f"/verify/{statement_code_display(statements['company'])}/"
    answers = set()
    for who in VISITORS:
        response = world.client(who).get(url)
        assert response.status_code == 200, f"{who} got {response.status_code}"
        main = _main(response)
        assert world.organisations["company"].name in main
        # Nothing of another statement: not its company, not its code.
        assert world.organisations["other_company"].name not in main
        assert statements["other_company"].code not in main
        assert statement_code_display(statements["other_company"]) not in main
        answers.add(main)
    assert len(answers) == 1, "the page differs by who asks"


def test_a_code_that_was_not_issued_is_refused_alike_for_everyone(world, statements) -> None:
    answers = set()
    for who in VISITORS:
        response = world.client(who).get("/verify/K7Q2-M9XD-4PRT-8HZA/")
        assert response.status_code == 404, f"{who} got {response.status_code}"
        answers.add(_main(response))
    assert len(answers) == 1
