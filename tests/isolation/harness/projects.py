"""Isolation cases: the register of projects and dialogues. Every secretariat user and the
steering group read it; only the coordinator writes. (The public pages are public: see
tests/integration/assessments/test_projects_public.py.)"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from .case import SECRETARIAT_ADMIN, SECRETARIAT_ALL, Case

READERS = (*SECRETARIAT_ALL, "steering_member", "steering_admin")


def _project(world: Any) -> Any:
    """An unpublished proposal with a named participant, its document and an entry."""
    from assessments.models import Project, ProjectEntry, ProjectParticipant

    cached = getattr(world, "_project", None)
    if cached is None:
        cached = world._project = Project.objects.create(
            slug="rajasthan",
            name="Dialoog zandsteen Rajasthan",
            kind="dialogue",
            status="proposed",
            country="IN",
            region="Rajasthan",
            summary="Samen tegen kinderarbeid.",
        )
        participant = ProjectParticipant(
            project=cached,
            kind="other",
            name="Kota Stone Processors",
            document="confidentiality",
            document_signed_on=date(2026, 3, 1),
        )
        participant.document_file.save(
            "protocol.pdf", SimpleUploadedFile("protocol.pdf", b"%PDF-1.4 signed"), save=False
        )
        participant.save()
        world._participant = participant
        world._entry = ProjectEntry.objects.create(
            project=cached,
            kind="goal",
            on=date(2026, 1, 1),
            text="Doel",
            recorded_by=world.users["secretariat_admin"],
        )
    return cached


def _participant(world: Any) -> Any:
    _project(world)
    return world._participant


def _entry(world: Any) -> Any:
    _project(world)
    return world._entry


def _projects(world: Any) -> Any:
    from assessments.models import Project

    return list(
        Project.objects.values_list("id", "slug", "kind", "status", "is_published").order_by("id")
    )


def _participants(world: Any) -> Any:
    from assessments.models import ProjectParticipant

    return list(ProjectParticipant.objects.values_list("id", "kind").order_by("id"))


def _entries(world: Any) -> Any:
    from assessments.models import ProjectEntry

    return list(ProjectEntry.objects.values_list("id", "kind").order_by("id"))


def _criteria(world: Any) -> Any:
    from assessments.models import ProjectCriterion

    return list(ProjectCriterion.objects.values_list("id", "criterion").order_by("id"))


def _project_data(world: Any) -> dict[str, Any]:
    return {
        "name": "Graniet Zuid-India",
        "slug": "graniet",
        "kind": "covenant",
        "status": "running",
        "country": "IN",
        "region": "Andhra Pradesh",
    }


CASES: list[Case] = [
    Case(
        "the register of projects",
        url_name="projects:register",
        url=lambda w: (_project(w), reverse("projects:register"))[1],
        allowed=READERS,
    ),
    Case(
        "a project in the register",
        url_name="projects:project",
        url=lambda w: reverse("projects:project", args=[_project(w).pk]),
        allowed=READERS,
    ),
    Case(
        "a project participant's signed document",
        url_name="projects:participant_document",
        url=lambda w: reverse("projects:participant_document", args=[_participant(w).pk]),
        allowed=READERS,
    ),
    Case(
        "the form for a new project",
        url_name="projects:project_new",
        url=lambda w: reverse("projects:project_new"),
        allowed=SECRETARIAT_ADMIN,
    ),
    Case(
        "create a project",
        method="post",
        url_name="projects:project_new",
        url=lambda w: reverse("projects:project_new"),
        data=_project_data,
        allowed=SECRETARIAT_ADMIN,
        state=_projects,
    ),
    Case(
        "the form to change a project",
        url_name="projects:project_edit",
        url=lambda w: reverse("projects:project_edit", args=[_project(w).pk]),
        allowed=SECRETARIAT_ADMIN,
    ),
    Case(
        "change a project",
        method="post",
        url_name="projects:project_edit",
        url=lambda w: reverse("projects:project_edit", args=[_project(w).pk]),
        data=lambda w: {**_project_data(w), "slug": "rajasthan", "region": "Rajasthan"},
        allowed=SECRETARIAT_ADMIN,
        state=_projects,
    ),
    Case(
        "publish a project's public page",
        method="post",
        url_name="projects:project_publish",
        url=lambda w: reverse("projects:project_publish", args=[_project(w).pk]),
        data=lambda w: {"publish": "1"},
        allowed=SECRETARIAT_ADMIN,
        state=_projects,
    ),
    Case(
        "add a project participant",
        method="post",
        url_name="projects:participant_add",
        url=lambda w: reverse("projects:participant_add", args=[_project(w).pk]),
        data=lambda w: {"kind": "party", "organisation": w.organisations["ngo"].pk},
        allowed=SECRETARIAT_ADMIN,
        state=_participants,
    ),
    Case(
        "remove a project participant",
        method="post",
        url_name="projects:participant_remove",
        url=lambda w: reverse("projects:participant_remove", args=[_participant(w).pk]),
        allowed=SECRETARIAT_ADMIN,
        state=_participants,
    ),
    Case(
        "record a project entry",
        method="post",
        url_name="projects:entry_add",
        url=lambda w: reverse("projects:entry_add", args=[_project(w).pk]),
        data=lambda w: {"kind": "decision", "on": "2026-02-01", "text": "Besloten."},
        allowed=SECRETARIAT_ADMIN,
        state=_entries,
    ),
    Case(
        "remove a project entry",
        method="post",
        url_name="projects:entry_remove",
        url=lambda w: reverse("projects:entry_remove", args=[_entry(w).pk]),
        allowed=SECRETARIAT_ADMIN,
        state=_entries,
    ),
    Case(
        "judge a project against a criterion of Bijlage 2",
        method="post",
        url_name="projects:criterion_judge",
        url=lambda w: reverse("projects:criterion_judge", args=[_project(w).pk, "ngos_active"]),
        data=lambda w: {"ngos_active-judgement": "met", "ngos_active-note": "Actief."},
        allowed=SECRETARIAT_ADMIN,
        state=_criteria,
    ),
]
