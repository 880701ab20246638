"""Signing the declaration: an immutable PDF, the join date, a copy by e-mail."""

from datetime import date, timedelta
from io import BytesIO

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from members.models import Declaration
from tests.factories import CovenantMembershipFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def unsigned(world):
    return CovenantMembershipFactory(organisation=world.organisations["company"], joined_on=None)


def sign(client, **overrides):
    data = {
        "signer_name": "Eva van der Steen",
        "signer_function": "Directeur",
        "signed_on": timezone.localdate().isoformat(),
        "agreed": "on",
        **overrides,
    }
    return client.post(reverse("members:declaration_sign"), data)


def pdf_text(file) -> str:
    return "".join(page.extract_text() for page in PdfReader(BytesIO(file.read())).pages)


def test_admin_signs_and_the_signing_date_becomes_the_join_date(
    world, unsigned, django_capture_on_commit_callbacks
) -> None:
    client = world.client("company_admin")
    page = client.get(reverse("members:declaration_sign"))
    assert "D. Verklaring bedrijven" in page.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = sign(client, signed_on="2019-01-02")  # a backdated date is ignored
    assert response.status_code == 302
    declaration = Declaration.objects.get()
    unsigned.refresh_from_db()
    assert unsigned.joined_on == timezone.localdate()
    assert (declaration.chapter, declaration.language) == ("D", "nl")
    with declaration.pdf.open("rb") as file:
        text = pdf_text(file)
    assert "Van der Steen Natuursteen B.V." in text
    assert "Eva van der Steen" in text
    assert "Ondergetekende verklaart kennis te hebben genomen" in text
    [message] = mail.outbox
    assert message.to == [world.users["company_admin"].email]
    assert message.attachments[0][2] == "application/pdf"


def test_english_declaration_in_english(world, unsigned) -> None:
    client = world.client("company_admin")
    client.cookies["django_language"] = "en"
    sign(client)
    declaration = Declaration.objects.get()
    assert declaration.language == "en"
    with declaration.pdf.open("rb") as file:
        assert "The undersigned declares" in pdf_text(file)


def test_missing_agreement_is_refused(world, unsigned) -> None:
    client = world.client("company_admin")
    response = sign(client, agreed="")
    assert response.status_code == 400
    assert set(response.context["form"].errors) == {"agreed"}
    assert not Declaration.objects.exists()
    unsigned.refresh_from_db()
    assert unsigned.joined_on is None


def test_a_declaration_is_signed_once(world, unsigned) -> None:
    client = world.client("company_admin")
    sign(client)
    response = sign(client)
    assert response.status_code == 400
    assert Declaration.objects.count() == 1


@pytest.mark.parametrize(
    ("member_type", "chapter", "phrase"),
    [
        ("government", "E", "Ondertekenende overheid verklaart"),
        ("supporting", "F", "Ondertekende partij"),
    ],
)
def test_governments_and_supporters_sign_their_own_chapter(
    world, member_type, chapter, phrase
) -> None:
    organisation = world.organisations["government" if member_type == "government" else "company"]
    CovenantMembershipFactory(organisation=organisation, member_type=member_type, joined_on=None)
    who = "government_admin" if member_type == "government" else "company_admin"
    client = world.client(who)
    assert phrase in client.get(reverse("members:declaration_sign")).content.decode()
    sign(client)
    assert Declaration.objects.get().chapter == chapter


def test_the_dashboard_asks_the_admin_to_sign(world, unsigned) -> None:
    tasks = world.client("company_admin").get(reverse("members:dashboard")).context["tasks"]
    assert [url for _label, url in tasks] == [reverse("members:declaration_sign")]


def test_the_service_refuses_a_chosen_date(world, unsigned) -> None:
    from django.core.exceptions import ValidationError

    from members.lifecycle import declaration_sign
    from trustone.access.actor import actor_for

    actor = actor_for(world.users["company_admin"])
    with pytest.raises(ValidationError) as error:
        declaration_sign(
            actor=actor,
            organisation=unsigned.organisation,
            signer_name="A",
            signer_function="B",
            signed_on=date(2019, 1, 2),
            language="nl",
            agreed=True,
        )
    assert "signed_on" in error.value.message_dict
    tomorrow = timezone.localdate() + timedelta(days=1)
    with pytest.raises(ValidationError):
        declaration_sign(
            actor=actor,
            organisation=unsigned.organisation,
            signer_name="A",
            signer_function="B",
            signed_on=tomorrow,
            language="nl",
            agreed=True,
            recorded_from_paper=True,
        )
    assert not Declaration.objects.exists()
