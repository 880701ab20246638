"""Invitations: the secretariat invites organisations, admins invite colleagues."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from members.models import Invitation, Membership, Organisation, User
from tests.factories import InvitationFactory

pytestmark = pytest.mark.django_db


def invitation_link(message) -> str:
    return re.search(r"http://testserver(/invitation/\S+/)", message.body).group(1)


def test_secretariat_registers_an_organisation_and_invites_its_admin(
    world, django_capture_on_commit_callbacks
) -> None:
    client = world.client("secretariat_admin")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("members:organisation_create"),
            {
                "name": "Steengroothandel Noord B.V.",
                "kind": "company",
                "country": "NL",
                "city": "Zwolle",
                "registration_number": "05012345",
                "email": "Inkoop@Noord.example",
            },
        )
    organisation = Organisation.objects.get(name="Steengroothandel Noord B.V.")
    assert response.status_code == 302
    assert response.url == reverse("members:organisation_detail", args=[organisation.pk])
    invitation = Invitation.objects.get(organisation=organisation)
    assert (invitation.email, invitation.role) == ("inkoop@noord.example", "admin")
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["inkoop@noord.example"]
    assert "Steengroothandel Noord B.V." in mail.outbox[0].subject
    assert "Uitnodiging" in mail.outbox[0].subject  # Dutch for a Dutch organisation


def test_invalid_registration_says_which_field_is_wrong_and_creates_nothing(world) -> None:
    client = world.client("secretariat_admin")
    before = Organisation.objects.count()
    response = client.post(
        reverse("members:organisation_create"),
        {"name": "", "kind": "company", "country": "NL", "email": "geen-adres"},
    )
    assert response.status_code == 400
    form = response.context["form"]
    assert set(form.errors) == {"name", "email"}
    assert "Voer een geldig e-mailadres in." in form.errors["email"]
    assert Organisation.objects.count() == before
    assert mail.outbox == []


def test_invited_person_sets_a_password_and_is_logged_in(
    client, world, django_capture_on_commit_callbacks
) -> None:
    admin = world.client("company_admin")
    with django_capture_on_commit_callbacks(execute=True):
        admin.post(
            reverse("members:invitation_create", args=[world.organisations["company"].pk]),
            {"email": "nieuwe.collega@vds.example", "role": "member"},
        )
    link = invitation_link(mail.outbox[-1])

    page = client.get(link)
    assert page.status_code == 200
    assert "nieuwe.collega@vds.example" in page.content.decode()
    response = client.post(
        link,
        {
            "full_name": "Nieuwe Collega",
            "password1": "Marmer-Carrara-77",
            "password2": "Marmer-Carrara-77",
        },
    )
    assert response.status_code == 302
    user = User.objects.get(email="nieuwe.collega@vds.example")
    assert user.check_password("Marmer-Carrara-77")
    membership = Membership.objects.get(user=user)
    assert (membership.organisation, membership.role) == (world.organisations["company"], "member")
    dashboard = client.get(reverse("members:dashboard"))
    assert dashboard.context["actor"].user == user
    # The link works once.
    assert client.get(link).status_code == 404


def test_weak_or_different_passwords_are_refused_with_reasons(client, world) -> None:
    invitation = InvitationFactory(organisation=world.organisations["company"], token="abc")
    url = reverse("members:invitation_accept", args=["abc"])
    response = client.post(url, {"full_name": "A", "password1": "kort", "password2": "kort"})
    assert response.status_code == 400
    assert "Dit wachtwoord is te kort" in " ".join(response.context["form"].errors["password1"])
    response = client.post(
        url, {"full_name": "A", "password1": "Graniet-Lang-123", "password2": "Graniet-Lang-124"}
    )
    assert response.context["form"].errors["password2"] == [
        "De twee wachtwoorden zijn niet gelijk."
    ]
    assert not User.objects.filter(email=invitation.email).exists()


@pytest.mark.parametrize(
    "change",
    [
        {"expires_at": timezone.now() - timedelta(minutes=1)},
        {"revoked_at": timezone.now()},
        {"accepted_at": timezone.now()},
    ],
    ids=["expired", "revoked", "accepted"],
)
def test_an_ended_invitation_is_not_found(client, world, change) -> None:
    InvitationFactory(organisation=world.organisations["company"], token="ended", **change)
    assert client.get(reverse("members:invitation_accept", args=["ended"])).status_code == 404
    assert client.get(reverse("members:invitation_accept", args=["no-such"])).status_code == 404


def test_a_new_invitation_replaces_the_open_one(world) -> None:
    admin = world.client("company_admin")
    url = reverse("members:invitation_create", args=[world.organisations["company"].pk])
    admin.post(url, {"email": "dubbel@vds.example", "role": "member"})
    admin.post(url, {"email": "dubbel@vds.example", "role": "admin"})
    invitations = Invitation.objects.filter(email="dubbel@vds.example")
    assert [(i.role, i.revoked_at is None) for i in invitations] == [
        ("admin", True),
        ("member", False),
    ]


def test_inviting_an_existing_colleague_or_a_wrong_role_is_refused(world) -> None:
    admin = world.client("company_admin")
    url = reverse("members:invitation_create", args=[world.organisations["company"].pk])
    response = admin.post(url, {"email": world.users["company_member"].email, "role": "member"})
    assert response.status_code == 400
    assert response.context["form"].errors["email"] == ["Deze persoon hoort al bij de organisatie."]
    response = admin.post(url, {"email": "x@vds.example", "role": "assessor"})
    assert response.status_code == 400
    assert "role" in response.context["form"].errors
    assert not Invitation.objects.filter(organisation=world.organisations["company"]).exists()


def test_existing_user_accepts_an_invitation_to_a_second_organisation(world) -> None:
    user = world.users["company_member"]
    InvitationFactory(
        organisation=world.organisations["other_company"],
        email=user.email,
        role="member",
        token="tweede",
    )
    client = world.client("company_member")
    response = client.post(reverse("members:invitation_accept", args=["tweede"]))
    assert response.status_code == 302
    assert set(user.memberships.values_list("organisation__slug", flat=True)) == {"vds", "gin"}


def test_an_admin_withdraws_an_invitation(world) -> None:
    invitation = InvitationFactory(organisation=world.organisations["company"], token="weg")
    response = world.client("company_admin").post(
        reverse("members:invitation_revoke", args=[invitation.pk])
    )
    assert response.status_code == 302
    invitation.refresh_from_db()
    assert invitation.revoked_at is not None
    assert (
        world.client("anonymous")
        .get(reverse("members:invitation_accept", args=["weg"]))
        .status_code
        == 404
    )


def test_an_organisation_is_not_registered_twice(world) -> None:
    client = world.client("secretariat_admin")
    data = {
        "name": "van der steen natuursteen b.v.",
        "kind": "company",
        "country": "NL",
        "email": "nieuw@vds.example",
    }
    response = client.post(reverse("members:organisation_create"), data)
    assert response.status_code == 400
    assert "Van der Steen Natuursteen B.V. is al geregistreerd" in str(
        response.context["form"].non_field_errors()
    )
    assert Organisation.objects.filter(name__iexact=data["name"]).count() == 1


def test_replacing_an_open_invitation_is_announced(world) -> None:
    admin = world.client("company_admin")
    url = reverse("members:invitation_create", args=[world.organisations["company"].pk])
    admin.post(url, {"email": "dubbel@vds.example", "role": "member"})
    response = admin.post(url, {"email": "dubbel@vds.example", "role": "member"}, follow=True)
    texts = [str(m) for m in response.context["messages"]]
    assert any("eerdere openstaande uitnodiging" in text for text in texts)
    assert admin.get(url).status_code == 302  # the form's URL sends plain visits back
