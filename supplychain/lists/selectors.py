"""Reads of the confidentiality statements: who may see the linked list."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db.models import QuerySet
from django.utils import timezone

from trustone.access.actor import Actor
from trustone.access.errors import NotFound

from ..models import (
    ConfidentialityStatement,
    ListKind,
    ListPublication,
    RegionRequest,
    RegionRequestStatus,
)

WATCHERS = ("ngo", "union")  # the organisations the linked list is for (Art. 6.3)


def latest_statement(organisation: Any) -> ConfidentialityStatement | None:
    """The organisation's newest statement: the one that decides its access."""
    return (
        ConfidentialityStatement.objects.filter(organisation=organisation)
        .order_by("-signed_at", "-pk")
        .first()
    )


def valid_statement(organisation: Any, on: date | None = None) -> ConfidentialityStatement | None:
    """The organisation's newest statement if it is in force on `on` (today), or None.
    Only the newest counts: when the coordinator ends it, an older one does not revive."""
    on = on or timezone.localdate()
    statement = latest_statement(organisation)
    return statement if statement is not None and statement.expires_on >= on else None


def ended_by_secretariat(organisation: Any) -> bool:
    """The coordinator ended the organisation's access (the newest statement's date was
    set by the secretariat and has passed): signing again does not restore it."""
    statement = latest_statement(organisation)
    return (
        statement is not None
        and statement.expiry_set_by_id is not None
        and statement.expires_on < timezone.localdate()
    )


def may_see_linked_list(actor: Actor) -> bool:
    """A user of an NGO or union whose statement is in force (two-factor login is already
    required of these kinds)."""
    return (
        actor.organisation is not None
        and actor.organisation_kind in WATCHERS
        and valid_statement(actor.organisation) is not None
    )


def statements_visible_to(actor: Actor) -> QuerySet[ConfidentialityStatement]:
    """All statements for the coordinator; an NGO's or union's own for its users."""
    statements = ConfidentialityStatement.objects.select_related("organisation", "signed_by")
    if actor.is_secretariat_admin:
        return statements
    if actor.organisation is not None and actor.organisation_kind in WATCHERS:
        return statements.filter(organisation=actor.organisation)
    return statements.none()


def access_statement(actor: Actor, statement_id: int) -> ConfidentialityStatement:
    statement = statements_visible_to(actor).filter(pk=statement_id).first()
    if statement is None:
        raise NotFound
    return statement


def linked_list_for(actor: Actor) -> ListPublication | None:
    """The latest published linked list (None before the first), for a user who may see
    it (`may_see_linked_list`); not found for anyone else."""
    if not may_see_linked_list(actor):
        raise NotFound
    return ListPublication.objects.filter(kind=ListKind.LINKED).first()


def may_see_list(actor: Actor, kind: str) -> bool:
    """Who may see a list and its past versions (DOMAIN §5): the linked list its NGOs and
    unions (statement in force); the aggregated list the secretariat;
    the candidate project regions the steering group and the secretariat; the
    quarry-area list everyone."""
    if kind == ListKind.LINKED:
        return may_see_linked_list(actor)
    if kind == ListKind.AGGREGATED:
        return actor.is_secretariat
    if kind == ListKind.PROJECT_REGIONS:
        return actor.is_secretariat or actor.organisation_kind == "steering_group"
    return kind == ListKind.QUARRY_AREAS


def publications_visible_to(actor: Actor, kind: str) -> QuerySet[ListPublication]:
    """The published versions of `kind`, newest first, for whoever may see that list;
    none for anyone else. The rows are deferred: a version list does not need them."""
    if kind not in ListKind.values or not may_see_list(actor, kind):
        return ListPublication.objects.none()
    return ListPublication.objects.filter(kind=kind).defer("rows")


def publication_latest(actor: Actor, kind: str) -> ListPublication | None:
    """The current version of `kind` (None before the first build); not found for a
    user who may not see it."""
    if kind not in ListKind.values or not may_see_list(actor, kind):
        raise NotFound
    return ListPublication.objects.filter(kind=kind).first()


def access_publication(actor: Actor, kind: str, publication_id: int) -> ListPublication:
    """One published version of `kind`, as it was published; the same not-found for a
    version that does not exist and one the actor may not see."""
    publication = ListPublication.objects.filter(
        pk__in=publications_visible_to(actor, kind).values("pk"), pk=publication_id
    ).first()
    if publication is None:
        raise NotFound
    return publication


def regions_offered() -> list[tuple[str, str]]:
    """The (country, region) pairs an NGO or union may ask for: the regions of the
    current aggregated list (what is not in it cannot be shared)."""
    latest = ListPublication.objects.filter(kind=ListKind.AGGREGATED).first()
    rows = latest.rows if latest else []
    return sorted({(row["country"], row["region"]) for row in rows if row["region"]})


def region_requests_visible_to(actor: Actor) -> QuerySet[RegionRequest]:
    """Every request for the secretariat; an NGO's or union's own for its users."""
    requests = RegionRequest.objects.select_related("organisation", "requested_by", "decided_by")
    if actor.is_secretariat:
        return requests
    if actor.organisation is not None and actor.organisation_kind in WATCHERS:
        return requests.filter(organisation=actor.organisation)
    return requests.none()


def access_region_request(actor: Actor, request_id: int) -> RegionRequest:
    request = region_requests_visible_to(actor).filter(pk=request_id).first()
    if request is None:
        raise NotFound
    return request


def region_rows(actor: Actor, request: RegionRequest) -> list[dict[str, Any]]:
    """The part of the current aggregated list about an approved request's region, for
    the requesting organisation and the secretariat; not found before approval."""
    request = access_region_request(actor, request.pk)
    if request.status != RegionRequestStatus.APPROVED:
        raise NotFound
    latest = ListPublication.objects.filter(kind=ListKind.AGGREGATED).first()
    return [
        row
        for row in (latest.rows if latest else [])
        if row["country"] == str(request.country) and row["region"] == request.region
    ]
