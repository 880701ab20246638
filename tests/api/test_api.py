"""The REST API: token and session authentication, the acting organisation, the schema."""

import pytest
from django.test import Client
from django.urls import reverse

from members.models import Membership
from tests.api.tokens import token_client

pytestmark = pytest.mark.django_db


def test_token_client_acts_for_the_organisation_in_the_header(world) -> None:
    user = world.users["company_member"]
    Membership.objects.create(
        user=user, organisation=world.organisations["other_company"], role="member"
    )
    me = token_client(user, world.organisations["company"]).get(reverse("api:me")).json()
    assert me["acting_for"]["name"] == "Van der Steen Natuursteen B.V."
    assert me["role"] == "member"
    assert {m["organisation"]["slug"] for m in me["memberships"]} == {"vds", "gin"}


def test_an_organisation_that_is_not_yours_is_not_found(world) -> None:
    client = token_client(world.users["company_member"], world.organisations["other_company"])
    assert client.get(reverse("api:me")).status_code == 404


def test_organisations_list_shows_only_your_own(world) -> None:
    client = token_client(world.users["company_admin"])
    names = [o["name"] for o in client.get(reverse("api:organisation-list")).json()["results"]]
    assert names == ["Van der Steen Natuursteen B.V."]
    secretariat = world.client("secretariat_admin")
    results = secretariat.get(reverse("api:organisation-list")).json()["results"]
    assert len(results) == len(world.organisations)


def test_a_wrong_token_is_refused(world) -> None:
    client = Client(HTTP_AUTHORIZATION="Token 0000000000000000000000000000000000000000")
    assert client.get(reverse("api:me")).status_code == 401


def test_api_token_is_created_on_the_account_page_and_works(world) -> None:
    browser = world.client("company_admin")
    browser.post(reverse("members:profile"), {"action": "create"})
    key = browser.get(reverse("members:profile")).context["new_token"]
    assert browser.get(reverse("members:profile")).context["new_token"] is None  # shown once
    api = Client(HTTP_AUTHORIZATION=f"Token {key}")
    assert api.get(reverse("api:me")).json()["email"] == world.users["company_admin"].email
    browser.post(reverse("members:profile"), {"action": "revoke"})
    assert api.get(reverse("api:me")).status_code == 401


def test_schema_and_docs_are_served(client) -> None:
    schema = client.get(reverse("schema"), HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert schema.status_code == 200
    paths = schema.json()["paths"]
    assert {"/api/v1/me/", "/api/v1/organisations/", "/api/v1/jobs/{id}/"} <= set(paths)
    docs = client.get(reverse("api-docs"))
    assert docs.status_code == 200
    assert b"swagger-ui" in docs.content
