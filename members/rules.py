"""Pure rules about organisations, roles and invitations. No database."""

from __future__ import annotations

from datetime import datetime

KINDS_WITH_MANDATORY_MFA = frozenset({"secretariat", "ngo", "union"})


def roles_for_kind(kind: str) -> tuple[str, ...]:
    """Roles a user can hold in an organisation of this kind; assessors exist only at
    the secretariat."""
    if kind == "secretariat":
        return ("admin", "member", "assessor")
    return ("admin", "member")


def invitation_state(
    *,
    accepted_at: datetime | None,
    revoked_at: datetime | None,
    expires_at: datetime,
    now: datetime,
) -> str:
    """ "accepted", "revoked", "expired" or "open"."""
    if accepted_at is not None:
        return "accepted"
    if revoked_at is not None:
        return "revoked"
    if now >= expires_at:
        return "expired"
    return "open"
