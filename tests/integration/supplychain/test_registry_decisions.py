"""The coordinator's registry: the proposals queue, confirm and reject, a new site, merge
and split, the OS ID, the Open Supply Hub export, and what each leaves in the history."""

import csv
import io

import pytest
from django.urls import reverse

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
from trustone.audit.models import AuditEntry

pytestmark = pytest.mark.django_db


def add(world, key, name, address, kind="factory", **fields):
    return Facility.objects.create(
        organisation=world.organisations[key],
        kind=kind,
        name=name,
        address=address,
        country=fields.pop("country", "IN"),
        **fields,
    )


@pytest.fixture
def waiting(world):
    """A facility the matcher could not decide on, and the site it was proposed."""
    add(world, "other_company", "Shree Ganesh Granites", "Plot A-45, RIICO, Jaipur")
    facility = add(world, "company", "Shree Ganesh Granites", "Plot A-46, RIICO, Jaipur")
    facilities_match()
    facility.refresh_from_db()
    assert facility.site is None
    return facility


def test_the_queue_shows_the_facility_and_its_proposal(world, waiting) -> None:
    response = world.client("secretariat_admin").get(reverse("registry:proposals"))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Plot A-46, RIICO, Jaipur" in page and "Plot A-45, RIICO, Jaipur" in page
    assert "Dezelfde locatie" in page or "Same site" in page
    assert world.organisations["company"].name in page


def test_confirming_links_the_facility_for_good(world, waiting) -> None:
    candidate = MatchCandidate.objects.get(facility=waiting)
    response = world.client("secretariat_admin").post(
        reverse("registry:confirm", args=[candidate.pk]), follow=True
    )
    assert response.status_code == 200
    waiting.refresh_from_db()
    assert (waiting.site_id, waiting.site_link) == (candidate.site_id, FacilityLink.CONFIRMED)
    assert "Nothing to decide" in response.content.decode() or "Niets te beslissen" in (
        response.content.decode()
    )
    assert facilities_match(everything=True).linked == 0
    waiting.refresh_from_db()
    assert waiting.site_link == FacilityLink.CONFIRMED
    assert AuditEntry.objects.filter(action="site_match_confirmed").count() == 1
    again = world.client("secretariat_admin").post(reverse("registry:confirm", args=[candidate.pk]))
    assert again.status_code == 404  # decided: no longer a proposal


def test_rejecting_the_only_proposal_makes_a_new_site(world, waiting) -> None:
    candidate = MatchCandidate.objects.get(facility=waiting)
    world.client("secretariat_admin").post(reverse("registry:reject", args=[candidate.pk]))
    candidate.refresh_from_db()
    waiting.refresh_from_db()
    assert candidate.status == CandidateStatus.REJECTED
    assert waiting.site_link == FacilityLink.NEW and waiting.site_id != candidate.site_id
    assert MatchDecision.objects.filter(action=MatchAction.REJECTED).count() == 1


def test_none_of_these_makes_a_confirmed_site_of_its_own(world, waiting) -> None:
    world.client("secretariat_admin").post(reverse("registry:new_site", args=[waiting.pk]))
    waiting.refresh_from_db()
    assert waiting.site_link == FacilityLink.CONFIRMED
    assert waiting.site.name == "Shree Ganesh Granites"
    assert not MatchCandidate.objects.filter(status=CandidateStatus.OPEN).exists()


def test_merging_moves_the_facilities_and_keeps_the_old_id(world) -> None:
    add(world, "company", "Kalinga Stone Works", "Berhampur")
    add(world, "other_company", "Utkal Granite Exim", "Berhampur")
    facilities_match()
    kalinga, utkal = Site.objects.order_by("name")
    client = world.client("secretariat_admin")
    response = client.post(
        reverse("registry:merge", args=[utkal.pk]), {"into": kalinga.public_id.lower()}
    )
    assert response.status_code == 302
    assert utkal.public_id in client.get(response.url).content.decode()  # the message
    utkal.refresh_from_db()
    assert utkal.merged_into == kalinga
    assert set(Facility.objects.values_list("site_id", flat=True)) == {kalinga.pk}
    listed = client.get(reverse("registry:sites")).content.decode()
    assert kalinga.public_id in listed and utkal.public_id not in listed
    # a merged site cannot be merged again, and a site not into itself
    response = client.post(
        reverse("registry:merge", args=[kalinga.pk]), {"into": kalinga.public_id}
    )
    assert response.status_code == 200
    assert "Choose another site" in response.content.decode() or "Kies een andere" in (
        response.content.decode()
    )


