"""The register of projects: publishing a project, its public page and what the annual
report and the steering group get from it (split from test_projects.py)."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from assessments.models import Project, ProjectEntry, ProjectParticipant
from assessments.projects import selectors
from tests.integration.assessments.test_projects import (
    add_member,
    english,
    listed_companies,
    new_project,
)
from trustone.access.actor import actor_for
from trustone.audit.models import AuditEntry

# --- Publishing and the public page ----------------------------------------------------


def test_publishing_needs_a_summary_and_can_be_undone(world):
    project = new_project(summary="")
    client = world.client("secretariat_admin")
    url = reverse("projects:project_publish", args=[project.pk])
    public = reverse("projects:public_detail", args=[project.slug])
    client.post(url, {"publish": "1"})
    project.refresh_from_db()
    assert project.is_published is False
    Project.objects.filter(pk=project.pk).update(summary="Samen.")
    client.post(url, {"publish": "1"})
    project.refresh_from_db()
    assert project.is_published is True
    assert world.client("anonymous").get(public).status_code == 200
    client.post(url, {"publish": "0"})
    assert world.client("anonymous").get(public).status_code == 404
    assert list(
        AuditEntry.objects.filter(action__startswith="project_")
        .values_list("action", flat=True)
        .order_by("id")
    ) == ["project_published", "project_unpublished"]


def _public_world(world, members: int) -> Project:
    project = new_project(is_published=True)
    for company in listed_companies(members):
        add_member(world, project, company)
    ProjectParticipant.objects.create(
        project=project,
        kind="party",
        organisation=world.organisations["ngo"],
        is_public=True,
        role="Onderzoek",
    )
    ProjectParticipant.objects.create(
        project=project, kind="party", organisation=world.organisations["union"], is_public=False
    )
    ProjectParticipant.objects.create(
        project=project,
        kind="local",
        name="Quarry Workers Forum",
        is_public=True,
        document="intent",
    )
    ProjectParticipant.objects.create(
        project=project,
        kind="other",
        name="Secret Exporters Ltd",
        is_public=False,
        document="confidentiality",
    )
    user = world.users["secretariat_admin"]
    ProjectEntry.objects.create(
        project=project,
        kind="goal",
        on=date(2026, 1, 1),
        text="Doel publiek",
        text_en="Public goal",
        is_public=True,
        recorded_by=user,
    )
    ProjectEntry.objects.create(
        project=project,
        kind="progress",
        on=date(2026, 2, 1),
        text="Vertrouwelijk overleg",
        is_public=False,
        recorded_by=user,
    )
    return project


@pytest.mark.parametrize("members", [0, 1, 2, 3, 4])
def test_the_public_page_never_names_member_companies_and_counts_them_only_from_three(
    world, members
):
    project = _public_world(world, members)
    names = list(
        project.participants.filter(kind="member").values_list("organisation__name", flat=True)
    )
    response = english(world.client("anonymous")).get(
        reverse("projects:public_detail", args=[project.slug])
    )
    assert response.status_code == 200
    page = response.content.decode()
    for name in names:
        assert name not in page
    assert "India Werkgroep" in page and "Quarry Workers Forum" in page
    assert "FNV" not in page and "Secret Exporters" not in page
    assert "Public goal" in page and "Vertrouwelijk" not in page
    assert "Together against child labour." in page
    assert "Rajasthan sandstone dialogue" in page
    if members >= 3:
        assert f"{members} TruStone member companies" in page
        assert "Fewer than three" not in page
    elif members:
        assert "Fewer than three TruStone member companies" in page
    else:
        assert "member compan" not in page.split("Who takes part")[1].split("Decisions")[0].replace(
            "Member companies are not named", ""
        )
    row = selectors.public_projects()[0]
    assert row["member_companies"] == (members if members >= 3 else None)
    assert row["participants"] == ["India Werkgroep", "Quarry Workers Forum"]
    assert [e["text"] for e in row["entries"]] == ["Doel publiek"]


def test_the_public_page_is_in_dutch_unless_english_is_asked_for(world):
    project = _public_world(world, 3)
    url = reverse("projects:public_detail", args=[project.slug])
    dutch = world.client("anonymous").get(url, HTTP_ACCEPT_LANGUAGE="nl").content.decode()
    assert "Dialoog zandsteen Rajasthan" in dutch and "Doel publiek" in dutch
    assert "Public goal" not in dutch
    Project.objects.filter(pk=project.pk).update(name_en="")
    englished = english(world.client("anonymous")).get(url).content.decode()
    assert "Dialoog zandsteen Rajasthan" in englished  # no English name: the Dutch one


def test_public_projects_for_the_annual_report(world):
    _public_world(world, 3)
    new_project(slug="hidden", name="Niet gepubliceerd")
    rows = selectors.public_projects()
    assert [row["slug"] for row in rows] == ["rajasthan"]
    row = rows[0]
    assert set(row) >= {
        "name",
        "name_en",
        "kind_label",
        "status",
        "country",
        "region",
        "stone",
        "themes",
        "summary",
        "summary_en",
        "member_companies",
        "participants",
        "entries",
    }
    assert (row["kind"], row["country"], row["region"], row["themes"]) == (
        "dialogue",
        "IN",
        "Rajasthan",
        ["child_labour"],
    )
    assert row["member_companies"] == 3
    assert row["entries"][0]["text_en"] == "Public goal"


def test_the_public_list_shows_the_published_projects_only(world):
    new_project(is_published=True)
    new_project(slug="hidden", name="Niet gepubliceerd")
    page = world.client("anonymous").get(reverse("projects:public_list")).content.decode()
    assert "Dialoog zandsteen Rajasthan" in page
    assert "Niet gepubliceerd" not in page


def test_the_steering_group_is_told_of_proposals_waiting_for_a_decision(world):
    from trustone.dashboard import tasks_for

    new_project(status="proposed")
    tasks = tasks_for(actor_for(world.users["steering_member"]))
    assert any(url.endswith("?status=proposed") for _label, url in tasks)
    assert not any(
        "project-register" in url for _l, url in tasks_for(actor_for(world.users["ngo_admin"]))
    )
