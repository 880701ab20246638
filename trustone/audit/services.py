"""Writing the audit log."""

from __future__ import annotations

from typing import Any

from django.db.models import Model
from django.http import HttpRequest
from django.utils import translation

from trustone.access.actor import Actor
from trustone.ratelimit import client_ip

from .actions import is_action
from .models import AuditEntry


def audit_record(
    *,
    actor: Actor | None,
    action: str,
    target: Model | None = None,
    data: dict[str, Any] | None = None,
    request: HttpRequest | None = None,
    user: Any = None,
    email: str = "",
) -> AuditEntry:
    """Record `action` by `actor` (or by `user`, for events before an actor exists)."""
    if not is_action(action):
        raise ValueError(f"Unknown audit action {action!r}")
    person = actor.user if actor is not None and actor.user is not None else user
    # Stored untranslated, translated on display (labels.target_label).
    with translation.override(None):
        target_repr = str(target)[:200] if target is not None else ""
    return AuditEntry.objects.create(
        user=person,
        user_email=getattr(person, "email", "") or email,
        organisation=actor.organisation if actor is not None else None,
        action=action,
        target_type=target._meta.label_lower if target is not None else "",
        target_id=str(target.pk) if target is not None else "",
        target_repr=target_repr,
        data=data or {},
        ip_address=client_ip(request),
    )
