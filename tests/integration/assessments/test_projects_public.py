"""The public pages of the projects and dialogues are public, and still default-deny in
what they show: every actor of the test world, and anonymous visitors, read the same page
of a published project (nothing depends on who asks); an unpublished or unknown project
is not found for everyone — the register has its own page."""

from __future__ import annotations

import pytest
from django.urls import reverse

from assessments.models import Project, ProjectParticipant
from tests.conftest import WORLD_USERS
from tests.factories import CovenantMembershipFactory

pytestmark = pytest.mark.django_db

EVERYONE = ["anonymous", *(key for key, _organisation, _role in WORLD_USERS)]


@pytest.fixture
def projects(world):
    published = Project.objects.create(
        slug="rajasthan",
        name="Dialoog zandsteen Rajasthan",
        kind="dialogue",
        status="running",
        country="IN",
        region="Rajasthan",
        summary="Samen tegen kinderarbeid.",
        is_published=True,
    )
    for _ in range(3):
        ProjectParticipant.objects.create(
            project=published,
            kind="member",
            organisation=CovenantMembershipFactory().organisation,
            is_public=True,  # even if set: a member company is never named
        )
    ProjectParticipant.objects.create(
        project=published, kind="member", organisation=world.organisations["company"]
    )
    hidden = Project.objects.create(
        slug="fujian",
        name="G654 Fujian",
        kind="bilateral",
        status="proposed",
        country="CN",
        region="Fujian",
        summary="Voorstel.",
    )
    return published, hidden


def _main(response) -> str:
    """The page without the header, which shows who is logged in."""
    return response.content.decode().split('<main id="main"', 1)[1]


@pytest.mark.parametrize("who", EVERYONE)
def test_everyone_reads_the_same_public_pages(world, projects, who):
    published, _hidden = projects
    client = world.client(who)
    anonymous = world.client("anonymous")
    for url in (
        reverse("projects:public_list"),
        reverse("projects:public_detail", args=[published.slug]),
    ):
        response = client.get(url, HTTP_ACCEPT_LANGUAGE="nl")
        assert response.status_code == 200
        assert _main(response) == _main(anonymous.get(url, HTTP_ACCEPT_LANGUAGE="nl"))
        assert "Van der Steen" not in _main(response)


@pytest.mark.parametrize("who", EVERYONE)
def test_an_unpublished_or_unknown_project_is_not_found_for_everyone(world, projects, who):
    _published, hidden = projects
    client = world.client(who)
    for slug in (hidden.slug, "nowhere"):
        assert client.get(reverse("projects:public_detail", args=[slug])).status_code == 404
    assert "G654" not in client.get(reverse("projects:public_list")).content.decode()
