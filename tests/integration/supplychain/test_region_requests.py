"""Requests for the aggregated list of one region (Art. 6.4): an NGO asks for a local
partner whose signed confidentiality clause comes with it; the coordinator decides; once
approved, the export holds that region only, marked with the viewer and the partner."""

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from supplychain.lists import services
from supplychain.lists.building import list_publish
from supplychain.models import RegionRequest
from tests.factories import CovenantMembershipFactory
from tests.factories.registry import buy, site
from trustone.access.actor import actor_for
from trustone.audit.models import AuditEntry

pytestmark = pytest.mark.django_db

KOTA, PRAKASAM = (25.18, 75.83), (15.58, 79.87)


@pytest.fixture
def aggregated(world):
    companies = [CovenantMembershipFactory().organisation for _ in range(3)]
    for name, where in (("Mahaveer Kota", KOTA), ("Ongole Black", PRAKASAM)):
        quarry = site(name, where)
        for company in companies:
            buy(company, quarry)
    return list_publish("aggregated")[0]


def clause(name="clausule.pdf", content=b"%PDF-1.4 signed clause"):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def ask(world, **changes):
    values = {
        "country": "IN",
        "region": "Rajasthan",
        "partner_name": "Mine Labour Protection Campaign",
        "partner_contact": "R. Singh",
        "purpose": "Veldonderzoek naar silicose",
        "clause": clause(),
        **changes,
    }
    return services.region_request_create(actor=actor_for(world.users["ngo_admin"]), **values)


def test_the_regions_to_ask_for_are_those_of_the_aggregated_list(world, aggregated):
    with pytest.raises(ValidationError) as error:
        ask(world, region="Gujarat")
    assert "region" in error.value.message_dict
    assert RegionRequest.objects.count() == 0


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (None, "Add the confidentiality clause"),
        (clause("clausule.docx"), "must be a PDF"),
        (clause(content=b"not a pdf at all"), "does not match"),
    ],
)
def test_the_signed_clause_must_be_a_pdf(world, aggregated, upload, message):
    with translation.override("en"), pytest.raises(ValidationError) as error:
        ask(world, clause=upload)
    assert message.lower() in " ".join(error.value.message_dict["clause"]).lower()
    assert RegionRequest.objects.count() == 0


def test_every_field_says_what_is_missing(world, aggregated):
    with pytest.raises(ValidationError) as error:
        ask(world, partner_name=" ", partner_contact="", purpose="")
    assert set(error.value.message_dict) == {"partner_name", "partner_contact", "purpose"}


def test_a_request_tells_the_secretariat(world, aggregated, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        request = ask(world)
    assert request.status == "requested" and request.clause_name == "clausule.pdf"
    assert [m.to for m in mail.outbox] == [[world.users["secretariat_admin"].email]]
    assert "Rajasthan" in mail.outbox[0].body
    assert AuditEntry.objects.filter(action="region_request_created").count() == 1


def test_approved_the_export_holds_the_region_only(
    client, world, aggregated, django_capture_on_commit_callbacks
):
    request = ask(world)
    with django_capture_on_commit_callbacks(execute=True):
        services.region_request_decide(
            actor=actor_for(world.users["secretariat_admin"]),
            request=request,
            approve=True,
            note="",
        )
    assert [m.to for m in mail.outbox] == [[world.users["ngo_admin"].email]]
    client.force_login(world.users["ngo_member"])
    page = client.get(reverse("lists:request", args=[request.pk])).content.decode()
    assert "Mahaveer Kota" in page and "Ongole Black" not in page
    export = client.get(reverse("lists:request_export", args=[request.pk]), {"format": "csv"})
    text = export.content.decode("utf-8-sig")
    first_line = text.splitlines()[0]
    assert "Mine Labour Protection Campaign" in first_line
    assert world.users["ngo_member"].full_name in first_line
    assert world.organisations["ngo"].name in first_line
    assert "Mahaveer Kota" in text and "Ongole Black" not in text
    assert AuditEntry.objects.filter(action="region_list_exported").count() == 1


def test_before_approval_there_is_nothing_to_export(client, world, aggregated):
    request = ask(world)
    client.force_login(world.users["ngo_admin"])
    assert client.get(reverse("lists:request_export", args=[request.pk])).status_code == 404


def test_a_refusal_says_why_and_is_final(world, aggregated):
    request = ask(world)
    coordinator = actor_for(world.users["secretariat_admin"])
    with pytest.raises(ValidationError) as error:
        services.region_request_decide(actor=coordinator, request=request, approve=False, note="")
    assert "note" in error.value.message_dict
    services.region_request_decide(
        actor=coordinator, request=request, approve=False, note="Eerst een project starten."
    )
    with pytest.raises(ValidationError):
        services.region_request_decide(actor=coordinator, request=request, approve=True, note="")
    request.refresh_from_db()
    assert request.status == "refused" and request.decision_note == "Eerst een project starten."


def test_ending_an_approved_request_closes_the_export(client, world, aggregated):
    request = ask(world)
    services.region_request_decide(
        actor=actor_for(world.users["secretariat_admin"]), request=request, approve=True, note=""
    )
    services.region_request_withdraw(actor=actor_for(world.users["ngo_admin"]), request=request)
    client.force_login(world.users["ngo_admin"])
    assert client.get(reverse("lists:request_export", args=[request.pk])).status_code == 404


def test_the_form_shows_errors_next_to_the_fields(client, world, aggregated):
    client.force_login(world.users["ngo_admin"])
    response = client.post(
        reverse("lists:requests"),
        {"region": "IN|Rajasthan", "partner_name": "", "partner_contact": "x", "purpose": "y"},
        HTTP_ACCEPT_LANGUAGE="nl",
    )
    assert response.status_code == 400
    assert RegionRequest.objects.count() == 0
    page = response.content.decode()
    assert 'aria-invalid="true"' in page or "errorlist" in page
