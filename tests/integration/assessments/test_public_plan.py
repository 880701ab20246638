"""The published plan of action (Art. 5.12, 6.6): a page per listed member company and the
same plan as public JSON, from the latest report version the secretariat has assessed,
with no supplier named anywhere."""

from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import escape

from assessments.assessment import services as assessing
from assessments.models import Action, Assessment, Report, ReportingPeriod, Risk
from assessments.public.selectors import NOT_PUBLISHED, placeholders
from assessments.report.services import report_new_version, report_submit
from supplychain.models import Chain, Facility, Site
from tests.factories import CovenantMembershipFactory
from trustone.access.actor import actor_for

from .test_submission import complete

pytestmark = pytest.mark.django_db

#: What the company wrote that names its suppliers: none of it may reach the public.
SUPPLIER_WORDS = [
    "Shree",
    "Ganesh",
    "GANESH",
    "Rajkumar",
    "Kishore",
    "RK Marbles",
    "Mahaveer",
    "Kota",
    "Budhpura",
    "Om Sai",
]


@pytest.fixture
def membership(world):
    return CovenantMembershipFactory(
        organisation=world.organisations["company"],
        employees=40,
        annual_revenue_eur=9_000_000,
        full_due_diligence=True,
        joined_on=date(2025, 4, 1),
    )


@pytest.fixture
def period(framework_v1):
    return ReportingPeriod.objects.create(year=2026, deadline="2027-03-01", framework=framework_v1)


def suppliers(company) -> None:
    """A factory, a quarry linked to a registry site spelt otherwise, and a facility no
    longer on the list (archived) that the plan still mentions."""
    site = Site.objects.create(kind="quarry", name="Rajkumar Kishore Marbles", country="IN")
    factory = Facility.objects.create(
        organisation=company,
        kind="factory",
        name="Shree Ganesh Granites Pvt. Ltd.",
        address="Mahaveer Marg 12, RIICO Industrial Area",
        place="Kota",
        country="IN",
    )
    quarry = Facility.objects.create(
        organisation=company, kind="quarry", name="RK Marbles", place="Budhpura", country="IN"
    )
    quarry.site = site
    quarry.save()
    Facility.objects.create(
        organisation=company,
        kind="factory",
        name="Om Sai Stone Exports",
        country="IN",
        archived_at=timezone.now(),
    )
    Chain.objects.create(
        organisation=company, product="Kandla Grey", factory=factory, quarry=quarry
    )


def plan(report, *, words: str = "") -> Risk:
    """A risk and actions that name the suppliers everywhere a company might."""
    factory = Facility.objects.get(
        organisation=report.organisation, name="Shree Ganesh Granites Pvt. Ltd."
    )
    risk = Risk.objects.create(
        report=report,
        theme="child_labour",
        region="Shree Ganesh Granites, Kota (Rajasthan)",
        facility=factory,
        scale=3,
        scope=3,
        irremediability=3,
        likelihood=3,
        justification=f"Kinderen in de groeve van RK Marbles bij Budhpura. {words}",
    )
    Action.objects.create(
        risk=risk,
        description="Audit bij SHREE GANESH GRANITES PVT LTD door een onafhankelijke partij",
        owner="Jan Jansen (inkoop)",
        indicator="Aantal audits bij Ganesh",
        target="2 audits per jaar",
        deadline=date(2027, 6, 30),
        status="in_progress",
        progress="Rajkumar Kishore Marbles stelde de audit uit; Mahaveer Marg 12 bezocht; "
        "Om Sai Stone Exports Pvt Ltd gestopt.",
    )
    return risk


def submit(world, report) -> Report:
    company = world.organisations["company"]
    return report_submit(actor=actor_for(world.users["company_admin"], company.pk), report=report)


def decide(world, report) -> None:
    assessment = Assessment.objects.get(report=report)
    coordinator = actor_for(world.users["secretariat_admin"])
    assessing.assessment_assign(
        actor=coordinator, assessment=assessment, assessor=world.users["secretariat_assessor"]
    )
    assessing.assessment_propose(actor=coordinator, assessment=assessment)
    assessing.assessment_decide(actor=coordinator, assessment=assessment)


