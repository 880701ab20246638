"""API tokens: stored as a digest with an expiry; revoked by their owner or by an
administrator of an organisation the owner belongs to. API answers are never cached."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from knox.crypto import hash_token
from knox.models import AuthToken

from members import services
from members.models import Membership
from trustone.access.actor import actor_for
from trustone.audit.models import AuditEntry

pytestmark = pytest.mark.django_db


def make_token(user) -> tuple[AuthToken, Client]:
    key = services.api_token_create(actor=actor_for(user))
    return AuthToken.objects.get(user=user), Client(HTTP_AUTHORIZATION=f"Token {key}")


def test_a_token_works_and_only_its_digest_is_stored(world) -> None:
    user = world.users["company_member"]
    key = services.api_token_create(actor=actor_for(user))
    response = Client(HTTP_AUTHORIZATION=f"Token {key}").get(reverse("api:me"))
    assert response.status_code == 200
    assert response.json()["email"] == user.email
    stored = AuthToken.objects.get(user=user)
    assert key not in {stored.digest, stored.token_key}
    assert len(key) > len(stored.token_key)
    assert stored.digest == hash_token(key)
    assert key.startswith("trustone_")


def test_a_token_expires(world) -> None:
    token, client = make_token(world.users["company_member"])
    ttl = settings.REST_KNOX["TOKEN_TTL"]
    assert timedelta(days=1) < token.expiry - timezone.now() <= ttl
    AuthToken.objects.filter(pk=token.pk).update(expiry=timezone.now() - timedelta(seconds=1))
    assert client.get(reverse("api:me")).status_code == 401


def test_a_token_revoked_by_its_owner_is_refused(world) -> None:
    user = world.users["company_member"]
    _token, client = make_token(user)
    services.api_token_revoke(actor=actor_for(user))
    assert client.get(reverse("api:me")).status_code == 401
    assert not AuthToken.objects.filter(user=user).exists()


def test_a_new_token_replaces_the_old_one(world) -> None:
    user = world.users["company_member"]
    _token, old = make_token(user)
    _token, new = make_token(user)
    assert old.get(reverse("api:me")).status_code == 401
    assert new.get(reverse("api:me")).status_code == 200
    assert AuthToken.objects.filter(user=user).count() == 1


def test_the_account_page_shows_when_the_token_expires(world) -> None:
    browser = world.client("company_member")
    browser.post(reverse("members:profile"), {"action": "create"})
    browser.get(reverse("members:profile"))  # shows the token once
    page = browser.get(reverse("members:profile"))
    token = AuthToken.objects.get(user=world.users["company_member"])
    assert page.context["token"] == token
    assert 'id="api-token-expiry"' in page.content.decode()


def test_an_administrator_revokes_the_token_of_a_person_of_their_organisation(world) -> None:
    member = world.users["company_member"]
    _token, client = make_token(member)
    membership = Membership.objects.get(user=member, organisation=world.organisations["company"])
    admin = world.client("company_admin")
    page = admin.get(reverse("members:organisation_detail", args=[membership.organisation_id]))
    revoke = reverse("members:membership_token_revoke", args=[membership.pk])
    assert revoke in page.content.decode()

    response = admin.post(revoke)
    assert response.status_code == 302
    assert client.get(reverse("api:me")).status_code == 401
    assert not AuthToken.objects.filter(user=member).exists()
    entry = AuditEntry.objects.get(action="api_token_revoked")
    assert entry.user == world.users["company_admin"]
    assert entry.data == {"user": member.email}


@pytest.mark.parametrize(
    "who", ["company_member", "other_company_admin", "secretariat_admin", "government_admin"]
)
def test_nobody_else_revokes_a_persons_token(world, who) -> None:
    owner = world.users["company_admin"]
    _token, client = make_token(owner)
    membership = Membership.objects.get(user=owner, organisation=world.organisations["company"])
    response = world.client(who).post(
        reverse("members:membership_token_revoke", args=[membership.pk])
    )
    assert response.status_code == 404
    assert AuthToken.objects.filter(user=owner).count() == 1
    assert client.get(reverse("api:me")).status_code == 200


def test_an_administrator_sees_no_revoke_button_of_another_organisation(world) -> None:
    _token, _client = make_token(world.users["company_member"])
    page = world.client("secretariat_admin").get(
        reverse("members:organisation_detail", args=[world.organisations["company"].pk])
    )
    assert page.status_code == 200
    assert "api-token/revoke" not in page.content.decode()


@pytest.mark.parametrize(
    "url",
    [
        reverse("api:me"),
        reverse("api:bidder-check") + "?q=steen",
        reverse("schema"),
        "/api/v1/does-not-exist/",
    ],
)
def test_api_answers_are_never_cached(world, url) -> None:
    _token, client = make_token(world.users["company_member"])
    assert client.get(url)["Cache-Control"] == "no-store"
    assert Client().get(url)["Cache-Control"] == "no-store"  # anonymous and 401s too
