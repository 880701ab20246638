"""Public pages about one member: the same for everyone, never what is not public, and the
same 404 for everyone when the organisation is not (or no longer) listed."""

from __future__ import annotations

import pytest

from .harness import EVERYONE
from .harness.public import PUBLIC_CASES, SETUP, PublicCase

VISITORS = ("anonymous", *EVERYONE)


def _shown(response, case: PublicCase) -> str:
    """The answer without what depends on the visitor: the page's header and footer hold
    the visitor's menu and language switcher."""
    content = response.content.decode()
    if case.api:
        return content
    return content[content.index('<main id="main"') : content.index("</main>")]


@pytest.mark.parametrize("case", PUBLIC_CASES, ids=lambda case: case.name)
def test_a_listed_member_s_page_is_the_same_for_everyone(world, case: PublicCase) -> None:
    SETUP(world)
    url = case.url(world, "company")
    answers = {}
    for who in VISITORS:
        response = world.client(who).get(url)
        assert response.status_code == 200, f"{who} got {response.status_code}"
        answers[who] = _shown(response, case)
        for word in case.hidden:
            assert word not in response.content.decode(), f"{who} reads {word!r}"
    assert len(set(answers.values())) == 1, "the page differs by who asks"


@pytest.mark.parametrize("case", PUBLIC_CASES, ids=lambda case: case.name)
def test_an_ended_or_unlisted_member_is_not_found_for_anyone(world, case: PublicCase) -> None:
    SETUP(world)
    for member in ("other_company", "associated_company", "ngo", "secretariat"):
        url = case.url(world, member)
        for who in VISITORS:
            response = world.client(who).get(url)
            assert response.status_code == 404, f"{who} got {response.status_code} for {member}"
