"""Reads of the registry. The registry links sites to the companies that report them,
which is competition-sensitive: only the secretariat's administrators read it."""

from __future__ import annotations

from typing import Any

from django.contrib.postgres.search import TrigramSimilarity
from django.db.models import Count, Prefetch, Q, QuerySet

from trustone.access.actor import Actor
from trustone.access.errors import NotFound

from ..models import CandidateStatus, Facility, MatchCandidate, MatchDecision, Site
from ..rules.matching import distance_km
from ..rules.names import match_key


def may_manage_registry(actor: Actor) -> bool:
    """The coordinator (a secretariat administrator)."""
    return actor.is_secretariat_admin


def sites_visible_to(
    actor: Actor, *, q: str = "", country: str = "", kind: str = ""
) -> QuerySet[Site]:
    """The registry's sites (merged ones left out), searched by name as it sounds
    (pg_trgm on the phonetic key), by public id, OS ID or place; with how many companies
    report each. The coordinator only."""
    if not may_manage_registry(actor):
        return Site.objects.none()
    sites = Site.objects.filter(merged_into__isnull=True).annotate(
        companies=Count("facilities__organisation", distinct=True)
    )
    if country:
        sites = sites.filter(country=country.upper())
    if kind:
        sites = sites.filter(kind=kind)
    q = q.strip()
    if q:
        key = match_key(q)
        exact = Q(public_id__iexact=q) | Q(os_id__iexact=q) | Q(place__icontains=q)
        if key:
            sites = sites.annotate(likeness=TrigramSimilarity("name_key", key)).filter(
                exact | Q(likeness__gte=0.3) | Q(name__icontains=q)
            )
            return sites.order_by("-likeness", "name")
        sites = sites.filter(exact | Q(name__icontains=q))
    return sites.order_by("country", "name", "pk")


def access_site(actor: Actor, site_id: int) -> Site:
    """One site with its facilities (and their companies); not found for anyone but the
    coordinator."""
    site = (
        Site.objects.filter(pk=site_id)
        .select_related("merged_into")
        .prefetch_related(
            Prefetch(
                "facilities",
                queryset=Facility.objects.select_related("organisation").order_by(
                    "organisation__name", "name"
                ),
            )
        )
        .first()
    )
    if site is None or not may_manage_registry(actor):
        raise NotFound
    return site


def site_history(site: Site) -> QuerySet[MatchDecision]:
    return (
        MatchDecision.objects.filter(Q(site=site) | Q(other_site=site))
        .select_related("facility__organisation", "site", "other_site", "decided_by")
        .order_by("-decided_at", "-pk")
    )


def open_proposals(actor: Actor) -> list[dict[str, Any]]:
    """The facilities waiting for a decision, each with its proposed sites (best first)
    and how far apart they are. The coordinator only."""
    if not may_manage_registry(actor):
        return []
    candidates = (
        MatchCandidate.objects.filter(status=CandidateStatus.OPEN)
        .select_related("facility__organisation", "site")
        .order_by("facility__organisation__name", "facility_id", "-score", "pk")
    )
    grouped: dict[int, dict[str, Any]] = {}
    for candidate in candidates:
        facility = candidate.facility
        entry = grouped.setdefault(facility.pk, {"facility": facility, "candidates": []})
        km = None
        if None not in (facility.latitude, facility.longitude) and None not in (
            candidate.site.latitude,
            candidate.site.longitude,
        ):
            km = distance_km(
                float(facility.latitude),  # type: ignore[arg-type]
                float(facility.longitude),  # type: ignore[arg-type]
                float(candidate.site.latitude),  # type: ignore[arg-type]
                float(candidate.site.longitude),  # type: ignore[arg-type]
            )
        entry["candidates"].append({"candidate": candidate, "km": km})
    return list(grouped.values())


def open_proposal_count(actor: Actor) -> int:
    if not may_manage_registry(actor):
        return 0
    return (
        MatchCandidate.objects.filter(status=CandidateStatus.OPEN)
        .values("facility_id")
        .distinct()
        .count()
    )


def access_candidate(actor: Actor, candidate_id: int) -> MatchCandidate:
    """An open proposal, for the coordinator's decision; not found otherwise."""
    candidate = (
        MatchCandidate.objects.select_related("facility", "site")
        .filter(pk=candidate_id, status=CandidateStatus.OPEN)
        .first()
    )
    if candidate is None or not may_manage_registry(actor):
        raise NotFound
    return candidate


def access_linked_facility(actor: Actor, facility_id: int) -> Facility:
    """A facility of the registry (linked or waiting), for the coordinator's decision."""
    facility = (
        Facility.objects.select_related("site", "organisation")
        .filter(pk=facility_id, archived_at__isnull=True)
        .first()
    )
    if facility is None or not may_manage_registry(actor):
        raise NotFound
    return facility


def site_by_public_id(actor: Actor, public_id: str) -> Site | None:
    """The site with this public id, following merges to the one that remains, for the
    coordinator (None for anyone else, as for an unknown id)."""
    if not may_manage_registry(actor):
        return None
    site = Site.objects.filter(public_id__iexact=public_id.strip()).first()
    seen = set()
    while site is not None and site.merged_into_id is not None and site.pk not in seen:
        seen.add(site.pk)
        site = site.merged_into
    return site
