"""`match:facilities`: matching reported facilities against the registry, scored against
the labels of the synthetic registry (tests/perf/registry_data.py).

Precision: of the automatic links, the share that link the right site (a report of a
registered site to that site; a report of a new site to the site another report of it
created in the same run). Recall: of the reports of registered sites, the share linked
automatically to the right one (a proposal to the secretariat does not count)."""

from __future__ import annotations

import time
from typing import Any

from django.db import connection, transaction

from . import data
from .registry_data import Record, canonical_sites, reported_facilities

PRECISION_TARGET = 0.98
RECALL_TARGET = 0.95
SECONDS_TARGET = 60.0


def registry_load(canonical: list[Record]) -> dict[int, int]:
    """The registry, loaded once (site id → the record's key); `time:build_lists` buys
    from it too."""
    from supplychain.models import Site
    from supplychain.rules import join_address
    from supplychain.rules.names import address_key, match_key

    Site.objects.exclude(public_id__startswith="TS-B").delete()  # a previous run's new sites
    existing = Site.objects.count()
    if existing != len(canonical):
        data.log(f"registry: loading {len(canonical)} sites")
        with transaction.atomic():
            Site.objects.all().delete()
            batch = [
                Site(
                    public_id=f"TS-B{record.key:07d}",
                    kind=record.kind,
                    name=record.name,
                    address=record.address,
                    place=record.place,
                    country=record.country,
                    latitude=record.latitude,
                    longitude=record.longitude,
                    name_key=match_key(record.name),
                    address_key=address_key(join_address(record.address, record.place)),
                )
                for record in canonical
            ]
            Site.objects.bulk_create(batch, batch_size=5000)
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE supplychain_site")
    return {
        pk: int(public_id[4:])
        for pk, public_id in Site.objects.filter(public_id__startswith="TS-B").values_list(
            "pk", "public_id"
        )
    }


def _facilities_load(reports: list[Record]) -> dict[int, int]:
    """The reported facilities, fresh for each run (facility id → the record's key)."""
    from supplychain.models import Facility, MatchCandidate, MatchDecision, Site

    companies = [
        data.company_ensure(
            slug=f"bench-match-{n}",
            name=f"Bench Match {n} B.V.",
            admin_email=f"match{n}@bench.bench",
            members=1,
        ).organisation
        for n in range(20)
    ]
    with transaction.atomic():
        MatchDecision.objects.all().delete()
        MatchCandidate.objects.all().delete()
        Facility.objects.filter(organisation__in=companies).delete()
        Site.objects.exclude(public_id__startswith="TS-B").delete()
        facilities = Facility.objects.bulk_create(
            Facility(
                organisation=companies[number % len(companies)],
                kind=record.kind,
                name=record.name[:200],
                address=record.address[:300],
                place=record.place[:120],
                country=record.country,
                latitude=record.latitude,
                longitude=record.longitude,
            )
            for number, record in enumerate(reports)
        )
    return {f.pk: record.key for f, record in zip(facilities, reports, strict=True)}


def match_facilities_benchmark(registry: int = 100_000, reported: int = 5_000) -> dict[str, Any]:
    from supplychain.models import Facility, FacilityLink
    from supplychain.registry.matcher import facilities_match

    canonical = canonical_sites(registry)
    reports = reported_facilities(canonical, reported)
    site_keys = registry_load(canonical)
    facility_keys = _facilities_load(reports)

    started = time.perf_counter()
    run = facilities_match(facility_ids=list(facility_keys))
    seconds = time.perf_counter() - started

    links = Facility.objects.filter(pk__in=list(facility_keys)).values_list(
        "pk", "site_id", "site_link"
    )
    created_by: dict[int, int] = {}  # a site created in the run → the key it stands for
    for pk, site_id, link in links:
        if link == FacilityLink.NEW:
            created_by[site_id] = facility_keys[pk]
    right = wrong = missed = 0
    for pk, site_id, link in links:
        key = facility_keys[pk]
        registered = key < registry
        if link == FacilityLink.AUTOMATIC:
            linked_key = site_keys.get(site_id, created_by.get(site_id))
            if linked_key == key:
                right += 1
            else:
                wrong += 1
                if registered:
                    missed += 1
        elif registered:
            missed += 1
    right_registered = sum(
        1
        for pk, site_id, link in links
        if link == FacilityLink.AUTOMATIC and site_keys.get(site_id) == facility_keys[pk]
    )
    precision = right / (right + wrong) if right + wrong else 0.0
    recall = right_registered / (right_registered + missed) if right_registered + missed else 0.0
    line: dict[str, Any] = {
        "value": round(seconds, 1),
        "unit": "s",
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "seconds": round(seconds, 1),
        "registry": registry,
        "reported": reported,
        "linked": run.linked,
        "queued": run.queued,
        "new": run.new,
    }
    problems = []
    if precision < PRECISION_TARGET:
        problems.append(f"precision under {PRECISION_TARGET}")
    if recall < RECALL_TARGET:
        problems.append(f"recall under {RECALL_TARGET}")
    if seconds > SECONDS_TARGET:
        problems.append(f"over {SECONDS_TARGET:.0f} s")
    if problems:
        line["error"] = "; ".join(problems)
    return line
