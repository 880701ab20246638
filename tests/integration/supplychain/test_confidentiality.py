"""The confidentiality statement (Art. 6.3): an NGO's administrator signs it in the
portal as a PDF; it is in force for a year unless the coordinator sets another date; only
while it is in force do the organisation's users get the linked list."""

from datetime import timedelta
from io import BytesIO

import pytest
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from supplychain.lists.selectors import may_see_linked_list
from supplychain.models import ConfidentialityStatement
from trustone.access.actor import actor_for
from trustone.audit.models import AuditEntry

pytestmark = pytest.mark.django_db

SIGNED = {"signer_name": "Anna de Wit", "signer_function": "Directeur", "agreed": "on"}


def sign(world):
    response = world.client("ngo_admin").post(reverse("lists:statement"), SIGNED)
    assert response.status_code == 302
    return ConfidentialityStatement.objects.get()


def actor(world, key):
    return actor_for(world.users[key], world.organisations["ngo"].pk)


def test_signing_stores_a_pdf_of_what_was_signed_valid_for_a_year(world) -> None:
    assert not may_see_linked_list(actor(world, "ngo_member"))
    statement = sign(world)
    assert statement.expires_on == timezone.localdate() + timedelta(days=365)
    with statement.pdf.open("rb") as file:
        text = "".join(page.extract_text() for page in PdfReader(BytesIO(file.read())).pages)
    assert "Vertrouwelijkheidsverklaring gekoppelde lijst" in text
    assert "Anna de Wit" in text and world.organisations["ngo"].name in text
    assert may_see_linked_list(actor(world, "ngo_member"))
    assert AuditEntry.objects.filter(action="confidentiality_signed").count() == 1
    page = world.client("ngo_member").get(reverse("lists:statement")).content.decode()
    assert reverse("lists:statement_pdf", args=[statement.pk]) in page


def test_the_box_must_be_ticked_and_nothing_is_signed_otherwise(world) -> None:
    response = world.client("ngo_admin").post(reverse("lists:statement"), {**SIGNED, "agreed": ""})
    assert response.status_code == 400
    assert "Vink het vakje aan" in response.content.decode() or "Tick the box" in (
        response.content.decode()
    )
    assert not ConfidentialityStatement.objects.exists()


def test_a_member_is_asked_to_find_an_administrator(world) -> None:
    page = world.client("ngo_member").get(reverse("lists:statement")).content.decode()
    assert 'name="agreed"' not in page
    assert reverse("lists:statement") in page  # the menu


def test_the_coordinator_ends_or_extends_access(world) -> None:
    statement = sign(world)
    client = world.client("secretariat_admin")
    yesterday = timezone.localdate() - timedelta(days=1)
    client.post(reverse("lists:statement_expiry", args=[statement.pk]), {"expires_on": yesterday})
    statement.refresh_from_db()
    assert statement.expires_on == yesterday
    assert statement.expiry_set_by == world.users["secretariat_admin"]
    assert not may_see_linked_list(actor(world, "ngo_member"))
    page = world.client("ngo_admin").get(reverse("lists:statement")).content.decode()
    assert 'name="agreed"' in page  # sign again
    before_signing = (statement.signed_at.date() - timedelta(days=1)).isoformat()
    response = client.post(
        reverse("lists:statement_expiry", args=[statement.pk]),
        {"expires_on": before_signing},
        follow=True,
    )
    statement.refresh_from_db()
    assert statement.expires_on == yesterday  # refused, with a message
    assert 'role="alert"' in response.content.decode() or "error" in response.content.decode()


def test_a_union_user_and_a_company_never_see_the_linked_list(world) -> None:
    sign(world)
    assert not may_see_linked_list(
        actor_for(world.users["union_member"], world.organisations["union"].pk)
    )
    assert not may_see_linked_list(
        actor_for(world.users["company_admin"], world.organisations["company"].pk)
    )
