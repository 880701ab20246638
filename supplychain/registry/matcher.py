"""Matching reported facilities to the registry (a write, run by a job or a command).

For each factory or quarry that is not yet linked, the candidate sites are scored with
`supplychain.rules.match_score`:

- one candidate at `SAME` or above, clearly ahead of any other: the facility is linked
  to it automatically;
- otherwise, candidates at `REVIEW` or above: proposed to the secretariat, which decides
  (`decisions`); the facility waits unlinked;
- nothing that close: the facility becomes a new site of its own.

A run is idempotent: a facility once linked is left alone (`--all` re-considers the
automatic links, never a confirmed one), a rejected pair is never proposed again, and a
pair already proposed is not proposed twice. Sites created in a run are candidates for
the facilities that follow in the same run, so five importers reporting one new quarry
make one site."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from celery import current_app
from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ..lists.building import lists_rebuild_queue
from ..models import (
    CandidateStatus,
    Facility,
    FacilityKind,
    FacilityLink,
    MatchAction,
    MatchCandidate,
    MatchDecision,
    Site,
)
from ..rules import join_address
from ..rules.matching import REVIEW, SAME, contradicts, match_score
from ..rules.names import address_key, match_key
from .candidates import Probe, SiteIndex

MATCHED_KINDS = (FacilityKind.FACTORY, FacilityKind.QUARRY)
MATCH_TASK = "supplychain.tasks.rebuild_site_matches_task"  # queue `lists`, by its name
BATCH = 500
CLEAR_LEAD = 0.03  # the best candidate must lead the next one by this to be linked alone
PROPOSALS = 3  # at most this many candidates proposed for one facility


@dataclass
class MatchRun:
    """What a run did."""

    linked: int = 0
    queued: int = 0
    new: int = 0
    considered: int = 0


def _as_site(record: Any) -> dict[str, Any]:
    """A facility or a site as `match_score` reads it."""
    return {
        "name": record.name,
        "address": join_address(record.address, record.place),
        "country": str(record.country),
        "lat": record.latitude,
        "lon": record.longitude,
    }


def _probe(record: Facility | Site) -> Probe:
    return Probe(
        key=record.pk,
        country=str(record.country),
        kind=record.kind,
        name_key=match_key(record.name),
        address_key=address_key(join_address(record.address, record.place)),
        latitude=float(record.latitude) if record.latitude is not None else None,
        longitude=float(record.longitude) if record.longitude is not None else None,
    )


def site_matching_job(job: Any) -> None:
    """The body of the matching job the coordinator starts: progress as it goes, what it
    did at the end."""
    from trustone.jobs.services import job_finish, job_progress

    run = facilities_match(
        everything=bool(job.params.get("all")),
        progress=lambda done, total: job_progress(job.pk, done=done, total=total),
    )
    job_finish(
        job.pk,
        message=_("%(linked)s linked, %(queued)s proposed for review, %(new)s new sites.")
        % {"linked": run.linked, "queued": run.queued, "new": run.new},
    )


def site_matches_queue(organisation_id: int) -> None:
    """Queue the matching of a company's factories and quarries (after it submitted a
    report); call it on commit."""
    ids = list(
        Facility.objects.filter(
            organisation_id=organisation_id, kind__in=MATCHED_KINDS, archived_at__isnull=True
        ).values_list("pk", flat=True)
    )
    if ids:
        current_app.send_task(MATCH_TASK, args=[ids])


def new_site_from(facility: Facility) -> Site:
    """A new site of the registry, as the facility describes it (saved)."""
    site = _site_from(facility, timezone.now())
    site.save()
    return site


def _site_from(facility: Facility, now: Any) -> Site:
    return Site(
        kind=facility.kind,
        name=facility.name,
        address=facility.address,
        place=facility.place,
        country=facility.country,
        latitude=facility.latitude,
        longitude=facility.longitude,
        name_key=match_key(facility.name),
        address_key=address_key(join_address(facility.address, facility.place)),
        created_at=now,
        updated_at=now,
    )


def _to_match(facility_ids: Iterable[int] | None, everything: bool) -> Any:
    facilities = Facility.objects.filter(kind__in=MATCHED_KINDS, archived_at__isnull=True)
    if facility_ids is not None:
        facilities = facilities.filter(pk__in=list(facility_ids))
    if everything:
        return facilities.exclude(site_link__in=(FacilityLink.CONFIRMED, FacilityLink.NEW))
    waiting = MatchCandidate.objects.filter(status=CandidateStatus.OPEN).values("facility_id")
    return facilities.filter(site__isnull=True).exclude(pk__in=waiting)


def facilities_match(
    *,
    facility_ids: Iterable[int] | None = None,
    everything: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> MatchRun:
    """Match the facilities not yet linked (or, with `everything`, also re-consider the
    automatic links) against the registry. Run by the matching job and `match_facilities`;
    no actor: it only applies the rules, and people decide the uncertain pairs."""
    run = MatchRun()
    with _one_run_at_a_time():
        to_match = _to_match(facility_ids, everything)
        ids = list(to_match.order_by("pk").values_list("pk", flat=True))
        if not ids:
            return run
        index = SiteIndex.of_countries(to_match.values_list("country", flat=True).distinct())
        created = _Created()
        for start in range(0, len(ids), BATCH):
            _match_batch(ids[start : start + BATCH], everything, run, index, created)
            if progress is not None:
                progress(min(start + BATCH, len(ids)), len(ids))
    if run.linked or run.new:
        lists_rebuild_queue()
    return run


RUN_LOCK = 0x7275_6E73  # pg advisory lock key of a matching run


@contextmanager
def _one_run_at_a_time() -> Iterator[None]:
    """Runs (nightly, after a submission, "match now", a re-match after a rejection)
    wait for each other: each builds its index from the sites the previous one made, so
    two runs never both make a site for the same new quarry."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_lock(%s)", [RUN_LOCK])
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_unlock(%s)", [RUN_LOCK])


