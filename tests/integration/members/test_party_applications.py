"""Applications to become a party (Art. 14): tracked, parties informed, decision."""

import pytest
from django.core import mail
from django.urls import reverse

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


@pytest.mark.parametrize("url_name", ["home", "members:listing", "members:bidder_check"])
def test_a_visitor_finds_the_application_form(client, url_name) -> None:
    """From the home page and the public listing, and from the footer of every page."""
    page = client.get(reverse(url_name))
    html = page.content.decode()
    apply = f'href="{reverse("members:party_application")}"'
    footer = html[html.index('<footer class="site-footer">') :]
    assert apply in footer
    if url_name != "members:bidder_check":
        assert html.count(apply) >= 2  # in the page itself too, not only the footer
