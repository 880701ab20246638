"""The report through the API with a token: the same validation as the browser."""

import pytest
from django.test import Client
from django.urls import reverse

from assessments.models import Answer, Report, ReportingPeriod
from supplychain.models import Chain, Facility
from tests.api.tokens import token_client
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


def api(user) -> Client:
    return token_client(user)


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


def test_a_company_system_changes_and_removes_facilities_and_chains(world, report) -> None:
    client = api(world.users["company_member"])
    company = world.organisations["company"]
    factory = Facility.objects.create(organisation=company, kind="factory", name="F", country="IN")
    quarry = Facility.objects.create(organisation=company, kind="quarry", name="Q", country="IN")
    chain = Chain.objects.create(organisation=company, product="Kandla Grey", factory=factory)

    response = client.patch(
        reverse("api:facility-detail", args=[factory.pk]),
        {"address": "RIICO, Kota", "latitude": "25.18", "longitude": "75.83"},
        content_type="application/json",
    )
    assert response.status_code == 200, response.json()
    factory.refresh_from_db()
    assert (factory.name, factory.address, str(factory.latitude)) == (
        "F",
        "RIICO, Kota",
        "25.180000",
    )

    response = client.patch(
        reverse("api:chain-detail", args=[chain.pk]),
        {"quarry": quarry.pk, "volume_eur": "5000.00"},
        content_type="application/json",
    )
    assert response.status_code == 200, response.json()
    chain.refresh_from_db()
    assert (chain.factory_id, chain.quarry_id, str(chain.volume_eur)) == (
        factory.pk,
        quarry.pk,
        "5000.00",
    )

    # A factory cannot stand in for a quarry, and the chain keeps its quarry.
    response = client.patch(
        reverse("api:chain-detail", args=[chain.pk]),
        {"quarry": factory.pk},
        content_type="application/json",
    )
    assert response.status_code == 400 and "quarry" in response.json()
    chain.refresh_from_db()
    assert chain.quarry_id == quarry.pk

    # A facility still in a chain is not removed; the reason names it.
    response = client.delete(reverse("api:facility-detail", args=[quarry.pk]))
    assert response.status_code == 400
    assert "Q" in str(response.json())
    assert Facility.objects.filter(pk=quarry.pk).exists()

    assert client.delete(reverse("api:chain-detail", args=[chain.pk])).status_code == 204
    assert client.delete(reverse("api:facility-detail", args=[quarry.pk])).status_code == 204
    assert list(Chain.objects.all()) == []
    assert list(Facility.objects.values_list("name", flat=True)) == ["F"]


def test_a_full_replace_validates_like_a_new_facility(world, report) -> None:
    client = api(world.users["company_member"])
    factory = Facility.objects.create(
        organisation=world.organisations["company"], kind="factory", name="F", country="IN"
    )
    response = client.put(
        reverse("api:facility-detail", args=[factory.pk]),
        {"kind": "factory", "name": "", "country": "IN"},
        content_type="application/json",
    )
    assert response.status_code == 400 and "name" in response.json()
    factory.refresh_from_db()
    assert factory.name == "F"


def test_a_company_system_changes_and_removes_its_plan(world, report) -> None:
    from assessments.models import Action, Risk

    client = api(world.users["company_member"])
    risk = Risk.objects.create(
        report=report,
        theme="other",
        other_theme="Water",
        region="Kota",
        scale=1,
        scope=1,
        irremediability=1,
        likelihood=1,
        justification="x",
    )
    action = Action.objects.create(
        risk=risk, description="d", owner="o", indicator="i", target="t", deadline="2027-06-30"
    )
    response = client.patch(
        reverse("api:risk-detail", args=[risk.pk]),
        {"likelihood": 3, "region": "Budhpura"},
        content_type="application/json",
    )
    assert response.status_code == 200, response.json()
    assert (response.json()["likelihood"], response.json()["other_theme"]) == (3, "Water")
    response = client.patch(
        reverse("api:action-detail", args=[action.pk]),
        {"status": "done", "progress": "Audit gedaan"},
        content_type="application/json",
    )
    assert response.status_code == 200, response.json()
    action.refresh_from_db()
    assert (action.status, action.progress, action.owner) == ("done", "Audit gedaan", "o")

    response = client.patch(
        reverse("api:action-detail", args=[action.pk]),
        {"deadline": "not a date"},
        content_type="application/json",
    )
    assert response.status_code == 400 and "deadline" in response.json()

    assert client.delete(reverse("api:action-detail", args=[action.pk])).status_code == 204
    assert client.delete(reverse("api:risk-detail", args=[risk.pk])).status_code == 204
    assert not Risk.objects.exists() and not Action.objects.exists()


def test_a_submitted_plan_cannot_be_changed_through_the_api(world, report) -> None:
    from assessments.models import Risk

    risk = Risk.objects.create(
        report=report,
        theme="child_labour",
        region="Kota",
        scale=3,
        scope=3,
        irremediability=3,
        likelihood=3,
        justification="x",
    )
    Report.objects.filter(pk=report.pk).update(status="submitted")
    client = api(world.users["company_member"])
    assert client.get(reverse("api:risk-detail", args=[risk.pk])).json()["region"] == "Kota"
    response = client.patch(
        reverse("api:risk-detail", args=[risk.pk]),
        {"region": "Elders"},
        content_type="application/json",
    )
    assert response.status_code == 400
    assert client.delete(reverse("api:risk-detail", args=[risk.pk])).status_code == 400
    risk.refresh_from_db()
    assert risk.region == "Kota"


def test_a_facility_outside_its_country_is_saved_with_a_warning(world) -> None:
    client = api(world.users["company_member"])
    response = client.post(
        reverse("api:facility-list"),
        {
            "kind": "factory",
            "name": "Kota",
            "country": "IN",
            "latitude": "74.86",
            "longitude": "26.58",
        },
        content_type="application/json",
    )
    assert response.status_code == 201, response.json()
    [warning] = response.json()["warnings"]
    assert "India" in warning
    response = client.patch(
        reverse("api:facility-detail", args=[response.json()["id"]]),
        {"latitude": "25.18", "longitude": "75.83"},
        content_type="application/json",
    )
    assert response.status_code == 200
    assert response.json()["warnings"] == []
    read = client.get(reverse("api:facility-detail", args=[response.json()["id"]])).json()
    assert "warnings" not in read  # only in the answer to a write
