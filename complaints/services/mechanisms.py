"""Writes of the complaints app: the coordinator keeps the list of grievance mechanisms
(Art. 11.3)."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone

from trustone.access.actor import Actor
from trustone.access.errors import require
from trustone.audit.services import audit_record
from trustone.services import model_update

from ..models import GrievanceMechanism

MECHANISM_FIELDS = (
    "name",
    "kind",
    "description_nl",
    "description_en",
    "url",
    "where",
    "members_can_join",
    "is_active",
)


@transaction.atomic
def mechanism_save(
    *, actor: Actor, data: dict[str, Any], mechanism: GrievanceMechanism | None = None
) -> GrievanceMechanism:
    """The coordinator adds a mechanism or changes one (hiding it keeps its history)."""
    require(actor.is_secretariat_admin)
    mechanism = mechanism or GrievanceMechanism()
    data = {**data, "updated_at": timezone.now()}
    mechanism, _changed = model_update(
        mechanism, fields=(*MECHANISM_FIELDS, "updated_at"), data=data
    )
    audit_record(actor=actor, action="grievance_mechanism_saved", target=mechanism)
    return mechanism
