"""The register of projects and dialogues (Art. 6.15, Bijlage 2): the coordinator keeps
it — projects, participants (a non-member only with its signed document), entries, the
criteria check — and publishes the public page."""

from __future__ import annotations

from datetime import date

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from assessments.models import Project, ProjectCriterion, ProjectEntry, ProjectParticipant
from assessments.projects import selectors, services
from tests.factories import CovenantMembershipFactory
from tests.factories.registry import buy, site
from tests.factories.signals import signal_about
from trustone.access.actor import actor_for
from trustone.audit.models import AuditEntry

pytestmark = pytest.mark.django_db

BUNDI = (25.23, 75.55)  # Budhpura, Rajasthan
PDF = b"%PDF-1.4\n% signed\n"


def english(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def new_project(**fields) -> Project:
    values = {
        "slug": "rajasthan",
        "name": "Dialoog zandsteen Rajasthan",
        "name_en": "Rajasthan sandstone dialogue",
        "kind": "dialogue",
        "status": "running",
        "country": "IN",
        "region": "Rajasthan",
        "stone": "zandsteen",
        "themes": ["child_labour"],
        "summary": "Samen tegen kinderarbeid.",
        "summary_en": "Together against child labour.",
        **fields,
    }
    return Project.objects.create(**values)


def listed_companies(count: int, *, sourcing_in_rajasthan: bool = True) -> list:
    companies = [CovenantMembershipFactory().organisation for _ in range(count)]
    if sourcing_in_rajasthan:
        quarry = site("Budhpura quarry", BUNDI)
        for company in companies:
            buy(company, quarry)
    return companies


def coordinator(world):
    return actor_for(world.users["secretariat_admin"])


def add_member(world, project, company):
    return services.participant_add(
        actor=coordinator(world),
        project=project,
        kind="member",
        organisation=company,
        name="",
        role="Importeur",
        document="",
        document_file=None,
        document_signed_on=None,
        is_public=True,
        joined_on=None,
    )


# --- Projects --------------------------------------------------------------------------


def test_the_coordinator_creates_a_project_with_the_region_as_the_registry_spells_it(world):
    client = world.client("secretariat_admin")
    response = client.post(
        reverse("projects:project_new"),
        {
            "name": "Dialoog zandsteen",
            "slug": "zandsteen",
            "kind": "dialogue",
            "status": "proposed",
            "country": "IN",
            "region": "rajasthan",
            "themes": ["child_labour", "health_and_safety"],
        },
    )
    project = Project.objects.get(slug="zandsteen")
    assert response.status_code == 302
    assert response.url == reverse("projects:project", args=[project.pk])
    assert project.region == "Rajasthan"
    assert project.themes == ["child_labour", "health_and_safety"]
    assert project.updated_by == world.users["secretariat_admin"]
    assert AuditEntry.objects.filter(action="project_created", target_id=str(project.pk)).exists()


def test_a_project_is_changed_and_a_wrong_period_or_a_taken_address_refused(world):
    project = new_project()
    new_project(slug="taken", name="Ander project")
    client = world.client("secretariat_admin")
    data = {
        "name": "Dialoog zandsteen Rajasthan",
        "slug": "rajasthan",
        "kind": "covenant",
        "status": "running",
        "country": "IN",
        "region": "Rajasthan",
        "started_on": "2026-01-01",
        "ended_on": "2025-01-01",
    }
    response = client.post(reverse("projects:project_edit", args=[project.pk]), data)
    assert response.status_code == 400
    response = client.post(
        reverse("projects:project_edit", args=[project.pk]),
        {**data, "ended_on": "", "slug": "taken"},
    )
    assert response.status_code == 400
    project.refresh_from_db()
    assert (project.kind, project.slug) == ("dialogue", "rajasthan")
    response = client.post(
        reverse("projects:project_edit", args=[project.pk]), {**data, "ended_on": ""}
    )
    assert response.status_code == 302
    project.refresh_from_db()
    assert project.kind == "covenant"
    assert project.started_on == date(2026, 1, 1)
    assert AuditEntry.objects.filter(action="project_changed").count() == 1


def test_the_register_filters_by_form_and_status_and_searches_name_and_region(world):
    new_project()
    new_project(slug="granite", name="Graniet Zuid-India", kind="covenant", region="Andhra Pradesh")
    new_project(slug="fujian", name="G654", kind="bilateral", status="proposed", region="Fujian")
    client = world.client("steering_member")

    def names(**query):
        response = client.get(reverse("projects:register"), query)
        assert response.status_code == 200
        return [p.name for p in response.context["page"].object_list]

    assert len(names()) == 3
    assert names(kind="covenant") == ["Graniet Zuid-India"]
    assert names(status="proposed") == ["G654"]
    assert names(q="andhra") == ["Graniet Zuid-India"]
    assert names(q="zandsteen") == ["Dialoog zandsteen Rajasthan"]
    assert names(kind="nonsense") == names()


@pytest.mark.parametrize("rows", [2, 12])
def test_the_register_list_does_not_grow_in_queries(world, django_assert_max_num_queries, rows):
    companies = listed_companies(2, sourcing_in_rajasthan=False)
    for number in range(rows):
        project = new_project(slug=f"p{number}", name=f"Project {number}")
        ProjectParticipant.objects.create(project=project, kind="member", organisation=companies[0])
        ProjectParticipant.objects.create(
            project=project, kind="party", organisation=world.organisations["ngo"]
        )
        ProjectEntry.objects.create(
            project=project,
            kind="goal",
            on=date(2026, 1, 1),
            text="Doel",
            recorded_by=world.users["secretariat_admin"],
        )
    client = world.client("secretariat_member")
    client.get(reverse("projects:register"))  # the session and the actor, once
    with django_assert_max_num_queries(9):
        response = client.get(reverse("projects:register"))
    assert response.status_code == 200
    assert len(response.context["page"].object_list) == rows


# --- Participants ----------------------------------------------------------------------


def _participant_post(world, project, **data):
    values = {
        "kind": "local",
        "organisation": "",
        "name": "Rajasthan Quarry Workers' Collective",
        "role": "Lokale partner",
        "document": "intent",
        "document_signed_on": "2026-03-01",
        "is_public": "on",
        **data,
    }
    return world.client("secretariat_admin").post(
        reverse("projects:participant_add", args=[project.pk]), values
    )


def test_a_party_and_a_listed_member_company_take_part(world):
    project = new_project()
    (company,) = listed_companies(1)
    response = _participant_post(
        world, project, kind="party", organisation=world.organisations["ngo"].pk, document=""
    )
    assert response.status_code == 302
    response = _participant_post(
        world, project, kind="member", organisation=company.pk, document=""
    )
    assert response.status_code == 302
    member = project.participants.get(kind="member")
    assert member.organisation == company
    assert member.is_public is False  # a member company is never named publicly
    assert project.participants.get(kind="party").organisation == world.organisations["ngo"]
    assert AuditEntry.objects.filter(action="project_participant_added").count() == 2


@pytest.mark.parametrize(
    ("kind", "organisation"),
    [
        ("party", "company"),  # a company is no party
        ("member", "company"),  # not a listed member
        ("member", "ngo"),
        ("party", "secretariat"),
    ],
)
def test_a_participant_of_the_wrong_kind_is_refused(world, kind, organisation):
    project = new_project()
    response = _participant_post(
        world, project, kind=kind, organisation=world.organisations[organisation].pk, document=""
    )
    assert response.status_code in {400}
    assert not project.participants.exists()


def test_a_non_member_takes_part_only_with_its_signed_document(world):
    project = new_project()
    response = english(world.client("secretariat_admin")).post(
        reverse("projects:participant_add", args=[project.pk]),
        {
            "kind": "other",
            "name": "Kota Stone Processors",
            "document": "",
            "document_signed_on": "",
        },
    )
    assert response.status_code == 400
    form = response.context["participant_form"]
    assert "declaration of intent or confidentiality protocol" in " ".join(form.errors["document"])
    assert form.errors["document_signed_on"]
    assert form.errors["document_file"]
    assert not ProjectParticipant.objects.exists()


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (SimpleUploadedFile("protocol.pdf", b"MZ\x90\x00 not a pdf"), "does not match"),
        (SimpleUploadedFile("protocol.exe", b"MZ\x90\x00"), "Only PDF"),
        (SimpleUploadedFile("protocol.docx", b"PK\x03\x04word"), "as a PDF"),
        (SimpleUploadedFile("protocol.pdf", b""), "empty"),
    ],
)
def test_an_invalid_upload_is_refused_with_a_clear_error_and_nothing_saved(
    world, upload, message, tmp_path, settings
):
    settings.MEDIA_ROOT = tmp_path
    project = new_project()
    client = english(world.client("secretariat_admin"))
    response = client.post(
        reverse("projects:participant_add", args=[project.pk]),
        {
            "kind": "other",
            "name": "Kota Stone Processors",
            "document": "confidentiality",
            "document_signed_on": "2026-03-01",
            "document_file": upload,
        },
    )
    assert response.status_code == 400
    errors = response.context["participant_form"].errors
    assert message in " ".join(errors.get("document_file", []))
    assert not ProjectParticipant.objects.exists()
    assert not any(path.is_file() for path in tmp_path.rglob("*"))
    assert not AuditEntry.objects.filter(action="project_participant_added").exists()


