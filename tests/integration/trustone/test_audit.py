"""The audit log records security-relevant and data-changing actions."""

import pytest
from django.urls import reverse

from tests.conftest import make_user
from tests.factories import OrganisationFactory
from trustone.audit.models import AuditEntry

pytestmark = pytest.mark.django_db


def test_logins_and_failed_logins_are_recorded(client) -> None:
    organisation = OrganisationFactory(name="Kempen Natuursteen B.V.")
    user = make_user(organisation)
    client.post(reverse("account_login"), {"login": user.email, "password": "fout"})
    client.post(reverse("account_login"), {"login": user.email, "password": "Correct-Horse-42"})
    entries = list(
        AuditEntry.objects.order_by("id").values_list("action", "user_email", "organisation__name")
    )
    assert entries == [
        ("login_failed", user.email, None),
        ("login", user.email, "Kempen Natuursteen B.V."),
    ]
    assert AuditEntry.objects.get(action="login").ip_address == "127.0.0.1"


def test_changes_are_recorded_with_the_acting_organisation(world) -> None:
    client = world.client("company_admin")
    client.post(
        reverse("members:invitation_create", args=[world.organisations["company"].pk]),
        {"email": "nieuw@vds.example", "role": "member"},
    )
    entry = AuditEntry.objects.get(action="invitation_sent")
    assert entry.user == world.users["company_admin"]
    assert entry.organisation == world.organisations["company"]
    assert entry.data["email"] == "nieuw@vds.example"


def test_secretariat_reads_and_filters_the_log(world) -> None:
    world.client("company_admin").post(
        reverse("members:invitation_create", args=[world.organisations["company"].pk]),
        {"email": "nieuw@vds.example", "role": "member"},
    )
    assert world.client("secretariat_assessor").get(reverse("audit:log")).status_code == 404
    client = world.client("secretariat_admin")
    page = client.get(reverse("audit:log"), {"action": "invitation_sent"}).context["page"]
    assert [e.action for e in page.object_list] == ["invitation_sent"]
    page = client.get(reverse("audit:log"), {"q": "Van der Steen"}).context["page"]
    assert {e.organisation.name for e in page.object_list} == {"Van der Steen Natuursteen B.V."}


def test_unknown_actions_are_refused() -> None:
    from trustone.audit.services import audit_record

    with pytest.raises(ValueError, match="Unknown audit action"):
        audit_record(actor=None, action="something_new")
