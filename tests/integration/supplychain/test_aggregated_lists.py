"""The lists without company links (DOMAIN §5): the aggregated list, the public
quarry-area list and its JSON, after disclosure control; each published as a version
that stays retrievable."""

import json
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.urls import reverse

from supplychain.lists.building import list_publish, lists_build
from supplychain.models import ListPublication
from tests.factories import CovenantMembershipFactory
from tests.factories.registry import buy, site

pytestmark = pytest.mark.django_db

# Real places (GeoNames): three districts of Rajasthan, one of Andhra Pradesh, one of
# Karnataka.
KOTA = (25.18, 75.83)
BUNDI = (25.23, 75.55)
BHILWARA = (25.16, 75.33)
PRAKASAM = (15.58, 79.87)
MYSORE = (12.30, 76.64)


@pytest.fixture
def companies():
    return [CovenantMembershipFactory().organisation for _ in range(6)]


def everything_published(rows) -> str:
    return json.dumps(rows)


def test_a_site_with_one_or_two_buyers_is_never_shown_with_its_count_or_volume(companies):
    few, enough, more = (
        site("Two Buyers Quarry", KOTA),
        site("Ganesh", KOTA),
        site("Mahaveer", KOTA),
    )
    for company in companies[:2]:
        buy(company, few, "300000")
    for company in companies[2:5]:
        buy(company, enough)
    for company in companies[1:4]:
        buy(company, more, "120000")
    aggregated = list_publish("aggregated")[0].rows
    public = list_publish("quarry_areas")[0].rows
    assert few.public_id not in everything_published(aggregated)
    assert "Two Buyers Quarry" not in everything_published(aggregated + public)
    shown = {row["site"]: row for row in aggregated if row["level"] == "site"}
    assert few.public_id not in shown
    # The suppressed site is merged with the smallest published sibling (secondary
    # suppression): its figures cannot be had by subtracting the others from a total.
    rest = [row for row in aggregated if row["level"] == "region"]
    assert len(rest) == 1 and rest[0]["sites"] == 2 and rest[0]["buyers"] == 5
    assert list(shown) == [more.public_id]
    assert shown[more.public_id]["buyers"] == 3
    assert Decimal(shown[more.public_id]["volume"]) == Decimal("360000")
    assert Decimal(rest[0]["volume"]) == 2 * Decimal("300000") + 3 * Decimal("100000")


def test_public_rows_have_no_company_no_site_and_a_coarse_location(companies):
    quarries = [site(f"Quarry {n}", KOTA) for n in range(2)]
    for company in companies[:4]:
        buy(company, quarries[0])
    buy(companies[4], quarries[1])
    rows = list_publish("quarry_areas")[0].rows
    text = everything_published(rows)
    assert [(r["level"], r["region"], r["district"], r["members"]) for r in rows] == [
        ("district", "Rajasthan", "Kota", 5)
    ]
    for company in companies:
        assert company.name not in text
    for quarry in quarries:
        assert quarry.public_id not in text and quarry.name not in text
    assert rows[0]["lat"] % 0.25 == 0 and rows[0]["lon"] % 0.25 == 0
    assert (rows[0]["lat"], rows[0]["lon"]) == (25.25, 75.75)


def test_districts_with_too_few_members_merge_into_their_region(companies):
    kota, bundi = site("Kota quarry", KOTA), site("Budhpura", BUNDI)
    for company in companies[:2]:
        buy(company, kota)
    buy(companies[2], bundi)
    rows = list_publish("quarry_areas")[0].rows
    assert [(r["level"], r["region"], r["district"], r["members"]) for r in rows] == [
        ("region", "Rajasthan", "", 3)
    ]