def test_the_signed_document_is_stored_and_read_only_by_the_register_and_logged(
    world, tmp_path, settings, django_capture_on_commit_callbacks
):
    settings.MEDIA_ROOT = tmp_path
    project = new_project()
    response = _participant_post(
        world,
        project,
        kind="other",
        document="confidentiality",
        document_file=SimpleUploadedFile("protocol.pdf", PDF),
    )
    assert response.status_code == 302
    participant = project.participants.get()
    assert participant.document == "confidentiality"
    assert participant.document_signed_on == date(2026, 3, 1)
    url = reverse("projects:participant_document", args=[participant.pk])
    for who in ("secretariat_member", "steering_member"):
        response = world.client(who).get(url)
        assert response.status_code == 200
        assert b"".join(response.streaming_content) == PDF
    assert AuditEntry.objects.filter(action="project_document_viewed").count() == 2
    assert world.client("ngo_admin").get(url).status_code == 404
    # Removing the participant removes its document.
    with django_capture_on_commit_callbacks(execute=True):
        response = world.client("secretariat_admin").post(
            reverse("projects:participant_remove", args=[participant.pk])
        )
    assert response.status_code == 302
    assert not ProjectParticipant.objects.exists()
    assert not any(path.is_file() for path in tmp_path.rglob("*"))


