"""The associated member's short report (Art. 5.15)."""

import pytest
from django.urls import reverse

from assessments.models import Importer, Report, ReportingPeriod
from tests.factories import CovenantMembershipFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def report(world, framework_v1):
    CovenantMembershipFactory(
        organisation=world.organisations["company"],
        member_type="associated",
        full_due_diligence=False,
    )
    period = ReportingPeriod.objects.create(
        year=2026, deadline="2027-03-01", framework=framework_v1
    )
    return Report.objects.create(
        organisation=world.organisations["company"], period=period, framework=framework_v1
    )


def test_associated_member_names_its_importers_and_submits(world, report) -> None:
    importer = OrganisationFactory(name="Graniet Import Nederland")
    CovenantMembershipFactory(organisation=importer, member_type="full")
    client = world.client("company_admin")
    page = client.get(reverse("assessments:report", args=[report.pk]))
    assert page.context["associated"]
    assert page.context["missing"] == ["Noem de importeurs waarbij u inkoopt."]
    url = reverse("assessments:importer_create", args=[report.pk])
    response = client.post(url, {"name": "Steenhandel Zonder Beleid", "has_policy": ""})
    assert "action_taken" in response.context["form"].errors
    client.post(
        url,
        {
            "name": "Steenhandel Zonder Beleid",
            "has_policy": "",
            "action_taken": "Wij zoeken een andere importeur.",
        },
    )
    client.post(
        url,
        {
            "name": "Graniet Import Nederland",
            "member": importer.pk,
            "has_policy": "on",
            "themes": ["child_labour", "living_wage"],
        },
    )
    rows = list(Importer.objects.order_by("name").values_list("name", "has_policy", "themes"))
    assert rows == [
        ("Graniet Import Nederland", True, ["child_labour", "living_wage"]),
        ("Steenhandel Zonder Beleid", False, []),
    ]
    client.post(reverse("assessments:submit", args=[report.pk]))
    report.refresh_from_db()
    assert report.status == "submitted"
    assert [i["name"] for i in report.snapshot["importers"]] == [
        "Graniet Import Nederland",
        "Steenhandel Zonder Beleid",
    ]


def test_only_the_seven_themes_and_listed_importers_can_be_chosen(world, report) -> None:
    client = world.client("company_admin")
    response = client.post(
        reverse("assessments:importer_create", args=[report.pk]),
        {
            "name": "X",
            "has_policy": "on",
            "themes": ["other"],
            "member": world.organisations["government"].pk,
        },
    )
    assert response.status_code == 400
    assert {"themes", "member"} <= set(response.context["form"].errors)
    assert not Importer.objects.exists()
