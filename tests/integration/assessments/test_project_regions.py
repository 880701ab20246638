"""The candidate project regions (Art. 6.15): production regions where at least three
member companies source, with the themes their latest submitted plans raise there."""

from datetime import date

import pytest
from django.urls import reverse

from assessments.models import Report, ReportingPeriod, Risk
from supplychain.lists.building import list_publish
from tests.factories import CovenantMembershipFactory
from tests.factories.registry import buy, site

KOTA, BUNDI, PRAKASAM = (25.18, 75.83), (25.23, 75.55), (15.58, 79.87)

pytestmark = pytest.mark.django_db


@pytest.fixture
def companies():
    return [CovenantMembershipFactory().organisation for _ in range(5)]


@pytest.fixture
def period(framework_v1):
    return ReportingPeriod.objects.create(
        year=2026, deadline=date(2027, 3, 1), framework=framework_v1
    )


def plan(company, period, *risks, status="submitted", version=1):
    """A report of `company` whose plan raises each (theme, region text, facility)."""
    report = Report.objects.create(
        organisation=company,
        period=period,
        framework=period.framework,
        status=status,
        version=version,
    )
    for theme, region, facility in risks:
        Risk.objects.create(
            report=report,
            theme=theme,
            region=region,
            facility=facility,
            scale=2,
            scope=2,
            irremediability=2,
            likelihood=2,
            justification="-",
        )
    return report


def test_regions_with_three_companies_and_the_themes_raised_there(companies, period):
    kota, bundi, ongole = site("Kota", KOTA), site("Budhpura", BUNDI), site("Ongole", PRAKASAM)
    for company in companies[:2]:
        buy(company, kota)
    buy(companies[2], bundi)
    for company in companies[3:5]:
        buy(company, ongole)  # two companies: not a candidate
    facility = companies[0].facilities.get()
    plan(companies[0], period, ("child_labour", "", facility))
    plan(companies[1], period, ("child_labour", "Budhpura, Rajasthan", None))
    plan(companies[2], period, ("health_and_safety", "rajasthan (silicosis)", None))
    plan(companies[3], period, ("forced_labour", "Rajasthan", None))  # sources elsewhere
    plan(companies[2], period, ("living_wage", "Rajasthan", None), status="draft", version=2)
    rows = list_publish("project_regions")[0].rows
    assert rows == [
        {
            "country": "IN",
            "region": "Rajasthan",
            "companies": 3,
            "themes": [
                {"theme": "child_labour", "name": "Child labour", "companies": 2},
                {"theme": "health_and_safety", "name": "Health and safety", "companies": 1},
            ],
        }
    ]
    for company in companies:
        assert company.name not in str(rows)


def test_the_steering_group_reads_the_regions_in_its_language(client, world, companies, period):
    quarry = site("Kota", KOTA)
    for company in companies[:3]:
        buy(company, quarry)
        plan(company, period, ("child_labour", "Rajasthan", None))
    list_publish("project_regions")
    client.force_login(world.users["steering_member"])
    page = client.get(reverse("lists:project_regions"), HTTP_ACCEPT_LANGUAGE="nl").content.decode()
    assert "Rajasthan" in page and "Kinderarbeid (3)" in page
