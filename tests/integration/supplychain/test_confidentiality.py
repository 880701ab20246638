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
from supplychain.lists.services import statement_record
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
    assert 'name="agreed"' not in page  # ended by the secretariat: signing again does not help
    again = world.client("ngo_admin").post(reverse("lists:statement"), SIGNED)
    assert again.status_code == 400 and ConfidentialityStatement.objects.count() == 1
    far = (timezone.localdate() + timedelta(days=6 * 365)).isoformat()
    response = client.post(
        reverse("lists:statement_expiry", args=[statement.pk]), {"expires_on": far}, follow=True
    )
    statement.refresh_from_db()
    assert statement.expires_on == yesterday  # refused, with a message
    assert "vijf jaar" in response.content.decode() or "five years" in response.content.decode()


def test_a_union_user_and_a_company_never_see_the_linked_list(world) -> None:
    sign(world)
    assert not may_see_linked_list(
        actor_for(world.users["union_member"], world.organisations["union"].pk)
    )
    assert not may_see_linked_list(
        actor_for(world.users["company_admin"], world.organisations["company"].pk)
    )


def test_an_expired_statement_can_be_signed_again_but_not_twice(world) -> None:
    statement = sign(world)
    response = world.client("ngo_admin").post(reverse("lists:statement"), SIGNED)
    assert response.status_code == 400  # already in force
    ConfidentialityStatement.objects.filter(pk=statement.pk).update(
        expires_on=timezone.localdate() - timedelta(days=1)  # ran out, nobody ended it
    )
    assert not may_see_linked_list(actor(world, "ngo_member"))
    sign_again = world.client("ngo_admin").post(reverse("lists:statement"), SIGNED)
    assert sign_again.status_code == 302
    assert may_see_linked_list(actor(world, "ngo_member"))


def test_only_the_newest_statement_counts(world) -> None:
    """Ending the newest statement ends access, even if an older one would run longer."""
    older = sign(world)
    ConfidentialityStatement.objects.filter(pk=older.pk).update(
        expires_on=timezone.localdate() + timedelta(days=300),
        signed_at=timezone.now() - timedelta(days=60),
    )
    newer = statement_record(
        organisation=world.organisations["ngo"],
        signed_by=world.users["ngo_admin"],
        signer_name="Anna de Wit",
        signer_function="Directeur",
        language="nl",
    )
    world.client("secretariat_admin").post(
        reverse("lists:statement_expiry", args=[newer.pk]),
        {"expires_on": timezone.localdate() - timedelta(days=1)},
    )
    assert not may_see_linked_list(actor(world, "ngo_member"))


def test_signing_is_confirmed_by_mail_and_the_coordinator_is_told(
    world, django_capture_on_commit_callbacks
) -> None:
    from django.core import mail

    with django_capture_on_commit_callbacks(execute=True):
        statement = sign(world)
    recipients = sorted(address for message in mail.outbox for address in message.to)
    assert recipients == sorted(
        [world.users["ngo_admin"].email, world.users["secretariat_admin"].email]
    )
    for message in mail.outbox:
        assert "Anna de Wit" in message.body and world.organisations["ngo"].name in message.body
    to_ngo = next(m for m in mail.outbox if m.to == [world.users["ngo_admin"].email])
    assert reverse("lists:statement") in to_ngo.body
    to_coordinator = next(m for m in mail.outbox if m is not to_ngo)
    assert reverse("lists:statements") in to_coordinator.body
    assert statement.signer_name in to_coordinator.body
