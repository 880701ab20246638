"""Writing the audit log."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db.models import Model
from django.http import HttpRequest

from trustone.access.actor import Actor

from .models import AuditEntry

ACTIONS = {
    "login": "logged in",
    "login_failed": "failed to log in",
    "logout": "logged out",
    "password_changed": "changed their password",
    "password_reset": "reset their password",
    "mfa_activated": "activated two-factor authentication",
    "mfa_deactivated": "deactivated two-factor authentication",
    "organisation_switched": "switched organisation",
    "organisation_created": "created an organisation",
    "organisation_updated": "updated an organisation",
    "invitation_sent": "sent an invitation",
    "invitation_revoked": "revoked an invitation",
    "invitation_accepted": "accepted an invitation",
    "membership_changed": "changed a membership",
    "api_token_created": "created an API token",
    "api_token_revoked": "revoked an API token",
    "job_started": "started a job",
    "membership_registered": "registered a covenant membership",
    "membership_updated": "updated a covenant membership",
    "declaration_signed": "signed a declaration",
    "membership_terminated": "ended a membership",
    "level_recorded": "recorded a level",
    "party_application_submitted": "applied to become a party",
    "party_application_parties_informed": "informed the parties of an application",
    "party_application_decided": "recorded the steering group's decision on an application",
    "invoices_issued": "issued invoices",
    "invoice_viewed": "downloaded an invoice",
}


def client_ip(request: HttpRequest | None) -> str | None:
    """The client's address; behind TRUSTED_PROXY_COUNT proxies, from X-Forwarded-For."""
    if request is None:
        return None
    proxies = settings.TRUSTED_PROXY_COUNT
    forwarded = [ip.strip() for ip in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    forwarded = [ip for ip in forwarded if ip]
    if proxies and len(forwarded) >= proxies:
        return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR") or None


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
    if action not in ACTIONS:
        raise ValueError(f"Unknown audit action {action!r}")
    person = actor.user if actor is not None and actor.user is not None else user
    return AuditEntry.objects.create(
        user=person,
        user_email=getattr(person, "email", "") or email,
        organisation=actor.organisation if actor is not None else None,
        action=action,
        target_type=target._meta.label_lower if target is not None else "",
        target_id=str(target.pk) if target is not None else "",
        target_repr=str(target)[:200] if target is not None else "",
        data=data or {},
        ip_address=client_ip(request),
    )
