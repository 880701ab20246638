"""Matching reported facilities to the registry of production sites: automatic links,
proposals for the secretariat, new sites, and runs that never undo a person's decision."""

from io import StringIO

import pytest
from django.core.management import call_command

from supplychain.models import (
    CandidateStatus,
    Facility,
    FacilityLink,
    MatchAction,
    MatchCandidate,
    MatchDecision,
    Site,
)
from supplychain.registry.matcher import facilities_match
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def facility(company, name, address="", place="", country="IN", lat=None, lon=None, kind="quarry"):
    return Facility.objects.create(
        organisation=company,
        kind=kind,
        name=name,
        address=address,
        place=place,
        country=country,
        latitude=lat,
        longitude=lon,
    )


@pytest.fixture
def companies():
    return [OrganisationFactory(kind="company") for _ in range(3)]


def test_one_quarry_reported_three_ways_is_one_site(companies) -> None:
    a = facility(
        companies[0], "Shree Ganesh Sandstone Pvt. Ltd.", "Budhpura", "Bundi", lat=25.2, lon=75.6
    )
    b = facility(companies[1], "Sri Ganesha Sandstone", "", "", lat=25.205, lon=75.604)
    c = facility(companies[2], "SHRI GANESH SANDSTONE EXPORTS", "Budhpura, Rajasthan", "Bundi")
    run = facilities_match()
    assert (run.new, run.linked, run.queued) == (1, 2, 0)
    sites = {f.site_id for f in Facility.objects.filter(pk__in=[a.pk, b.pk, c.pk])}
    assert len(sites) == 1
    site = Site.objects.get()
    assert site.public_id.startswith("TS-") and len(site.public_id) == 11
    assert sorted(Facility.objects.values_list("site_link", flat=True)) == [
        FacilityLink.AUTOMATIC,
        FacilityLink.AUTOMATIC,
        FacilityLink.NEW,
    ]


def test_different_sites_stay_apart(companies) -> None:
    facility(companies[0], "Meena Sandstone Quarry", "Budhpura", lat=25.20, lon=75.60)
    facility(companies[1], "Gurjar Sandstone Quarry", "Budhpura", lat=25.205, lon=75.607)
    facility(companies[2], "Meena Sandstone Quarry", "", country="BR", lat=-20.8, lon=-41.1)
    run = facilities_match()
    assert run.new == 3
    assert Site.objects.count() == 3


def test_an_uncertain_pair_waits_for_the_secretariat_and_is_proposed_once(companies) -> None:
    facility(companies[0], "Shree Ganesh Granites", "Plot A-45, RIICO, Jaipur", kind="factory")
    waiting = facility(
        companies[1], "Shree Ganesh Granites", "Plot A-46, RIICO, Jaipur", kind="factory"
    )
    run = facilities_match()
    assert (run.new, run.queued) == (1, 1)
    waiting.refresh_from_db()
    assert waiting.site is None
    proposal = MatchCandidate.objects.get()
    assert proposal.facility == waiting and proposal.status == CandidateStatus.OPEN
    assert facilities_match().considered == 0  # waiting: not matched again
    assert MatchCandidate.objects.count() == 1
    assert MatchDecision.objects.filter(action=MatchAction.QUEUED).count() == 1


def test_a_rejected_pair_is_never_proposed_again(companies) -> None:
    facility(companies[0], "Shree Ganesh Granites", "Plot A-45, RIICO, Jaipur", kind="factory")
    waiting = facility(
        companies[1], "Shree Ganesh Granites", "Plot A-46, RIICO, Jaipur", kind="factory"
    )
    facilities_match()
    MatchCandidate.objects.update(status=CandidateStatus.REJECTED)
    run = facilities_match()
    assert (run.considered, run.queued, run.new) == (1, 0, 1)
    waiting.refresh_from_db()
    assert waiting.site_link == FacilityLink.NEW
    assert Site.objects.count() == 2


def test_a_confirmed_link_survives_a_full_run(companies) -> None:
    first = facility(companies[0], "Kalinga Stone Works", "Berhampur", kind="factory")
    second = facility(companies[1], "Utkal Granite Exim", "Hyderabad", kind="factory")
    facilities_match()
    first.refresh_from_db()
    # the secretariat knows better: the second is the first's site
    Facility.objects.filter(pk=second.pk).update(site=first.site, site_link=FacilityLink.CONFIRMED)
    run = facilities_match(everything=True)
    assert run.considered == 0
    second.refresh_from_db()
    assert (second.site_id, second.site_link) == (first.site_id, FacilityLink.CONFIRMED)