def test_a_region_dominated_by_two_buyers_is_merged_upward(companies):
    rajasthan, andhra = site("Kota Stone", KOTA, "factory"), site("Ongole", PRAKASAM, "factory")
    for company, volume in zip(companies[:3], ("500000", "400000", "10000"), strict=True):
        buy(company, rajasthan, volume)
    for company, volume in zip(companies[3:], ("450000", "420000", "15000"), strict=True):
        buy(company, andhra, volume)
    rows = list_publish("aggregated")[0].rows
    # In each site, and so in each region, two buyers hold over 85 % of the volume:
    # neither is published, not even with its count; together, one level up, no two
    # companies dominate, and the country's other places are published.
    assert [(row["level"], row["buyers"], Decimal(row["volume"])) for row in rows] == [
        ("country", 6, Decimal("1795000"))
    ]
    assert rows[0]["sites"] == 2


def test_a_company_is_one_contributor_however_many_chains_it_has(companies):
    quarry = site("Mahaveer", KOTA)
    for _ in range(3):
        buy(companies[0], quarry, "1000")
    buy(companies[1], quarry, "1000")
    rows = list_publish("aggregated")[0].rows
    assert rows == []  # two companies: nothing at any level


def test_only_listed_members_count(companies):
    quarry = site("Mahaveer", KOTA)
    for company in companies[:3]:
        buy(company, quarry)
    companies[0].covenant.ends_on = companies[0].covenant.joined_on
    companies[0].covenant.save()
    assert list_publish("quarry_areas")[0].rows == []


def test_a_rebuild_that_finds_nothing_new_publishes_no_version(companies):
    quarry = site("Mahaveer", KOTA)
    for company in companies[:3]:
        buy(company, quarry)
    first, created = list_publish("quarry_areas")
    again, created_again = list_publish("quarry_areas")
    assert created and not created_again and again.pk == first.pk
    buy(companies[3], site("Budhpura", BUNDI))
    newer, created = list_publish("quarry_areas")
    assert created and newer.pk != first.pk
    assert ListPublication.objects.filter(kind="quarry_areas").count() == 2


def test_what_was_published_on_a_date_can_be_shown_again(client, companies):
    quarry = site("Mahaveer", KOTA)
    for company in companies[:3]:
        buy(company, quarry, product="Kota Blue")
    old = list_publish("quarry_areas")[0]
    for company in companies[3:]:
        buy(company, site("Chimakurthy", PRAKASAM), product="Black Galaxy")
    current = list_publish("quarry_areas")[0]
    page = client.get(reverse("lists:quarry_areas")).content.decode()
    assert "Black Galaxy" in page and "Prakasam" in page
    page = client.get(reverse("lists:quarry_areas_version", args=[old.pk])).content.decode()
    assert "Kota Blue" in page and "Black Galaxy" not in page
    versions = client.get(reverse("lists:quarry_areas_versions")).content.decode()
    assert reverse("lists:quarry_areas_version", args=[old.pk]) in versions
    assert reverse("lists:quarry_areas_version", args=[current.pk]) in versions
    missing = client.get(reverse("lists:quarry_areas_version", args=[current.pk + 99]))
    assert missing.status_code == 404


def test_another_lists_version_is_not_a_quarry_area_version(client, companies):
    aggregated = ListPublication.objects.create(kind="aggregated", rows=[], digest="x")
    response = client.get(reverse("lists:quarry_areas_version", args=[aggregated.pk]))
    assert response.status_code == 404


def test_the_quarry_areas_as_public_json(client, companies):
    quarry = site("Mahaveer", KOTA)
    for company in companies[:3]:
        buy(company, quarry)
    first = list_publish("quarry_areas")[0]
    data = client.get(reverse("api:public-quarry-areas")).json()
    assert data["version"] == first.pk
    assert data["areas"] == [
        {
            "level": "district",
            "country": "IN",
            "region": "Rajasthan",
            "district": "Kota",
            "members": 3,
            "products": ["Kota Blue"],
            "lat": 25.25,
            "lon": 75.75,
        }
    ]
    older = client.get(reverse("api:public-quarry-areas"), {"version": first.pk}).json()
    assert older == data
    assert client.get(reverse("api:public-quarry-areas"), {"version": 99999}).status_code == 404
    assert client.get(reverse("api:public-quarry-areas"), {"version": "x"}).status_code == 400