class _Created:
    """The sites this run created: candidates for the facilities that follow."""

    def __init__(self) -> None:
        self.index = SiteIndex()
        self.sites: dict[int, dict[str, Any]] = {}

    def add(self, site: Site) -> None:
        self.sites[site.pk] = {"pk": site.pk, **_as_site(site)}
        self.index.add(_probe(site))

    def candidates(self, probe: Probe) -> dict[int, dict[str, Any]]:
        return {pk: self.sites[pk] for pk in self.index.candidates(probe)}


def _site_records(site_ids: set[int]) -> dict[int, dict[str, Any]]:
    """The sites as `match_score` reads them (plain values: thousands per batch)."""
    rows = Site.objects.filter(pk__in=site_ids, merged_into__isnull=True).values_list(
        "pk", "name", "address", "place", "country", "latitude", "longitude"
    )
    return {
        pk: {
            "pk": pk,
            "name": name,
            "address": join_address(address, place),
            "country": country,
            "lat": lat,
            "lon": lon,
        }
        for pk, name, address, place, country, lat, lon in rows
    }


_LINK_UPDATE = """
UPDATE supplychain_facility AS f
SET site_id = v.site_id, site_link = v.site_link, matched_at = v.matched_at
FROM unnest(%s::bigint[], %s::bigint[], %s::text[], %s::timestamptz[])
    AS v(id, site_id, site_link, matched_at)
WHERE f.id = v.id
"""


def _save_links(facilities: list[Facility]) -> None:
    """One UPDATE for the batch (bulk_update's CASE per row costs seconds per thousand)."""
    with connection.cursor() as cursor:
        cursor.execute(
            _LINK_UPDATE,
            [
                [f.pk for f in facilities],
                [f.site_id for f in facilities],
                [f.site_link for f in facilities],
                [f.matched_at for f in facilities],
            ],
        )