@pytest.fixture
def draft(world, membership, period, framework_v1):
    company = world.organisations["company"]
    report = Report.objects.create(organisation=company, period=period, framework=framework_v1)
    complete(report, world.users["company_admin"])
    suppliers(company)
    plan(report, words="Eerste versie.")
    return report


@pytest.fixture
def published(world, draft):
    report = submit(world, draft)
    decide(world, report)
    return report


def page_url(world, key="company"):
    return reverse("plans:member_plan", args=[world.organisations[key].slug])


def api_url(world, key="company"):
    return reverse("api:public-member-plan", args=[world.organisations[key].slug])


def main_content(response) -> str:
    """What the page shows in its main area (the header holds the visitor's menu)."""
    html = response.content.decode()
    return html[html.index('<main id="main"') : html.index("</main>")]


def test_the_page_and_the_api_name_no_supplier(world, published) -> None:
    with translation.override("nl"):
        supplier, place = placeholders()["supplier"], placeholders()["place"]
    page = world.client("anonymous").get(page_url(world))
    api = world.client("anonymous").get(api_url(world))
    assert page.status_code == api.status_code == 200
    html = page.content.decode()
    shown = main_content(page)
    body = api.content.decode()
    for word in SUPPLIER_WORDS:
        assert word not in html, word
        assert word not in body, word
    # The rest of what the company wrote is there, the suppliers replaced.
    assert f"{supplier}, {place} (Rajasthan)" in shown
    assert f"Audit bij {supplier} door een onafhankelijke partij" in shown
    assert f"{supplier} stelde de audit uit; {place} bezocht; {supplier} gestopt." in shown
    assert "2 audits per jaar" in shown
    # The owner is a person of the company: not published.
    assert "Jan Jansen" not in html and "Jan Jansen" not in body
    data = api.json()
    assert data["member"] == {
        "name": world.organisations["company"].name,
        "slug": world.organisations["company"].slug,
    }
    assert (data["is_published"], data["year"]) == (True, 2026)
    risk = next(r for r in data["risks"] if r["theme"] == "child_labour" and r["priority"] == 27)
    assert risk["region"] == f"{supplier}, {place} (Rajasthan)"
    assert "facility" not in risk and "owner" not in risk["actions"][0]
    assert risk["actions"][0]["deadline"] == "2027-06-30"
    assert risk["actions"][0]["status"] == "in_progress"
    assert [r["priority"] for r in data["risks"]] == sorted(
        (r["priority"] for r in data["risks"]), reverse=True
    )


def test_the_api_answers_in_dutch_or_in_the_language_chosen(world, published) -> None:
    client = world.client("anonymous")
    with translation.override("nl"):
        dutch = placeholders()["supplier"]
    assert client.get(api_url(world)).json()["risks"][0]["region"].startswith(f"{dutch}, ")
    client.cookies["django_language"] = "en"
    english = client.get(api_url(world))
    with translation.override("en"):
        supplier = placeholders()["supplier"]
    assert english.json()["risks"][0]["region"].startswith(f"{supplier}, ")
    assert english.json()["risks"][0]["theme_label"] == "Child labour"


def test_a_draft_or_a_report_being_assessed_is_never_shown(world, draft) -> None:
    client = world.client("anonymous")
    for _state in ("draft", "submitted"):
        page = client.get(page_url(world))
        assert page.status_code == 200
        assert "Eerste versie" not in page.content.decode()
        assert page.context["plan"].is_published is False
        data = client.get(api_url(world)).json()
        assert (data["is_published"], data["risks"]) == (False, [])
        if _state == "draft":
            submit(world, draft)


def test_a_new_version_replaces_the_plan_once_it_is_decided(world, published) -> None:
    client = world.client("anonymous")
    assert "Eerste versie." in main_content(client.get(page_url(world)))
    new = report_new_version(
        actor=actor_for(world.users["company_admin"], world.organisations["company"].pk),
        report=published,
    )
    Risk.objects.filter(report=new).update(justification="Tweede versie.")
    assert "Tweede versie" not in main_content(client.get(page_url(world)))
    new = submit(world, new)
    assert "Tweede versie" not in main_content(client.get(page_url(world)))
    decide(world, new)
    shown = main_content(client.get(page_url(world)))
    assert "Tweede versie." in shown and "Eerste versie" not in shown


