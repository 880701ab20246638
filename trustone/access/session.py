"""The acting organisation lives in the login session."""

from __future__ import annotations

from django.http import HttpRequest

from trustone.audit.services import audit_record

from .actor import ACTING_ORGANISATION_SESSION_KEY, Actor, actor_for
from .errors import NotFound


def acting_organisation_switch(
    *, request: HttpRequest, actor: Actor, organisation_id: int
) -> Actor:
    """Act for another of the user's own organisations; not found for any other."""
    if not any(m.organisation_id == organisation_id for m in actor.memberships):
        raise NotFound
    request.session[ACTING_ORGANISATION_SESSION_KEY] = organisation_id
    new_actor = actor_for(actor.user, organisation_id)
    request.actor = new_actor  # type: ignore[attr-defined]
    audit_record(
        actor=new_actor,
        action="organisation_switched",
        request=request,
        data={"from": actor.organisation_id},
    )
    return new_actor