def test_a_second_run_changes_nothing(companies) -> None:
    facility(companies[0], "Laxmi Stone Industries", "Budhpura, Bundi", lat=25.2, lon=75.6)
    facility(companies[1], "Lakshmi Stones", "", lat=25.21, lon=75.61)
    facilities_match()
    links = list(Facility.objects.order_by("pk").values_list("site_id", "site_link"))
    decisions = MatchDecision.objects.count()
    again = facilities_match(everything=True)
    assert again.linked == 0 and again.new == 0
    assert list(Facility.objects.order_by("pk").values_list("site_id", "site_link")) == links
    assert MatchDecision.objects.count() == decisions


def test_exporters_and_archived_facilities_are_not_matched(companies) -> None:
    facility(companies[0], "Rajasthan Exports", kind="exporter")
    gone = facility(companies[1], "Old Quarry")
    Facility.objects.filter(pk=gone.pk).update(archived_at="2026-01-01T00:00Z")
    assert facilities_match().considered == 0


def test_the_command_prints_what_it_did(companies) -> None:
    facility(companies[0], "Shree Ganesh Sandstone", "Budhpura", lat=25.2, lon=75.6)
    facility(companies[1], "Sri Ganesh Sandstone", "Budhpura", lat=25.201, lon=75.601)
    out = StringIO()
    call_command("match_facilities", stdout=out)
    assert out.getvalue().strip() == "2 considered: 1 linked, 0 queued for review, 1 new sites"


@pytest.fixture
def celery_worker(transactional_db):
    from celery.contrib.testing.worker import start_worker

    from trustone import celery_app

    with start_worker(
        celery_app, pool="solo", perform_ping_check=False, shutdown_timeout=30, queues=["lists"]
    ):
        yield


@pytest.mark.worker
def test_a_worker_on_the_lists_queue_matches_and_a_redelivery_changes_nothing(
    celery_worker,
) -> None:
    from supplychain.tasks import rebuild_site_matches_task

    companies = [OrganisationFactory(kind="company") for _ in range(2)]
    a = facility(companies[0], "Shree Ganesh Sandstone", "Budhpura", lat=25.2, lon=75.6)
    b = facility(companies[1], "Sri Ganesh Sandstone", "Budhpura", lat=25.201, lon=75.601)
    first = rebuild_site_matches_task.apply_async(args=[[a.pk, b.pk]], queue="lists")
    assert first.get(timeout=60) == {"linked": 1, "queued": 0, "new": 1}
    again = rebuild_site_matches_task.apply_async(args=[[a.pk, b.pk]], queue="lists")
    assert again.get(timeout=60) == {"linked": 0, "queued": 0, "new": 0}
    assert Facility.objects.filter(pk__in=[a.pk, b.pk]).values("site").distinct().count() == 1


@pytest.mark.worker
def test_after_a_submission_a_worker_matches_the_companys_factories_and_quarries(
    celery_worker,
) -> None:
    import time

    from supplychain.registry.matcher import site_matches_queue

    company = OrganisationFactory(kind="company")
    quarry = facility(company, "Bijolia Sandstone Quarry", "Bijolia", lat=25.16, lon=75.33)
    exporter = facility(company, "Rajasthan Exports", kind="exporter")
    site_matches_queue(company.pk)  # what report_submit queues on commit
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and Facility.objects.get(pk=quarry.pk).site_id is None:
        time.sleep(0.2)
    assert Facility.objects.get(pk=quarry.pk).site_link == FacilityLink.NEW
    assert Facility.objects.get(pk=exporter.pk).site_id is None  # not a production site


def test_a_site_known_without_a_plot_does_not_gather_two_plots(companies) -> None:
    """The first report says only "Kota"; the next two name plots A-45 and A-46. The first
    plot is linked, the second contradicts it and goes to the secretariat."""
    first = facility(companies[0], "Shree Ganesh Stone Industries", "", "Kota", kind="factory")
    facilities_match()
    a45 = facility(
        companies[1], "Sri Ganesh Stone Industries", "Plot A-45, RIICO", "Kota", kind="factory"
    )
    a46 = facility(
        companies[2], "Shree Ganesh Stone Industries", "Plot A-46, RIICO", "Kota", kind="factory"
    )
    run = facilities_match()
    assert (run.linked, run.queued) == (1, 1)
    a45.refresh_from_db()
    a46.refresh_from_db()
    assert a45.site_id == Facility.objects.get(pk=first.pk).site_id
    assert a46.site is None and MatchCandidate.objects.get().facility == a46