def test_the_same_organisation_takes_part_once(world):
    project = new_project()
    for expected in (302, 400):
        response = _participant_post(
            world, project, kind="party", organisation=world.organisations["union"].pk, document=""
        )
        assert response.status_code == expected
    assert project.participants.count() == 1


# --- Entries ---------------------------------------------------------------------------


def test_entries_are_recorded_dated_and_public_or_not(world):
    project = new_project()
    client = world.client("secretariat_admin")
    url = reverse("projects:entry_add", args=[project.pk])
    assert (
        client.post(
            url,
            {
                "kind": "decision",
                "on": "2026-02-01",
                "text": "Start.",
                "text_en": "Start.",
                "is_public": "on",
            },
        ).status_code
        == 302
    )
    assert (
        client.post(url, {"kind": "progress", "on": "2026-03-01", "text": "Intern."}).status_code
        == 302
    )
    assert client.post(url, {"kind": "goal", "on": "2026-03-01", "text": ""}).status_code == 400
    assert list(project.entries.order_by("on").values_list("kind", "is_public", "text_en")) == [
        ("decision", True, "Start."),
        ("progress", False, ""),
    ]
    entry = project.entries.get(kind="progress")
    assert client.post(reverse("projects:entry_remove", args=[entry.pk])).status_code == 302
    assert project.entries.count() == 1