def test_no_json_before_the_first_publication(client, db):
    assert client.get(reverse("api:public-quarry-areas")).status_code == 404


def test_the_public_page_before_the_first_publication(client, db):
    page = client.get(reverse("lists:quarry_areas"))
    assert page.status_code == 200
    assert "nog niet gepubliceerd" in page.content.decode() or "not been published" in (
        page.content.decode()
    )


def test_the_secretariat_reads_and_exports_the_aggregated_list(client, world, companies):
    quarry = site("Mahaveer", KOTA)
    for company in companies[:3]:
        buy(company, quarry, "50000")
    list_publish("aggregated")
    client.force_login(world.users["secretariat_admin"])
    page = client.get(reverse("lists:aggregated")).content.decode()
    assert "Mahaveer" in page and quarry.public_id in page
    for company in companies:
        assert company.name not in page
    export = client.get(reverse("lists:aggregated_export"), {"format": "csv"})
    text = export.content.decode("utf-8-sig")
    assert export["Content-Type"].startswith("text/csv")
    assert "Mahaveer" in text and "150000" in text
    assert world.users["secretariat_admin"].full_name in text.splitlines()[0]
    from trustone.audit.models import AuditEntry

    assert AuditEntry.objects.filter(action="aggregated_list_exported").count() == 1


def test_the_list_pages_do_not_query_per_row(
    client, world, companies, django_assert_max_num_queries
):
    client.force_login(world.users["secretariat_admin"])

    def build(count):
        for n in range(count):
            quarry = site(f"Quarry {n}", KOTA)
            for company in companies[:3]:
                buy(company, quarry)
        lists_build()

    build(2)
    with django_assert_max_num_queries(12):
        client.get(reverse("lists:aggregated"))
    build(20)
    with django_assert_max_num_queries(12):
        assert client.get(reverse("lists:aggregated")).status_code == 200


def test_build_lists_prints_what_it_published(companies, capsys):
    quarry = site("Mahaveer", KOTA)
    for company in companies[:3]:
        buy(company, quarry)
    call_command("build_lists")
    out = capsys.readouterr().out
    for kind in ("linked", "aggregated", "quarry_areas", "project_regions"):
        assert kind in out


@pytest.fixture
def lists_worker(transactional_db):
    from celery.contrib.testing.worker import start_worker

    from trustone import celery_app

    with start_worker(
        celery_app, pool="solo", perform_ping_check=False, shutdown_timeout=30, queues=["lists"]
    ):
        yield


@pytest.mark.worker
def test_rebuild_now_is_a_job_with_progress_and_a_second_run_publishes_nothing(
    client, world, lists_worker
):
    import time

    from trustone.jobs.models import Job

    companies = [CovenantMembershipFactory().organisation for _ in range(3)]
    quarry = site("Mahaveer", KOTA)
    for company in companies:
        buy(company, quarry)
    client.force_login(world.users["secretariat_admin"])
    for _run in range(2):
        response = client.post(reverse("lists:rebuild"))
        job = Job.objects.order_by("-pk").first()
        assert response.url == reverse("jobs:detail", args=[job.pk])
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and job.status not in ("succeeded", "failed"):
            time.sleep(0.2)
            job.refresh_from_db()
        assert job.status == "succeeded", job.message
        assert (job.done, job.total) == (4, 4)
        assert ListPublication.objects.filter(kind="quarry_areas").count() == 1


def test_a_stone_type_reported_by_fewer_than_three_companies_is_not_published(companies):
    quarry = site("Mahaveer", KOTA)
    for company in companies[:3]:
        buy(company, quarry, product="Kota Blue")
    buy(companies[0], quarry, product="Van der Steen Royal Grey (eigen merk)")
    for kind in ("aggregated", "quarry_areas"):
        rows = list_publish(kind)[0].rows
        assert [row["products"] for row in rows] == [["Kota Blue"]]
