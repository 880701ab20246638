"""The dashboard tells each user what the assessment asks of them."""

from datetime import date

import pytest
from django.urls import reverse
from django.utils import timezone

from assessments.models import Assessment, Report, ReportingPeriod
from members.models import LevelAssignment
from tests.factories import CovenantMembershipFactory

pytestmark = pytest.mark.django_db


def _tasks(world, who):
    return dict(world.client(who).get(reverse("members:dashboard")).context["tasks"])


def test_the_dashboards_of_coordinator_assessor_and_company(world, framework_v1) -> None:
    company = world.organisations["company"]
    CovenantMembershipFactory(organisation=company)
    period = ReportingPeriod.objects.create(
        year=2026, deadline="2027-03-01", framework=framework_v1
    )
    report = Report.objects.create(
        organisation=company, period=period, framework=framework_v1, status="submitted"
    )
    assessment = Assessment.objects.create(report=report)
    coordinator = _tasks(world, "secretariat_admin")
    assert coordinator == {
        "1 ingediende rapportage wacht op een beoordelaar": reverse("assessments:queue")
        + "?assessor=none"
    }
    assert _tasks(world, "secretariat_assessor") == {}

    from assessments.assessment import services
    from trustone.access.actor import actor_for

    services.assessment_assign(
        actor=actor_for(world.users["secretariat_admin"]),
        assessment=assessment,
        assessor=world.users["secretariat_assessor"],
    )
    assert list(_tasks(world, "secretariat_assessor").values()) == [reverse("assessments:queue")]
    assessment.status, assessment.decided_level = "decided", 2
    assessment.decided_at = timezone.now()
    assessment.save()
    company_tasks = _tasks(world, "company_member")
    assert reverse("assessments:assessment_result", args=[assessment.pk]) in company_tasks.values()


def test_a_delayed_company_admin_is_asked_for_the_note(world) -> None:
    company = world.organisations["company"]
    CovenantMembershipFactory(organisation=company)
    LevelAssignment.objects.create(
        organisation=company, year=2022, level=3, decided_on=date(2022, 5, 1)
    )
    assert reverse("assessments:my_progress") in _tasks(world, "company_admin").values()
    assert reverse("assessments:my_progress") not in _tasks(world, "company_member").values()
