"""The API's permission class: the declared policy, checked after API authentication.
(Kept apart from api.py: DRF imports it while rest_framework.views is loading.)"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ImproperlyConfigured
from rest_framework import exceptions, permissions

from .actor import ACTING_ORGANISATION_SESSION_KEY, Actor, actor_for
from .declare import allows
from .policies import Policy

ORGANISATION_HEADER = "HTTP_X_TRUSTONE_ORGANISATION"


def api_actor(request: Any) -> Actor:
    """The actor of an API request: a session's acting organisation, or for token clients
    the organisation named (by id) in the X-TruStone-Organisation header."""
    cached = getattr(request, "_trustone_actor", None)
    if cached is not None:
        return cached  # type: ignore[no-any-return]
    header = request.META.get(ORGANISATION_HEADER)
    organisation_id = header
    if organisation_id is None and hasattr(request, "session"):
        organisation_id = request.session.get(ACTING_ORGANISATION_SESSION_KEY)
    try:
        organisation_id = int(organisation_id) if organisation_id is not None else None
    except (TypeError, ValueError):
        organisation_id = -1
    actor = actor_for(request.user, organisation_id)
    if header is not None and actor.organisation_id != organisation_id:
        # Never fall back silently: the client asked to act for an organisation that is
        # not one of the user's.
        raise exceptions.NotFound
    request._trustone_actor = actor  # type: ignore[attr-defined]
    return actor


class PolicyPermission(permissions.BasePermission):
    """Anonymous and refused: 401/403 for anonymous, 404 (never 403) for the rest."""

    def has_permission(self, request: Any, view: Any) -> bool:
        policy = getattr(view, "access_policy", None)
        if not isinstance(policy, Policy):
            raise ImproperlyConfigured(f"{type(view).__name__} declares no access_policy.")
        actor = api_actor(request)
        if allows(view, actor, request.method):
            return True
        if actor.is_anonymous:
            raise exceptions.NotAuthenticated
        raise exceptions.NotFound
