"""The list of grievance mechanisms (Art. 11.3, 11.6): public, with the OECD National
Contact Points from the start; the coordinator keeps it."""

import pytest
from django.urls import reverse

from complaints.models import GrievanceMechanism
from trustone.audit.models import AuditEntry

pytestmark = pytest.mark.django_db


def test_the_national_contact_points_are_always_listed(client):
    page = client.get(reverse("complaints:mechanisms"), HTTP_COOKIE="django_language=nl")
    text = page.content.decode()
    assert page.status_code == 200
    assert "Nationaal Contactpunt OESO-richtlijnen (Nederland)" in text
    assert "Nationaal Contactpunt OESO-richtlijnen (België)" in text


def test_the_coordinator_adds_changes_and_hides_a_mechanism(world, client):
    coordinator = world.client("secretariat_admin")
    response = coordinator.post(
        reverse("complaints:mechanism_new"),
        {
            "name": "Grievance Portal Rajasthan",
            "kind": "local",
            "description_nl": "Lokaal klachtenloket van de mijnbouwdienst.",
            "description_en": "The mining department's local grievance desk.",
            "url": "https://example.org/grievance",
            "where": "Rajasthan",
            "members_can_join": "on",
            "is_active": "on",
        },
    )
    assert response.status_code == 302
    mechanism = GrievanceMechanism.objects.get(name="Grievance Portal Rajasthan")
    assert mechanism.members_can_join
    assert "Lokaal klachtenloket" in client.get(reverse("complaints:mechanisms")).content.decode()
    response = coordinator.post(
        reverse("complaints:mechanism_edit", args=[mechanism.pk]),
        {
            "name": mechanism.name,
            "kind": "local",
            "description_nl": mechanism.description_nl,
            "description_en": mechanism.description_en,
        },
    )
    assert response.status_code == 302
    mechanism.refresh_from_db()
    assert not mechanism.is_active
    assert (
        "Lokaal klachtenloket" not in client.get(reverse("complaints:mechanisms")).content.decode()
    )
    assert (
        "Lokaal klachtenloket" in coordinator.get(reverse("complaints:mechanisms")).content.decode()
    )
    assert AuditEntry.objects.filter(action="grievance_mechanism_saved").count() == 2


def test_a_bad_address_is_refused_next_to_the_field(world):
    response = world.client("secretariat_admin").post(
        reverse("complaints:mechanism_new"),
        {"name": "X", "kind": "other", "description_nl": "x", "description_en": "x", "url": "geen"},
    )
    assert response.status_code == 400
    assert 'aria-invalid="true"' in response.content.decode()
    assert not GrievanceMechanism.objects.filter(name="X").exists()
