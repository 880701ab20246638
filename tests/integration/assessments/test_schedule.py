"""The schedule: what each member company is due next year, and the workload."""

from datetime import date

import pytest
from django.urls import reverse

from assessments.models import Assessment, Report, ReportingPeriod
from members.models import LevelAssignment
from tests.factories import CovenantMembershipFactory, OrganisationFactory

pytestmark = pytest.mark.django_db

SIZES = {
    "large": {"employees": 300, "annual_revenue_eur": 80_000_000},
    "medium": {"employees": 60, "annual_revenue_eur": 12_000_000},
    "small": {"employees": 10, "annual_revenue_eur": 2_000_000},
}


def company(name, size, level=None, last_year=None, public=False, framework=None):
    organisation = OrganisationFactory(name=name)
    CovenantMembershipFactory(
        organisation=organisation, supplies_public_clients=public, **SIZES[size]
    )
    if level is not None:
        LevelAssignment.objects.create(
            organisation=organisation, year=2026, level=level, decided_on=date(2026, 10, 1)
        )
    if last_year is not None:
        period = ReportingPeriod.objects.get(year=2026)
        report = Report.objects.create(
            organisation=organisation, period=period, framework=framework, status="submitted"
        )
        Assessment.objects.create(report=report, kind=last_year, status="decided")
    return organisation


def test_the_schedule_and_the_workload(world, framework_v1) -> None:
    ReportingPeriod.objects.create(year=2026, deadline="2027-03-01", framework=framework_v1)
    f = framework_v1
    company("A Medium Twee", "medium", level=2, last_year="full", framework=f)
    company("B Large Drie", "large", level=3, last_year="full", framework=f)
    company("C Small Drie", "small", level=3, last_year="full", framework=f)
    company("D Small Drie Overheid", "small", level=3, last_year="full", public=True, framework=f)
    company("E Nieuw", "medium")
    # A level recorded for last year (decided outside the portal) counts as a full year.
    company("F Large Vier Papier", "large", level=4)
    page = world.client("secretariat_assessor").get(reverse("assessments:schedule"))
    assert page.status_code == 200
    assert page.context["year"] == 2027
    due = {row.organisation.name: row.due for row in page.context["page"].object_list}
    assert due == {
        "A Medium Twee": "full",
        "B Large Drie": "plan_of_action",
        "C Small Drie": "none",
        "D Small Drie Overheid": "plan_of_action",
        "E Nieuw": "full",
        "F Large Vier Papier": "plan_of_action",
    }
    workload = {line["kind"]: (line["sizes"], line["total"]) for line in page.context["workload"]}
    assert workload == {
        "full": ([0, 2, 0], 2),
        "plan_of_action": ([2, 0, 1], 3),
        "none": ([0, 0, 1], 1),
    }
    # A year later, the small company without public clients is due in full again.
    later = world.client("secretariat_assessor").get(
        reverse("assessments:schedule"), {"year": 2028}
    )
    due = {row.organisation.name: row.due for row in later.context["page"].object_list}
    assert due["C Small Drie"] == "full"
    csv = world.client("secretariat_admin").get(reverse("assessments:schedule"), {"format": "csv"})
    lines = csv.content.decode().splitlines()
    assert lines[0] == "organisation;size_class;level;previous;due;public_clients"
    assert "C Small Drie;small;3;volledige beoordeling;geen beoordeling;nee" in lines