def test_splitting_gives_the_facility_a_site_of_its_own_that_sticks(world) -> None:
    a = add(
        world,
        "company",
        "Laxmi Stone Industries",
        "Budhpura, Bundi",
        kind="quarry",
        latitude=25.2,
        longitude=75.6,
    )
    b = add(
        world, "other_company", "Lakshmi Stones", "", kind="quarry", latitude=25.21, longitude=75.61
    )
    facilities_match()
    b.refresh_from_db()
    assert b.site_id == Facility.objects.get(pk=a.pk).site_id
    old = b.site
    world.client("secretariat_admin").post(reverse("registry:split", args=[b.pk]))
    b.refresh_from_db()
    assert b.site_id != old.pk and b.site_link == FacilityLink.CONFIRMED
    assert MatchCandidate.objects.get(facility=b, site=old).status == CandidateStatus.REJECTED
    facilities_match(everything=True)
    b.refresh_from_db()
    assert b.site_id != old.pk


@pytest.mark.parametrize(
    ("os_id", "saved"),
    [("cn2019303bq3fzp", "CN2019303BQ3FZP"), ("", ""), ("not an id", None)],
)
def test_the_os_id_is_checked(world, os_id, saved) -> None:
    site = Site.objects.create(kind="quarry", name="Bijolia", country="IN")
    response = world.client("secretariat_admin").post(
        reverse("registry:site", args=[site.pk]), {"os_id": os_id}
    )
    site.refresh_from_db()
    if saved is None:
        assert response.status_code == 200 and site.os_id == ""
        assert "CN2019303BQ3FZP" in response.content.decode()  # the message shows the form
    else:
        assert response.status_code == 302 and site.os_id == saved


def test_the_export_is_in_open_supply_hubs_list_format(world) -> None:
    Site.objects.create(
        kind="quarry",
        name="=Bijolia",
        address="Bijolia",
        place="Bhilwara",
        country="IN",
        latitude="25.160000",
        longitude="75.330000",
        os_id="IN2024123ABCDEF",
    )
    response = world.client("secretariat_admin").get(reverse("registry:export_osh"))
    assert response["Content-Type"] == "text/csv"
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][:7] == ["country", "name", "address", "sector", "facility_type", "lat", "lng"]
    assert rows[1][0] == "IN" and rows[1][1] == "'=Bijolia"  # no formula injection
    assert rows[1][2:7] == [
        "Bijolia, Bhilwara",
        "Natural Stone",
        "Quarry",
        "25.160000",
        "75.330000",
    ]
    assert rows[1][8] == "IN2024123ABCDEF"
    assert AuditEntry.objects.filter(action="registry_exported").exists()


def test_search_finds_a_site_by_its_sound_and_says_when_nothing_is_found(world) -> None:
    Site.objects.create(
        kind="factory", name="Shree Lakshmi Granites", name_key="laksmi", country="IN"
    )
    client = world.client("secretariat_admin")
    found = client.get(reverse("registry:sites"), {"q": "Laxmi"}).content.decode()
    assert "Shree Lakshmi Granites" in found
    nothing = client.get(reverse("registry:sites"), {"q": "Zzyzx"}).content.decode()
    assert "Shree Lakshmi Granites" not in nothing
    assert "No site matches" in nothing or "Geen locatie" in nothing


def test_match_now_starts_a_job_for_the_coordinator(
    world, django_capture_on_commit_callbacks
) -> None:
    from trustone.jobs.models import Job

    with django_capture_on_commit_callbacks() as queued:
        response = world.client("secretariat_admin").post(reverse("registry:match"))
    job = Job.objects.get()
    assert response.status_code == 302 and response.url == reverse("jobs:detail", args=[job.pk])
    assert job.kind == "site_matching" and len(queued) == 1


def test_a_rejection_carries_over_to_the_site_a_site_is_merged_into(world, waiting) -> None:
    candidate = MatchCandidate.objects.get(facility=waiting)
    client = world.client("secretariat_admin")
    client.post(reverse("registry:reject", args=[candidate.pk]))
    waiting.refresh_from_db()
    own_site = waiting.site  # the rejection made it a site of its own
    other = Site.objects.create(kind="factory", name="Ganesh Granites Jaipur", country="IN")
    client.post(reverse("registry:merge", args=[candidate.site_id]), {"into": other.public_id})
    carried = MatchCandidate.objects.get(facility=waiting, site=other)
    assert carried.status == CandidateStatus.REJECTED
    assert waiting.site == own_site


def test_renaming_a_facility_in_the_form_undoes_its_automatic_link(world) -> None:
    add(world, "other_company", "Kalinga Stone Works", "Berhampur")
    mine = add(world, "company", "Kalinga Stone Works", "Berhampur")
    facilities_match()
    mine.refresh_from_db()
    assert mine.site_link == FacilityLink.AUTOMATIC
    response = world.client("company_member").post(
        reverse("supplychain:facility_edit", args=[mine.pk]),
        {"kind": "factory", "name": "Utkal Granite Exim", "address": "Berhampur", "country": "IN"},
    )
    assert response.status_code == 302
    mine.refresh_from_db()
    assert mine.name == "Utkal Granite Exim"
    assert mine.site is None and mine.site_link == ""
