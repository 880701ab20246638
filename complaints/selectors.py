"""Reads of the complaints app: the grievance mechanisms."""

from __future__ import annotations

from django.db.models import QuerySet

from trustone.access.actor import Actor
from trustone.access.errors import NotFound

from .models import GrievanceMechanism


def mechanisms_visible_to(actor: Actor) -> QuerySet[GrievanceMechanism]:
    """The mechanisms shown to everyone; the hidden ones too for the coordinator, who
    keeps the list."""
    mechanisms = GrievanceMechanism.objects.all()
    return mechanisms if actor.is_secretariat_admin else mechanisms.filter(is_active=True)


def access_mechanism(actor: Actor, mechanism_id: int) -> GrievanceMechanism:
    """One mechanism to edit: the coordinator's; the same not-found for anyone else."""
    if not actor.is_secretariat_admin:
        raise NotFound
    mechanism = GrievanceMechanism.objects.filter(pk=mechanism_id).first()
    if mechanism is None:
        raise NotFound
    return mechanism
