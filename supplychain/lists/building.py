"""Building the lists from the registry and publishing each as a version.

The linked list (Art. 6.3): for every production site in the registry, the listed member
companies that report it, with the stone types of their chains through it. Only members
whose membership runs today are in it; a facility waiting for the secretariat's decision
is left out until it is linked. A build is idempotent: when the rows are what the latest
version already holds, nothing new is published."""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from collections.abc import Callable
from typing import Any

from celery import current_app
from django.db import transaction
from django.db.models import Q

from members.public import listed_organisations
from trustone.jobs.services import job_finish, job_progress

from ..models import Chain, Facility, ListKind, ListPublication
from .aggregate import aggregated_rows, one_reading, quarry_area_rows


def linked_rows() -> list[dict[str, Any]]:
    """The linked list's rows: one per site and company, ordered by country and site."""
    members = listed_organisations().filter(kind="company")
    facilities = (
        Facility.objects.filter(
            organisation__in=members, site__isnull=False, archived_at__isnull=True
        )
        .order_by("site__country", "site__name", "site__public_id", "organisation__name")
        .values_list(
            "pk",
            "site_id",
            "organisation_id",
            "site__public_id",
            "site__name",
            "site__kind",
            "site__place",
            "site__country",
            "site__latitude",
            "site__longitude",
            "organisation__name",
        )
    )
    products: dict[int, set[str]] = defaultdict(set)
    chains = Chain.objects.filter(organisation__in=members).filter(
        Q(factory__site__isnull=False) | Q(quarry__site__isnull=False)
    )
    for factory, quarry, product in chains.values_list("factory_id", "quarry_id", "product"):
        for facility_id in (factory, quarry):
            if facility_id is not None:
                products[facility_id].add(product.strip())
    rows: dict[tuple[int, int], dict[str, Any]] = {}
    for (
        pk,
        site,
        organisation,
        public_id,
        name,
        kind,
        place,
        country,
        lat,
        lon,
        company,
    ) in facilities.iterator(chunk_size=5000):
        row = rows.get((site, organisation))
        if row is None:
            row = rows[(site, organisation)] = {
                "site": public_id,
                "name": name,
                "kind": kind,
                "place": place,
                "country": str(country),
                "lat": None if lat is None else float(lat),
                "lon": None if lon is None else float(lon),
                "company": company,
                "products": set(),
            }
        row["products"] |= products.get(pk, set())
    for row in rows.values():
        row["products"] = sorted(row["products"])
    return list(rows.values())


Builder = Callable[[], list[dict[str, Any]]]

BUILDERS: dict[str, Builder] = {
    ListKind.LINKED: linked_rows,
    ListKind.AGGREGATED: aggregated_rows,
    ListKind.QUARRY_AREAS: quarry_area_rows,
}


def list_builder_register(kind: str, builder: Builder) -> None:
    """A later app adds a list that needs what it knows (the candidate project regions
    need the themes of the plans, in assessments); called from its AppConfig.ready()."""
    BUILDERS[kind] = builder


@transaction.atomic
def list_publish(kind: str) -> tuple[ListPublication, bool]:
    """Build `kind` and publish it when it changed; (the latest version, whether new)."""
    rows = BUILDERS[kind]()
    digest = hashlib.sha256(json.dumps(rows, sort_keys=True).encode()).hexdigest()
    latest = ListPublication.objects.select_for_update().filter(kind=kind).first()
    if latest is not None and latest.digest == digest:
        return latest, False
    publication = ListPublication.objects.create(
        kind=kind, rows=rows, digest=digest, row_count=len(rows)
    )
    return publication, True


REBUILD_TASK = "supplychain.tasks.rebuild_lists_task"  # queue `lists`, by its name


def lists_rebuild_queue() -> None:
    """Queue a rebuild of the lists once the transaction commits (after the registry
    changed); the rebuild is idempotent, so several queued in a row cost little."""
    transaction.on_commit(lambda: current_app.send_task(REBUILD_TASK), robust=True)


def lists_build(
    progress: Callable[[int, int], None] | None = None,
) -> dict[str, int]:
    """Rebuild every list (the nightly job, the command, after decisions, the
    coordinator's "rebuild now"): rows per list; `progress(done, total)` after each."""
    counts: dict[str, int] = {}
    with one_reading():
        for done, kind in enumerate(BUILDERS, start=1):
            counts[kind] = list_publish(kind)[0].row_count
            if progress is not None:
                progress(done, len(BUILDERS))
    return counts


def lists_job(job: Any) -> None:
    """The body of the coordinator's "rebuild now" job: progress per list, then the rows
    of each (a list that did not change keeps its version)."""
    counts = lists_build(progress=lambda done, total: job_progress(job.pk, done=done, total=total))
    names = dict(ListKind.choices)
    job_finish(
        job.pk,
        message="; ".join(f"{names.get(kind, kind)}: {rows}" for kind, rows in counts.items()),
    )
