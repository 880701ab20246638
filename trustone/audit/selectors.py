from __future__ import annotations

from datetime import date

from django.db.models import Q, QuerySet

from trustone.access.actor import Actor

from .models import AuditEntry


def audit_entries_visible_to(actor: Actor) -> QuerySet[AuditEntry]:
    """The whole log for secretariat administrators; nothing for anyone else."""
    if not actor.is_secretariat_admin:
        return AuditEntry.objects.none()
    return AuditEntry.objects.select_related("organisation")


def audit_entries_filtered(
    actor: Actor,
    *,
    search: str = "",
    action: str = "",
    since: date | None = None,
    until: date | None = None,
) -> QuerySet[AuditEntry]:
    entries = audit_entries_visible_to(actor)
    if search:
        entries = entries.filter(
            Q(user_email__icontains=search)
            | Q(organisation__name__icontains=search)
            | Q(target_repr__icontains=search)
        )
    if action:
        entries = entries.filter(action=action)
    if since:
        entries = entries.filter(created_at__date__gte=since)
    if until:
        entries = entries.filter(created_at__date__lte=until)
    return entries
