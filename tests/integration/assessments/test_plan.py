"""The plan of action: risks by priority, SMART actions, carried forward a year later."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from assessments.models import Action, Report, ReportingPeriod, Risk
from assessments.report.services import plan_carry_forward
from assessments.rules import risk_priority
from tests.factories import CovenantMembershipFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def report(world, framework_v1):
    CovenantMembershipFactory(organisation=world.organisations["company"])
    framework = framework_v1
    period = ReportingPeriod.objects.create(year=2026, deadline="2027-03-01", framework=framework)
    return Report.objects.create(
        organisation=world.organisations["company"], period=period, framework=framework
    )


def risk_data(**values):
    data = {
        "theme": "child_labour",
        "region": "Kota, Rajasthan",
        "scale": "3",
        "scope": "2",
        "irremediability": "3",
        "likelihood": "2",
        "justification": "Kinderen werken in de keienwerven rond Kota.",
    }
    data.update(values)
    return data


@pytest.mark.parametrize(
    ("scale", "scope", "irremediability", "likelihood", "priority"),
    [
        (1, 1, 1, 1, 3),
        (3, 3, 3, 3, 27),
        (3, 2, 3, 2, 16),
        (2, 2, 2, 3, 18),
    ],
)
def test_risk_priority(scale, scope, irremediability, likelihood, priority) -> None:
    assert (
        risk_priority(
            scale=scale, scope=scope, irremediability=irremediability, likelihood=likelihood
        )
        == priority
    )


def test_risks_are_listed_by_priority_with_their_actions(world, report) -> None:
    client = world.client("company_member")
    url = reverse("assessments:risk_create", args=[report.pk])
    client.post(url, risk_data(theme="living_wage", likelihood="1"))  # 8
    client.post(url, risk_data())  # 16
    child_labour = Risk.objects.get(theme="child_labour")
    client.post(
        reverse("assessments:action_create", args=[child_labour.pk]),
        {
            "description": "Leeftijdscontrole bij alle leveranciers",
            "owner": "Inkoop",
            "indicator": "Aandeel gecontroleerde leveranciers",
            "target": "100 %",
            "deadline": "2027-06-30",
            "status": "planned",
        },
    )
    page = client.get(reverse("assessments:plan", args=[report.pk]))
    risks = page.context["risks"]
    assert [(r.theme, r.priority) for r in risks] == [("child_labour", 16), ("living_wage", 8)]
    assert [a.owner for a in risks[0].actions.all()] == ["Inkoop"]


def test_other_issue_needs_a_name_and_facilities_must_be_own(world, report) -> None:
    from supplychain.models import Facility

    client = world.client("company_admin")
    url = reverse("assessments:risk_create", args=[report.pk])
    response = client.post(url, risk_data(theme="other"))
    assert "other_theme" in response.context["form"].errors
    foreign = Facility.objects.create(
        organisation=world.organisations["other_company"],
        kind="quarry",
        name="Concurrent",
        country="IN",
    )
    response = client.post(url, risk_data(facility=foreign.pk))
    assert response.status_code == 400
    assert not Risk.objects.exists()


def test_a_submitted_plan_cannot_be_changed(world, report) -> None:
    risk = Risk.objects.create(
        report=report,
        theme="forced_labour",
        region="Xiamen",
        scale=2,
        scope=2,
        irremediability=2,
        likelihood=2,
        justification="x",
    )
    report.status = "submitted"
    report.save()
    client = world.client("company_admin")
    client.post(reverse("assessments:risk_edit", args=[risk.pk]), risk_data())
    client.post(reverse("assessments:risk_delete", args=[risk.pk]))
    risk.refresh_from_db()
    assert risk.theme == "forced_labour"


def test_unfinished_actions_are_carried_forward_to_next_years_report(world, report) -> None:
    risk = Risk.objects.create(
        report=report,
        theme="health_and_safety",
        region="Ongole",
        scale=3,
        scope=3,
        irremediability=2,
        likelihood=3,
        justification="Silicastof",
    )
    for status in ("planned", "in_progress", "done"):
        Action.objects.create(
            risk=risk,
            description=f"Actie {status}",
            owner="QA",
            indicator="i",
            target="t",
            deadline=date(2026, 12, 31),
            status=status,
        )
    Report.objects.filter(pk=report.pk).update(status="submitted")
    period = ReportingPeriod.objects.create(
        year=2027, deadline=timezone.localdate() + timedelta(days=30), framework=report.framework
    )
    next_report = Report.objects.create(
        organisation=report.organisation, period=period, framework=report.framework
    )
    assert plan_carry_forward(report=next_report) == 2
    carried = Action.objects.filter(risk__report=next_report).order_by("description")
    assert [(a.description, a.carried_from.risk.report_id) for a in carried] == [
        ("Actie in_progress", report.pk),
        ("Actie planned", report.pk),
    ]
