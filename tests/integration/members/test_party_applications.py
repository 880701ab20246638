"""Applications to become a party (Art. 14): tracked, parties informed, decision."""

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation

from members.models import PartyApplication
from tests.conftest import make_user
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def test_an_organisation_applies_and_the_steering_group_decides(
    world, client, django_capture_on_commit_callbacks
) -> None:
    union = OrganisationFactory(name="CNV", kind="union", is_party=True)
    union_admin = make_user(union, "admin")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("members:party_application"),
            {
                "organisation_name": "Stichting Steenwerkers",
                "organisation_kind": "ngo",
                "country": "NL",
                "contact_name": "Priya Raman",
                "contact_email": "priya@steenwerkers.example",
                "motivation": "Wij werken met steenhouwers in Tamil Nadu.",
                "accepts_criteria": "on",
            },
        )
    assert response.status_code == 302
    application = PartyApplication.objects.get()
    recipients = {address for message in mail.outbox for address in message.to}
    assert {"priya@steenwerkers.example", world.users["secretariat_admin"].email} <= recipients

    secretariat = world.client("secretariat_admin")
    url = reverse("members:party_application_detail", args=[application.pk])
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        secretariat.post(url, {"action": "inform"})
    application.refresh_from_db()
    assert application.status == "parties_informed"
    assert [m.to for m in mail.outbox] == [[union_admin.email]]

    with django_capture_on_commit_callbacks(execute=True):
        secretariat.post(
            url, {"approved": "yes", "decided_on": "2026-11-20", "note": "Welkom als partij."}
        )
    application.refresh_from_db()
    assert (application.status, str(application.decided_on)) == ("approved", "2026-11-20")
    assert mail.outbox[-1].to == ["priya@steenwerkers.example"]


def test_an_incomplete_application_says_what_is_missing(client) -> None:
    response = client.post(reverse("members:party_application"), {"organisation_name": "X"})
    assert response.status_code == 400
    assert {"contact_email", "motivation", "accepts_criteria"} <= set(
        response.context["form"].errors
    )
    assert not PartyApplication.objects.exists()


def test_decision_before_informing_the_parties_is_refused(world) -> None:
    application = PartyApplication.objects.create(
        organisation_name="X",
        organisation_kind="ngo",
        country="NL",
        contact_name="Y",
        contact_email="y@example.nl",
        motivation="Z",
        accepts_criteria=True,
    )
    response = world.client("secretariat_admin").post(
        reverse("members:party_application_detail", args=[application.pk]),
        {"approved": "no", "decided_on": "2026-11-20"},
    )
    assert response.status_code == 400
    application.refresh_from_db()
    assert application.status == "submitted"


def _application(**overrides: str) -> dict[str, str]:
    return {
        "organisation_name": "Buy cheap pills at https://spam.example",
        "organisation_kind": "ngo",
        "country": "NL",
        "contact_name": "Visit https://spam.example now",
        "contact_email": "victim@example.nl",
        "motivation": "Click https://spam.example for a prize",
        "added_value": "https://spam.example",
        "accepts_criteria": "on",
        **overrides,
    }


def test_the_confirmation_repeats_nothing_the_sender_typed(
    client, django_capture_on_commit_callbacks
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("members:party_application"), _application())
    [confirmation] = [m for m in mail.outbox if m.to == ["victim@example.nl"]]
    assert "spam.example" not in confirmation.subject + confirmation.body
    assert "TruStone" in confirmation.body


def test_anonymous_applications_are_limited_per_client(
    client, django_capture_on_commit_callbacks
) -> None:
    url = reverse("members:party_application")
    statuses = []
    with django_capture_on_commit_callbacks(execute=True):
        for number in range(12):
            response = client.post(url, _application(contact_email=f"person{number}@example.nl"))
            statuses.append(response.status_code)
    assert statuses == [302] * 5 + [429] * 7
    assert PartyApplication.objects.count() == 5
    assert len([m for m in mail.outbox if m.to[0].startswith("person")]) == 5
    with translation.override("nl"):
        reason = translation.gettext(
            "We have received several applications from you in a short time. "
            "Wait a while before you send another one, or write to the secretariat."
        )
    assert response.context["limited"] == reason
    assert reason in response.content.decode()
    # Another client is not affected.
    other = client.post(url, _application(), REMOTE_ADDR="192.0.2.77")
    assert other.status_code == 302


def test_one_address_gets_few_confirmations_whatever_the_client(client) -> None:
    url = reverse("members:party_application")
    statuses = [
        client.post(url, _application(), REMOTE_ADDR=f"192.0.2.{number}").status_code
        for number in range(1, 6)
    ]
    assert statuses == [302, 302, 302, 429, 429]
    assert PartyApplication.objects.count() == 3


def test_a_forged_forwarded_for_does_not_reset_the_limit(client, settings) -> None:
    settings.TRUSTED_PROXY_COUNT = 1
    url = reverse("members:party_application")
    statuses = [
        client.post(
            url,
            _application(contact_email=f"p{number}@example.nl"),
            # The proxy appends (or writes) the real client last; what the client sent
            # before it does not count.
            HTTP_X_FORWARDED_FOR=f"10.0.0.{number}, 198.51.100.9",
        ).status_code
        for number in range(7)
    ]
    assert statuses == [302] * 5 + [429] * 2


@pytest.mark.parametrize("url_name", ["home", "members:listing", "procurement:bidder_check"])
def test_a_visitor_finds_the_application_form(client, url_name) -> None:
    """From the home page and the public listing, and from the footer of every page."""
    page = client.get(reverse(url_name))
    html = page.content.decode()
    apply = f'href="{reverse("members:party_application")}"'
    footer = html[html.index('<footer class="site-footer">') :]
    assert apply in footer
    if url_name != "procurement:bidder_check":
        assert html.count(apply) >= 2  # in the page itself too, not only the footer
