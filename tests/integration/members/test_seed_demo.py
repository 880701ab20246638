import pytest
from django.core.management import call_command

from complaints.demo import DEMO_RECEIPT
from complaints.models import Case, PublishedRuling
from complaints.services import receipt_open
from members.demo import USERS
from members.disputes import has_pending_dispute
from members.models import Membership, Organisation, User

pytestmark = pytest.mark.django_db


def _assessment_demo():
    from assessments.models import Assessment, SampleDraw, ScoreAdjustment
    from procurement.models import PlanTestRequest

    return (
        sorted(
            Assessment.objects.values_list("status", "assessor__email"),
            key=lambda row: row[0],
        ),
        ScoreAdjustment.objects.count(),
        SampleDraw.objects.count(),
        PlanTestRequest.objects.count(),
    )


def test_seed_demo_is_idempotent_and_has_a_user_per_role(capsys) -> None:
    call_command("seed_demo")
    counts = (Organisation.objects.count(), User.objects.count(), Membership.objects.count())
    demo_assessments = _assessment_demo()
    call_command("seed_demo")
    assert (
        Organisation.objects.count(),
        User.objects.count(),
        Membership.objects.count(),
    ) == counts
    assert _assessment_demo() == demo_assessments
    # The committee's demo cases, seeded once: an open complaint that the README's demo
    # receipt opens, a dispute that blocks the demo importer's notice, a published ruling.
    assert list(Case.objects.order_by("pk").values_list("kind", "status")) == [
        ("complaint", "admitted"),
        ("dispute", "admitted"),
        ("dispute", "closed"),
    ]
    assert receipt_open(DEMO_RECEIPT) == Case.objects.order_by("pk").first()
    assert has_pending_dispute(Organisation.objects.get(name="Van der Steen Natuursteen B.V."))
    assert PublishedRuling.objects.count() == 1
    # Tenders of both demo governments over three years, a submitted annual report.
    from procurement.models import Tender, TenderReport

    years = set(Tender.objects.values_list("government__name", "tendered_on__year"))
    assert {year for _name, year in years} == {2024, 2025, 2026}
    assert {name for name, _year in years} == {"Gemeente Amsterdam", "Rijkswaterstaat"}
    assert TenderReport.objects.get().status == "submitted"
    # The queue: two submitted reports, one assigned to the demo assessor with an
    # adjusted score; a third decided, so that its plan of action is published; a sample
    # draw and a request to test a plan of action.
    statuses, adjustments, draws, plan_tests = demo_assessments
    assert statuses == [
        ("decided", "beoordelaar@trustone.demo"),
        ("in_progress", "beoordelaar@trustone.demo"),
        ("queued", None),
    ]
    assert (adjustments, draws, plan_tests) == (1, 1, 1)
    companies = Organisation.objects.filter(kind="company")
    assert companies.count() >= 20
    assert companies.filter(country="BE").exists() and companies.filter(country="NL").exists()
    for kind in (
        "secretariat",
        "ngo",
        "union",
        "government",
        "sector_organisation",
        "complaints_committee",
        "steering_group",
    ):
        assert Organisation.objects.filter(kind=kind).exists(), kind
    assert Organisation.objects.filter(kind="ngo").count() == 2
    assert Organisation.objects.filter(kind="government").count() == 2
    roles = {
        (m.organisation.kind, m.role) for m in Membership.objects.select_related("organisation")
    }
    assert {
        ("secretariat", "admin"),
        ("secretariat", "assessor"),
        ("company", "admin"),
        ("company", "member"),
        ("ngo", "member"),
        ("union", "member"),
        ("government", "admin"),
        ("steering_group", "member"),
        ("steering_group", "admin"),  # its chair records the group's decisions
    } <= roles
    # A delayed company's request for special circumstances awaits the steering group.
    from assessments.models import DelayCase

    request = DelayCase.objects.get(organisation__name="Blauwe Hardsteen Import N.V.")
    assert request.argument and not request.decision
    output = capsys.readouterr().out
    assert all(user.email in output for user in USERS)


def test_the_demo_registry_has_shared_sites_and_something_to_decide() -> None:
    from supplychain.models import CandidateStatus, Facility, MatchCandidate, Site

    call_command("seed_demo")
    decisions = list(Facility.objects.values_list("pk", "site_id").order_by("pk"))
    call_command("seed_demo")
    assert list(Facility.objects.values_list("pk", "site_id").order_by("pk")) == decisions

    shared = [
        site
        for site in Site.objects.all()
        if Facility.objects.filter(site=site).values("organisation").distinct().count() >= 3
    ]
    assert len(shared) >= 3  # sites several importers report, each spelt their own way
    assert MatchCandidate.objects.filter(status=CandidateStatus.OPEN).exists()
    from supplychain.lists.selectors import valid_statement

    ngo = Organisation.objects.get(name="Landelijke India Werkgroep")
    assert valid_statement(ngo) is not None  # the demo NGO may see the linked list
    assert (
        not Facility.objects.filter(kind__in=["factory", "quarry"], site=None)
        .exclude(candidates__status=CandidateStatus.OPEN)
        .exists()
    )


def test_the_demo_publishes_a_plan_of_action_without_its_suppliers(client) -> None:
    from django.urls import reverse

    call_command("seed_demo")
    hollandia = Organisation.objects.get(name="Hollandia Stone Trading B.V.")
    page = client.get(reverse("plans:member_plan", args=[hollandia.slug])).content.decode()
    assert "Kinderarbeid" in page or "Child labour" in page
    assert "Bijolia" not in page  # the place of its quarry, replaced
    assert "[plaats]" in page or "[place]" in page


def test_the_demo_ngo_has_a_signal_routed_and_answered() -> None:
    from supplychain.models import Signal

    call_command("seed_demo")
    call_command("seed_demo")
    signal = Signal.objects.get()
    assert signal.organisation.name == "Landelijke India Werkgroep"
    routes = list(signal.routes.all())
    assert len(routes) >= 2
    assert len([r for r in routes if r.answered_at]) == 1
