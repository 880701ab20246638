"""Reads of the confidentiality statements: who may see the linked list."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db.models import QuerySet
from django.utils import timezone

from trustone.access.actor import Actor
from trustone.access.errors import NotFound

from ..models import ConfidentialityStatement, ListKind, ListPublication

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
