"""Sample checks: reproducible draws from a recorded population and seed, findings."""

import pytest
from django.urls import reverse

from assessments import rules
from assessments.models import Report, ReportingPeriod, SampleDraw, SampleFinding
from tests.factories import CovenantMembershipFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def period(framework_v1):
    return ReportingPeriod.objects.create(year=2026, deadline="2027-03-01", framework=framework_v1)


def submitted(period, member_type="full", versions=1):
    organisation = OrganisationFactory()
    CovenantMembershipFactory(organisation=organisation, member_type=member_type)
    for version in range(1, versions + 1):
        report = Report.objects.create(
            organisation=organisation,
            period=period,
            framework=period.framework,
            version=version,
            status="submitted",
            snapshot={"answers": [], "chains": [], "plan": []},
        )
    return report


def test_a_draw_records_population_and_seed_and_can_be_redrawn(world, period) -> None:
    members = [submitted(period) for _ in range(6)]
    latest = submitted(period, versions=2)  # only version 2 counts
    associated = submitted(period, member_type="associated")
    client = world.client("secretariat_admin")
    response = client.post(
        reverse("assessments:samples"),
        {"period": period.pk, "kind": "reports", "size": 3, "seed": "verificatie-2026"},
    )
    assert response.status_code == 302
    draw = SampleDraw.objects.get()
    population = sorted([r.pk for r in members] + [latest.pk])
    assert draw.population == population
    assert associated.pk not in draw.population
    assert draw.selected == rules.draw_sample(population, 3, "verificatie-2026")
    assert len(draw.selected) == 3
    page = client.get(reverse("assessments:sample", args=[draw.pk]))
    assert page.context["is_reproduced"] is True
    assert len(page.context["rows"]) == 3

    # Associated members are drawn from their own population; an empty seed gets one.
    client.post(
        reverse("assessments:samples"), {"period": period.pk, "kind": "associated", "size": 5}
    )
    second = SampleDraw.objects.exclude(pk=draw.pk).get()
    assert (second.population, second.selected, second.size) == (
        [associated.pk],
        [associated.pk],
        1,
    )
    assert len(second.seed) == 16


def test_an_empty_population_is_refused(world, period) -> None:
    response = world.client("secretariat_admin").post(
        reverse("assessments:samples"), {"period": period.pk, "kind": "reports", "size": 3}
    )
    assert response.status_code == 400
    assert response.context["form"].non_field_errors()
    assert not SampleDraw.objects.exists()


def test_findings_are_recorded_on_the_drawn_reports_only(world, period) -> None:
    reports = [submitted(period) for _ in range(3)]
    client = world.client("secretariat_admin")
    client.post(
        reverse("assessments:samples"),
        {"period": period.pk, "kind": "reports", "size": 1, "seed": "s"},
    )
    draw = SampleDraw.objects.get()
    drawn = draw.selected[0]
    other = next(r.pk for r in reports if r.pk != drawn)
    url = reverse("assessments:sample_finding", args=[draw.pk, drawn])
    client.post(url, {"outcome": "discrepancies", "findings": "Groeve Bijolia bestaat niet."})
    client.post(url, {"outcome": "confirmed", "findings": "Na nader onderzoek klopt het."})
    finding = SampleFinding.objects.get()
    assert (finding.report_id, finding.outcome) == (drawn, "confirmed")
    response = client.post(
        reverse("assessments:sample_finding", args=[draw.pk, other]),
        {"outcome": "confirmed", "findings": "x"},
    )
    assert response.status_code == 404
    assert SampleFinding.objects.count() == 1