# --- Criteria (Bijlage 2) --------------------------------------------------------------


def _judge(world, project, code, judgement, note="", who="secretariat_admin"):
    return english(world.client(who)).post(
        reverse("projects:criterion_judge", args=[project.pk, code]),
        {f"{code}-judgement": judgement, f"{code}-note": note},
    )


def test_three_companies_cannot_be_met_while_the_registry_shows_fewer_than_three(world):
    project = new_project()
    listed_companies(2)
    response = _judge(world, project, "three_companies", "met")
    assert response.status_code == 400
    errors = response.context["criteria"][0][1].errors
    assert "fewer than three" in " ".join(errors["judgement"])
    assert not ProjectCriterion.objects.exists()
    # Not met can be recorded.
    assert _judge(world, project, "three_companies", "not_met", "Twee.").status_code == 302
    row = ProjectCriterion.objects.get()
    assert row.computed == {"registry_companies": 2, "member_participants": 0}


def test_the_registry_count_is_kept_with_the_judgement_and_the_latest_counts(world):
    project = new_project()
    companies = listed_companies(3)
    listed_companies(2, sourcing_in_rajasthan=False)
    add_member(world, project, companies[0])
    assert _judge(world, project, "three_companies", "met", "Drie kopers.").status_code == 302
    row = ProjectCriterion.objects.get()
    assert row.computed == {"registry_companies": 3, "member_participants": 1}
    assert row.judged_by == world.users["secretariat_admin"]
    for code in ("ngos_active", "chain_support", "local_government", "risk_severity"):
        assert _judge(world, project, code, "met").status_code == 302
    assert selectors.bijlage2_check(project, selectors.registry_member_count(project))["meets"]
    # A later judgement supersedes; the history is kept.
    assert _judge(world, project, "local_government", "not_met", "Onduidelijk.").status_code == 302
    assert ProjectCriterion.objects.filter(criterion="local_government").count() == 2
    check = selectors.bijlage2_check(project, 3)
    assert not check["meets"]
    page = english(world.client("steering_member")).get(
        reverse("projects:project", args=[project.pk])
    )
    assert page.status_code == 200
    local = next(c for c, _form in page.context["criteria"] if c.code == "local_government")
    assert (local.latest.judgement, local.latest.note, local.earlier) == (
        "not_met",
        "Onduidelijk.",
        1,
    )
    assert page.context["registry_count"] == 3
    assert page.context["criteria"][0][1] is None  # the steering group reads, no form
    assert "The proposal does not (yet) meet Bijlage 2." in page.content.decode()
    assert AuditEntry.objects.filter(action="project_criterion_judged").count() == 6


def test_an_unknown_criterion_is_not_found(world):
    project = new_project()
    assert _judge(world, project, "tea_leaves", "met").status_code == 404


def test_ngos_active_shows_who_filed_signals_about_the_region_and_who_takes_part(world):
    project = new_project()
    signal_about(world, site("Budhpura quarry", BUNDI))  # the world's NGO, in Rajasthan
    signal_about(world, None, organisation=world.organisations["union"], region="Bundi")
    signal_about(world, None, organisation=world.organisations["union"], region="Somewhere, Ogun")
    ProjectParticipant.objects.create(
        project=project, kind="party", organisation=world.organisations["union"]
    )
    aid = selectors.civil_society_in_region(project)
    assert aid == {"signalled": ["FNV", "India Werkgroep"], "participating": ["FNV"]}
    assert (
        selectors.civil_society_in_region(new_project(slug="x", region="Tamil Nadu"))["signalled"]
        == []
    )
