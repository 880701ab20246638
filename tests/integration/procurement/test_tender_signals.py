"""Tenders that ignore due diligence (Art. 7.12): anyone logged in reports one; the
secretariat records its conversation with the government and closes it; the reporter
sees the outcome, not the conversation."""

import pytest
from django.core import mail
from django.urls import reverse

from procurement.models import TenderSignal, TenderSignalNote

pytestmark = pytest.mark.django_db


def test_an_ngo_reports_a_tender_and_the_secretariat_follows_it_up(
    world, django_capture_on_commit_callbacks
):
    ngo = world.client("ngo_member")
    with django_capture_on_commit_callbacks(execute=True):
        response = ngo.post(
            reverse("procurement:tender_signal_new"),
            {
                "government": world.organisations["government"].pk,
                "government_name": "",
                "tender_title": "Bestrating Domplein",
                "url": "https://www.tenderned.nl/aankondigingen/123",
                "description": "Chinees graniet zonder ISV of enig criterium.",
            },
        )
    assert response.status_code == 302
    signal = TenderSignal.objects.get()
    assert signal.government_name == world.organisations["government"].name
    assert [m.to for m in mail.outbox] == [[world.users["secretariat_admin"].email]]
    url = reverse("procurement:tender_signal", args=[signal.pk])
    coordinator = world.client("secretariat_admin")
    coordinator.post(url, {"action": "note", "body": "Gebeld met de inkoper: ISV volgt."})
    assert TenderSignalNote.objects.filter(signal=signal).count() == 1
    assert coordinator.post(url, {"action": "close", "outcome": ""}).status_code == 400
    coordinator.post(url, {"action": "close", "outcome": "De gemeente past de ISV toe."})
    signal.refresh_from_db()
    assert signal.status == "closed"
    page = ngo.get(url).content.decode()
    assert "De gemeente past de ISV toe." in page
    assert "Gebeld met de inkoper" not in page
    # Another organisation does not see the report.
    assert world.client("company_admin").get(url).status_code == 404
    # Only the coordinator records and closes.
    response = world.client("ngo_admin").post(url, {"action": "note", "body": "Ik ook."})
    assert response.status_code == 404
    assert TenderSignalNote.objects.count() == 1


def test_a_report_names_the_authority_the_tender_and_what_is_missing(world):
    response = world.client("company_admin").post(
        reverse("procurement:tender_signal_new"),
        {"government": "", "government_name": "", "tender_title": "", "description": ""},
    )
    assert response.status_code == 400
    errors = response.context["form"].errors
    assert {"tender_title", "description"} <= set(errors)
    response = world.client("company_admin").post(
        reverse("procurement:tender_signal_new"),
        {"government_name": "", "tender_title": "Kade", "description": "Geen ISV."},
    )
    assert "government_name" in response.context["form"].errors
    assert not TenderSignal.objects.exists()