@pytest.mark.parametrize("who", ["anonymous", "company_admin", "secretariat_admin", "ngo_member"])
def test_an_organisation_that_is_not_a_listed_member_company_is_not_found(
    world, published, who
) -> None:
    today = timezone.localdate()
    client = world.client(who)
    # Not signed, supporting, a government; an unknown slug.
    CovenantMembershipFactory(organisation=world.organisations["other_company"], joined_on=None)
    CovenantMembershipFactory(
        organisation=world.organisations["sector_organisation"], member_type="supporting"
    )
    for key in ("other_company", "sector_organisation", "government", "secretariat"):
        assert client.get(page_url(world, key)).status_code == 404, key
        assert client.get(api_url(world, key)).status_code == 404, key
    assert client.get(reverse("plans:member_plan", args=["bestaat-niet"])).status_code == 404
    # The company itself, once its membership has ended, with its plan published.
    covenant = world.organisations["company"].covenant
    covenant.ends_on = today - timedelta(days=1)
    covenant.save()
    assert client.get(page_url(world)).status_code == 404
    assert client.get(api_url(world)).status_code == 404
    covenant.ends_on = today + timedelta(days=30)  # notice given, still a member
    covenant.save()
    assert client.get(page_url(world)).status_code == 200


def test_the_listing_and_the_member_page_link_the_published_plan(world, draft) -> None:
    client = world.client("anonymous")
    listing = reverse("members:listing")
    detail = reverse("members:member_detail", args=[world.organisations["company"].slug])
    assert page_url(world) not in client.get(listing).content.decode()
    member_page = client.get(detail).content.decode()
    assert page_url(world) not in member_page
    with translation.override("nl"):
        assert escape(str(NOT_PUBLISHED)) in member_page
    decide(world, submit(world, draft))
    assert page_url(world) in client.get(listing).content.decode()
    assert page_url(world) in client.get(detail).content.decode()


def test_the_page_works_in_english_and_says_what_was_replaced(world, published) -> None:
    client = world.client("anonymous")
    client.cookies["django_language"] = "en"
    page = client.get(page_url(world))
    shown = main_content(page)
    assert "Plan of action" in shown
    assert "[supplier]" in shown and "[place]" in shown


@pytest.mark.parametrize("size", [1, 25])
def test_the_page_s_queries_do_not_grow_with_the_plan(world, membership, period, size) -> None:
    company = world.organisations["company"]
    report = Report.objects.create(organisation=company, period=period, framework=period.framework)
    complete(report, world.users["company_admin"])
    suppliers(company)
    for index in range(size):
        Facility.objects.create(
            organisation=company, kind="quarry", name=f"Groeve {index} Stones", country="IN"
        )
        plan(report, words=f"Risico {index}.")
    decide(world, submit(world, report))
    client = world.client("anonymous")
    client.get(page_url(world))  # warm up
    with CaptureQueriesContext(connection) as queries:
        response = client.get(page_url(world))
    assert len(response.context["plan"].risks) == size + 1
    assert len(queries) == 3  # the member, its published report, its facilities


def test_the_api_is_documented_and_answers_as_documented(world, published) -> None:
    import jsonschema

    client = world.client("anonymous")
    schema = client.get(reverse("schema"), HTTP_ACCEPT="application/vnd.oai.openapi+json").json()
    operation = schema["paths"]["/api/v1/public/members/{slug}/plan/"]["get"]
    answer = operation["responses"]["200"]["content"]["application/json"]["schema"]
    assert answer == {"$ref": "#/components/schemas/PublicPlanOutput"}
    assert "security" not in operation or {} in operation["security"]
    validator = jsonschema.Draft202012Validator({**answer, "components": schema["components"]})
    validator.validate(client.get(api_url(world)).json())
    not_found = client.get(api_url(world, "other_company"))
    assert not_found.status_code == 404
    jsonschema.Draft202012Validator(
        {"$ref": "#/components/schemas/Error", "components": schema["components"]}
    ).validate(not_found.json())