def test_a_confirmed_decision_made_during_a_run_is_not_undone(companies) -> None:
    """The run re-reads each batch under lock and filtered again: a facility confirmed
    since the run began (here: before its batch) is left alone."""
    from supplychain.registry import matcher

    first = facility(
        companies[0], "Shree Ganesh Granites", "Plot A-45, RIICO, Jaipur", kind="factory"
    )
    facilities_match()
    waiting = facility(
        companies[1], "Shree Ganesh Granites", "Plot A-46, RIICO, Jaipur", kind="factory"
    )
    first.refresh_from_db()
    Facility.objects.filter(pk=waiting.pk).update(site=first.site, site_link=FacilityLink.CONFIRMED)
    run = matcher.MatchRun()
    index = matcher.SiteIndex.of_countries(["IN"])
    matcher._match_batch([waiting.pk], True, run, index, matcher._Created())
    waiting.refresh_from_db()
    assert run.considered == 0
    assert (waiting.site_id, waiting.site_link) == (first.site_id, FacilityLink.CONFIRMED)


def test_a_merged_site_is_never_linked_to(companies) -> None:
    old = facility(companies[0], "Kalinga Stone Works", "Berhampur", kind="factory")
    facilities_match()
    old.refresh_from_db()
    other = Site.objects.create(kind="factory", name="Kalinga Granites", country="IN")
    Site.objects.filter(pk=old.site_id).update(merged_into=other)
    again = facility(companies[1], "Kalinga Stone Works", "Berhampur", kind="factory")
    facilities_match()
    again.refresh_from_db()
    assert again.site_id != old.site_id


def test_renaming_a_facility_undoes_its_automatic_link(companies) -> None:
    from supplychain.services import facility_save
    from tests.factories import MembershipFactory
    from trustone.access.actor import actor_for

    def actor(company):
        return actor_for(MembershipFactory(organisation=company, role="member").user, company.pk)

    a = facility(companies[0], "Laxmi Stone Industries", "Budhpura, Bundi", lat=25.2, lon=75.6)
    b = facility(companies[1], "Lakshmi Stones", "", lat=25.21, lon=75.61)
    facilities_match()
    b.refresh_from_db()
    assert b.site_link == FacilityLink.AUTOMATIC
    stale = Facility.objects.get(pk=b.pk)
    facility_save(
        actor=actor(companies[1]), organisation=companies[1], facility=stale, name="Jai Ambe Stones"
    )
    b.refresh_from_db()
    assert b.site is None and b.site_link == ""
    # an edit that keeps the identity leaves the link alone, and saves only its fields
    a.refresh_from_db()
    site = a.site_id
    facility_save(
        actor=actor(companies[0]),
        organisation=companies[0],
        facility=Facility.objects.get(pk=a.pk),
        name=a.name,
    )
    assert Facility.objects.get(pk=a.pk).site_id == site


def test_an_upload_that_respells_a_facility_has_it_matched_afresh(companies) -> None:
    """Found again by its coordinates, a quarry spelt otherwise in a new upload loses its
    automatic link; the next run matches the new spelling."""
    from supplychain.registry.matcher import facilities_match as run_matcher
    from supplychain.services import _FacilityMatcher
    from tests.factories import MembershipFactory
    from trustone.access.actor import actor_for

    quarry = facility(companies[0], "Bijolia Sandstone Quarry", "Bijolia", lat=25.16, lon=75.33)
    run_matcher()
    quarry.refresh_from_db()
    assert quarry.site_link == FacilityLink.NEW
    user = MembershipFactory(organisation=companies[0], role="member").user
    matcher = _FacilityMatcher(companies[0], actor_for(user, companies[0].pk), quarry.matched_at)

    class Row:
        name, address, place, country = "Bijoliya Stone Mines", "Bijolia", "Bijolia", "IN"
        latitude, longitude = quarry.latitude, quarry.longitude

    assert matcher.match("quarry", Row()).pk == quarry.pk
    matcher.save()
    quarry.refresh_from_db()
    assert quarry.name == "Bijoliya Stone Mines" and quarry.site is None
