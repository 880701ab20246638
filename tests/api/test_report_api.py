"""The report through the API with a token: the same validation as the browser."""

import pytest
from django.test import Client
from django.urls import reverse
from rest_framework.authtoken.models import Token

from assessments.models import Answer, Report, ReportingPeriod
from supplychain.models import Chain, Facility
from tests.factories import CovenantMembershipFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def report(world, framework_v1):
    CovenantMembershipFactory(organisation=world.organisations["company"])
    period = ReportingPeriod.objects.create(
        year=2026, deadline="2027-03-01", framework=framework_v1
    )
    return Report.objects.create(
        organisation=world.organisations["company"], period=period, framework=framework_v1
    )


def api(user):
    return Client(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=user).key}")


def test_a_company_system_fills_in_the_supplier_list_and_answers(world, report) -> None:
    client = api(world.users["company_member"])
    response = client.post(
        reverse("api:facility-list"),
        {
            "kind": "factory",
            "name": "Shree Ganesh",
            "country": "IN",
            "latitude": "25.18",
            "longitude": "75.83",
        },
        content_type="application/json",
    )
    assert response.status_code == 201, response.json()
    factory = response.json()["id"]
    response = client.post(
        reverse("api:chain-list"),
        {
            "product": "Kandla Grey",
            "factory": factory,
            "volume_eur": "1200.50",
            "extraction_country": "IN",
        },
        content_type="application/json",
    )
    assert response.status_code == 201, response.json()
    response = client.post(
        reverse("api:report-answer", args=[report.pk]),
        {"question": "1.3", "option": "fully", "explanation": "Budget"},
        content_type="application/json",
    )
    assert response.status_code == 200
    assert Answer.objects.get().option.code == "fully"
    detail = client.get(reverse("api:report-detail", args=[report.pk])).json()
    assert detail["content"]["chains"][0]["factory"]["name"] == "Shree Ganesh"
    assert detail["content"]["factory_insight"] == "100"
    assert detail["missing"]
    listed = client.get(reverse("api:report-list")).json()
    assert [r["id"] for r in listed] == [report.pk]


def test_bad_input_gets_field_errors_and_changes_nothing(world, report) -> None:
    client = api(world.users["company_member"])
    response = client.post(
        reverse("api:facility-list"),
        {"kind": "quarry", "name": "Bijolia", "country": "XX", "latitude": "95"},
        content_type="application/json",
    )
    assert response.status_code == 400
    assert {"country", "latitude"} <= set(response.json())
    foreign = Facility.objects.create(
        organisation=world.organisations["other_company"],
        kind="factory",
        name="Concurrent",
        country="IN",
    )
    response = client.post(
        reverse("api:chain-list"),
        {"product": "X", "factory": foreign.pk},
        content_type="application/json",
    )
    assert response.status_code == 400
    response = client.post(
        reverse("api:report-answer", args=[report.pk]),
        {"question": "1.3", "option": "bestaat-niet"},
        content_type="application/json",
    )
    assert response.status_code == 400
    assert not Chain.objects.exists() and not Answer.objects.exists()
    assert Facility.objects.filter(organisation=world.organisations["company"]).count() == 0


def test_the_plan_of_action_through_the_api(world, report) -> None:
    client = api(world.users["company_member"])
    response = client.post(
        reverse("api:report-risk", args=[report.pk]),
        {
            "theme": "living_wage",
            "region": "Xiamen",
            "scale": 2,
            "scope": 3,
            "irremediability": 1,
            "likelihood": 3,
            "justification": "Loonkloof",
        },
        content_type="application/json",
    )
    assert response.status_code == 201, response.json()
    risk = response.json()["id"]
    response = client.post(
        reverse("api:risk-action", args=[risk]),
        {
            "description": "Loonkloof meten",
            "owner": "Inkoop",
            "indicator": "kloof in %",
            "target": "0",
            "deadline": "2027-12-31",
        },
        content_type="application/json",
    )
    assert response.status_code == 201
    bad = client.post(
        reverse("api:report-risk", args=[report.pk]),
        {
            "theme": "other",
            "region": "X",
            "scale": 2,
            "scope": 2,
            "irremediability": 2,
            "likelihood": 9,
            "justification": "x",
        },
        content_type="application/json",
    )
    assert bad.status_code == 400 and "likelihood" in bad.json()
    plan = client.get(reverse("api:report-detail", args=[report.pk])).json()["content"]["plan"]
    assert [(r["theme"], r["priority"], len(r["actions"])) for r in plan] == [
        ("living_wage", 18, 1)
    ]
