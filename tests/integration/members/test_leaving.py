"""Notice, refusals, the dispute hook and terminations recorded by the secretariat."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from members.disputes import register_dispute_check, unregister_dispute_check
from members.models import Termination
from members.rules import notice_outcome
from tests.factories import CovenantMembershipFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def member(world):
    return CovenantMembershipFactory(
        organisation=world.organisations["company"],
        joined_on=timezone.localdate() - timedelta(days=800),
    )


def test_notice_shows_the_end_date_first_and_then_records_it(world, member) -> None:
    client = world.client("company_admin")
    preview = client.get(reverse("members:notice"))
    expected = notice_outcome(
        member_kind="company",
        signed_on=member.joined_on,
        notice_on=timezone.localdate(),
        dispute_pending=False,
    ).ends_on
    assert preview.context["outcome"].ends_on == expected
    response = client.post(
        reverse("members:notice"), {"reason": "Wij stoppen met import.", "confirm": "on"}
    )
    assert response.status_code == 302
    termination = Termination.objects.get()
    member.refresh_from_db()
    assert (termination.kind, termination.ends_on, member.ends_on) == ("notice", expected, expected)
    # Notice cannot be given twice.
    assert client.get(reverse("members:notice")).context["refusal"]


def test_notice_within_the_first_year_is_refused(world, member) -> None:
    member.joined_on = timezone.localdate() - timedelta(days=100)
    member.save()
    client = world.client("company_admin")
    assert client.get(reverse("members:notice")).context["refusal"]
    response = client.post(reverse("members:notice"), {"reason": "Te duur", "confirm": "on"})
    assert response.status_code == 400
    assert not Termination.objects.exists()


def test_notice_is_refused_while_a_dispute_is_pending(world, member) -> None:
    def pending(organisation):
        return organisation.slug == "vds"

    register_dispute_check(pending)
    try:
        client = world.client("company_admin")
        assert client.get(reverse("members:notice")).context["outcome"].reason == "dispute_pending"
        client.post(reverse("members:notice"), {"reason": "Weg", "confirm": "on"})
        assert not Termination.objects.exists()
    finally:
        unregister_dispute_check(pending)


def test_secretariat_records_an_expulsion_and_the_listing_follows(world, member) -> None:
    client = world.client("secretariat_admin")
    today = timezone.localdate()
    response = client.post(
        reverse("members:termination_record", args=[member.organisation.pk]),
        {
            "kind": "expulsion",
            "reason": "Uitspraak van de commissie verwijtbaar genegeerd.",
            "notice_on": today.isoformat(),
            "ends_on": today.isoformat(),
            "steering_group_decided_on": today.isoformat(),
        },
    )
    assert response.status_code == 302
    member.refresh_from_db()
    assert member.ends_on == today
    listing = world.client("anonymous").get(reverse("members:listing"))
    assert member.organisation not in list(listing.context["page"].object_list)
    ended = world.client("anonymous").get(reverse("members:listing_ended")).content.decode()
    assert member.organisation.name in ended


def test_end_date_before_the_decision_is_refused(world, member) -> None:
    client = world.client("secretariat_admin")
    client.post(
        reverse("members:termination_record", args=[member.organisation.pk]),
        {
            "kind": "bankruptcy",
            "reason": "Failliet",
            "notice_on": "2026-10-01",
            "ends_on": "2026-09-01",
        },
    )
    assert not Termination.objects.exists()


def test_secretariat_registers_membership_data_and_sees_size_and_regime(world) -> None:
    client = world.client("secretariat_admin")
    url = reverse("members:covenant_edit", args=[world.organisations["company"].pk])
    response = client.post(
        url,
        {
            "member_type": "full",
            "employees": "300",
            "annual_revenue_eur": "60000000",
            "establishments": "2",
            "chains": "5",
            "full_due_diligence": "on",
        },
    )
    assert response.status_code == 302
    page = client.get(url)
    assert page.context["size_class"] == "large"
    assert page.context["covenant"].full_due_diligence
    wrong = client.post(
        reverse("members:covenant_edit", args=[world.organisations["government"].pk]),
        {"member_type": "full", "establishments": "1", "chains": "0"},
    )
    assert wrong.status_code == 400
    assert "member_type" in wrong.context["form"].errors


def test_secretariat_records_a_first_term_level_that_stays_private(world, member) -> None:
    client = world.client("secretariat_admin")
    client.post(
        reverse("members:level_record", args=[member.organisation.pk]),
        {"year": "2024", "level": "2", "decided_on": "2024-10-01"},
    )
    page = client.get(reverse("members:covenant_edit", args=[member.organisation.pk]))
    assert [level.level for level in page.context["levels"]] == [2]
    listed = world.client("anonymous").get(reverse("members:listing")).context["page"]
    assert listed.object_list[0].current_level is None
