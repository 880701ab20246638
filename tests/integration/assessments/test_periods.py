"""Opening a reporting period: a draft report per reporting member, e-mails, reminders."""

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from assessments.models import Report, ReportingPeriod
from assessments.report.services import reminders_send
from tests.factories import CovenantMembershipFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def members(world, framework_v1):
    CovenantMembershipFactory(organisation=world.organisations["company"], member_type="full")
    CovenantMembershipFactory(
        organisation=world.organisations["other_company"], member_type="associated"
    )
    CovenantMembershipFactory(
        organisation=world.organisations["government"], member_type="government"
    )
    return world


def open_period(world, deadline=None, year="2026", capture=None):
    deadline = deadline or (timezone.localdate() + timedelta(days=60))
    return world.client("secretariat_admin").post(
        reverse("assessments:periods"), {"year": year, "deadline": deadline.isoformat()}
    )


def test_opening_a_period_makes_a_draft_report_per_reporting_member(
    members, django_capture_on_commit_callbacks
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        response = open_period(members)
    assert response.status_code == 302
    reports = Report.objects.order_by("organisation__name")
    assert [(r.organisation.slug, r.status, r.version) for r in reports] == [
        ("gin", "draft", 1),
        ("vds", "draft", 1),
    ]
    assert reports[0].framework.version == 1
    recipients = sorted(address for message in mail.outbox for address in message.to)
    assert recipients == sorted(
        [
            members.users["company_admin"].email,
            members.users["company_member"].email,
            members.users["other_company_admin"].email,
        ]
    )
    tasks = members.client("company_member").get(reverse("members:dashboard")).context["tasks"]
    assert any("2026" in label for label, _url in tasks)


def test_a_period_is_opened_once_and_only_with_a_future_deadline(members) -> None:
    response = open_period(members, deadline=timezone.localdate())
    assert "deadline" in response.context["form"].errors
    open_period(members)
    again = open_period(members)
    assert "year" in again.context["form"].errors
    assert ReportingPeriod.objects.count() == 1


def test_reminders_go_out_14_and_3_days_before_once_a_day(
    members, django_capture_on_commit_callbacks
) -> None:
    deadline = timezone.localdate() + timedelta(days=14)
    open_period(members, deadline=deadline)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert reminders_send() == 2
    assert len(mail.outbox) == 2
    with django_capture_on_commit_callbacks(execute=True):
        assert reminders_send() == 0  # the same day again: nothing
    assert reminders_send(today=deadline - timedelta(days=10)) == 0  # 4 days before
    Report.objects.filter(organisation__slug="gin").update(status="submitted")
    assert reminders_send(today=deadline - timedelta(days=3)) == 1


def test_a_period_can_be_opened_for_some_members_only(members) -> None:
    from django.utils import timezone

    members.client("secretariat_admin").post(
        reverse("assessments:periods"),
        {
            "year": "2026",
            "deadline": (timezone.localdate() + timedelta(days=30)).isoformat(),
            "organisations": [members.organisations["other_company"].pk],
        },
    )
    assert [r.organisation.slug for r in Report.objects.all()] == ["gin"]