@transaction.atomic
def _match_batch(
    ids: list[int], everything: bool, run: MatchRun, index: SiteIndex, created: _Created
) -> None:
    # Locked, then filtered again: a facility the coordinator decided on (or that became
    # an exporter) since the run began is left alone.
    facilities = list(_to_match(ids, everything).select_for_update(of=("self",)).order_by("pk"))
    ids = [f.pk for f in facilities]
    probes = {f.pk: _probe(f) for f in facilities}
    found = {pk: index.candidates(probe) for pk, probe in probes.items()}
    wanted = {site_id for ids in found.values() for site_id in ids}
    sites = _site_records(wanted)
    reports = _reports_of(wanted | set(created.sites), ids)
    rejected = set(
        MatchCandidate.objects.filter(
            facility_id__in=ids, status=CandidateStatus.REJECTED
        ).values_list("facility_id", "site_id")
    )
    proposed = set(
        MatchCandidate.objects.filter(facility_id__in=ids).values_list("facility_id", "site_id")
    )
    now = timezone.now()
    candidates: list[MatchCandidate] = []
    decisions: list[MatchDecision] = []
    for facility in facilities:
        run.considered += 1
        probe = _as_site(facility)
        options = {i: sites[i] for i in found[facility.pk] if i in sites}
        options.update(created.candidates(probes[facility.pk]))
        scored = sorted(
            (
                (_score(probe, site, reports.get(pk, ())), pk)
                for pk, site in options.items()
                if (facility.pk, pk) not in rejected
            ),
            key=lambda pair: (-pair[0], pair[1]),
        )
        best = scored[0][0] if scored else 0.0
        runner_up = scored[1][0] if len(scored) > 1 else 0.0
        facility.matched_at = now
        if best >= SAME and not (runner_up >= SAME and best - runner_up < CLEAR_LEAD):
            site_id = scored[0][1]
            reports.setdefault(site_id, []).append(probe)  # for those that follow
            if facility.site_id != site_id:
                facility.site_id, facility.site_link = site_id, FacilityLink.AUTOMATIC
                decisions.append(_decision(MatchAction.LINKED, facility, site_id, best, now))
                run.linked += 1
            continue
        if best >= REVIEW:
            for score, site_id in scored[:PROPOSALS]:
                if score < REVIEW or (facility.pk, site_id) in proposed:
                    continue
                candidates.append(
                    MatchCandidate(
                        facility=facility, site_id=site_id, score=_decimal(score), created_at=now
                    )
                )
                decisions.append(_decision(MatchAction.QUEUED, facility, site_id, score, now))
            facility.site_id, facility.site_link = None, ""
            run.queued += 1
            continue
        site = _site_from(facility, now)
        site.save()
        created.add(site)
        facility.site_id, facility.site_link = site.pk, FacilityLink.NEW
        decisions.append(_decision(MatchAction.NEW_SITE, facility, site.pk, None, now))
        run.new += 1
    _save_links(facilities)
    linked = [f.pk for f in facilities if f.site_id is not None]
    MatchCandidate.objects.filter(facility_id__in=linked, status=CandidateStatus.OPEN).update(
        status=CandidateStatus.WITHDRAWN, decided_at=now
    )
    MatchCandidate.objects.bulk_create(candidates, ignore_conflicts=True)
    MatchDecision.objects.bulk_create(decisions)


def _reports_of(site_ids: set[int], exclude: list[int]) -> dict[int, list[dict[str, Any]]]:
    """How the facilities already linked to these sites describe them."""
    reports: dict[int, list[dict[str, Any]]] = {}
    linked = (
        Facility.objects.filter(site_id__in=site_ids, archived_at__isnull=True)
        .exclude(pk__in=exclude)
        .only("site_id", "name", "address", "place", "country", "latitude", "longitude")
    )
    for facility in linked:
        reports.setdefault(facility.site_id, []).append(_as_site(facility))  # type: ignore[arg-type]
    return reports


def _score(probe: dict[str, Any], site: dict[str, Any], reports: Iterable[dict[str, Any]]) -> float:
    """The match score against the site, held below SAME when a report already linked to
    the site contradicts the facility (another plot, postcode, unit, stone type)."""
    score = match_score(probe, site)
    if score >= SAME and any(contradicts(probe, report) for report in reports):
        return min(score, REVIEW + 0.05)
    return score


def _decimal(score: float) -> Decimal:
    return Decimal(str(round(score, 3)))


def _decision(
    action: str, facility: Facility, site_id: int, score: float | None, now: Any
) -> MatchDecision:
    return MatchDecision(
        action=action,
        facility=facility,
        site_id=site_id,
        score=_decimal(score) if score is not None else None,
        decided_at=now,
    )
