"""Writing the audit log."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db.models import Model
from django.http import HttpRequest
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from trustone.access.actor import Actor

from .models import AuditEntry

ACTIONS = {
    "login": _("logged in"),
    "login_failed": _("failed to log in"),
    "logout": _("logged out"),
    "password_changed": _("changed their password"),
    "password_reset": _("reset their password"),
    "mfa_activated": _("activated two-factor authentication"),
    "mfa_deactivated": _("deactivated two-factor authentication"),
    "organisation_switched": _("switched organisation"),
    "organisation_created": _("created an organisation"),
    "organisation_updated": _("updated an organisation"),
    "invitation_sent": _("sent an invitation"),
    "invitation_revoked": _("revoked an invitation"),
    "invitation_accepted": _("accepted an invitation"),
    "membership_changed": _("changed a membership"),
    "api_token_created": _("created an API token"),
    "api_token_revoked": _("revoked an API token"),
    "job_started": _("started a job"),
    "membership_registered": _("registered a covenant membership"),
    "membership_updated": _("updated a covenant membership"),
    "declaration_signed": _("signed a declaration"),
    "membership_terminated": _("ended a membership"),
    "level_recorded": _("recorded a level"),
    "party_application_submitted": _("applied to become a party"),
    "party_application_parties_informed": _("informed the parties of an application"),
    "party_application_decided": _("recorded the steering group's decision on an application"),
    "invoices_issued": _("issued invoices"),
    "invoice_viewed": _("downloaded an invoice"),
    "facility_created": _("added a facility"),
    "facility_updated": _("changed a facility"),
    "facility_deleted": _("removed a facility"),
    "chain_created": _("added a chain"),
    "chain_updated": _("changed a chain"),
    "chain_deleted": _("removed a chain"),
    "supplier_list_imported": _("imported a supplier list"),
    "supplier_list_exported": _("exported a supplier list"),
    "period_opened": _("opened a reporting period"),
    "report_submitted": _("submitted a report"),
    "report_returned": _("returned a report for changes"),
    "assessment_assigned": _("assigned an assessor"),
    "assessment_adjusted": _("adjusted the points of an answer"),
    "assessment_reviewed": _("saved an assessment's feedback"),
    "assessment_proposed": _("proposed an assessment decision"),
    "assessment_sent_back": _("sent a proposed decision back to the assessor"),
    "assessment_decided": _("confirmed an assessment decision"),
    "assessments_scored": _("scored the submitted reports"),
    "knowledge_modules_offered": _("offered knowledge modules"),
    "explanatory_note_submitted": _("submitted an explanatory note"),
    "special_circumstances_requested": _("asked for special circumstances"),
    "steering_decision_recorded": _("recorded a steering group decision"),
    "sample_drawn": _("drew a sample for verification"),
    "finding_recorded": _("recorded a verification finding"),
    "plan_test_requested": _("asked to test a plan of action"),
    "plan_test_answered": _("answered a request to test a plan of action"),
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
