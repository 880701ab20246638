"""Reads of organisations, memberships and invitations, always for an actor."""

from __future__ import annotations

import hashlib
from typing import Any

from django.db.models import Count, Q, QuerySet
from django.utils import timezone
from knox.models import AuthToken

from trustone.access.actor import Actor
from trustone.access.errors import NotFound

from .models import Invitation, Membership, Organisation


def organisations_visible_to(actor: Actor) -> QuerySet[Organisation]:
    """The secretariat sees every organisation; others the organisations they belong to."""
    if actor.is_secretariat:
        return Organisation.objects.all()
    if actor.user is None:
        return Organisation.objects.none()
    return Organisation.objects.filter(
        memberships__user=actor.user, memberships__is_active=True
    ).distinct()


def organisations_search(
    actor: Actor, *, search: str = "", kind: str = "", country: str = ""
) -> QuerySet[Organisation]:
    """Organisations visible to the actor, filtered, with their user counts."""
    organisations = organisations_visible_to(actor).annotate(
        user_count=Count("memberships", filter=Q(memberships__is_active=True))
    )
    if search:
        organisations = organisations.filter(
            Q(name__icontains=search)
            | Q(registration_number__icontains=search)
            | Q(city__icontains=search)
        )
    if kind:
        organisations = organisations.filter(kind=kind)
    if country:
        organisations = organisations.filter(country=country)
    return organisations.order_by("name")


def access_organisation(actor: Actor, organisation_id: int) -> Organisation:
    """One organisation the actor may see; not found when missing or not theirs."""
    organisation = organisations_visible_to(actor).filter(pk=organisation_id).first()
    if organisation is None:
        raise NotFound
    return organisation


def can_manage_users(actor: Actor, organisation: Organisation) -> bool:
    """The coordinator (a secretariat administrator) manages every organisation's users;
    an organisation's administrator its own. An assessor or a plain member manages nobody."""
    return actor.is_secretariat_admin or (actor.acts_for(organisation) and actor.is_admin)


def access_managed_organisation(actor: Actor, organisation_id: int) -> Organisation:
    """An organisation whose users the actor may manage; not found otherwise."""
    organisation = access_organisation(actor, organisation_id)
    if not can_manage_users(actor, organisation):
        raise NotFound
    return organisation


def memberships_of(actor: Actor, organisation: Organisation) -> QuerySet[Membership]:
    """The people of an organisation, for the secretariat and that organisation's users."""
    if not (actor.is_secretariat or actor.acts_for(organisation)):
        return Membership.objects.none()
    return (
        Membership.objects.filter(organisation=organisation)
        .select_related("user")
        .order_by("-is_active", "user__full_name", "user__email")
    )


def open_invitations_of(actor: Actor, organisation: Organisation) -> QuerySet[Invitation]:
    """Invitations not yet accepted, revoked or expired, for whoever manages its users."""
    if not can_manage_users(actor, organisation):
        return Invitation.objects.none()
    return Invitation.objects.filter(
        organisation=organisation,
        accepted_at__isnull=True,
        revoked_at__isnull=True,
        expires_at__gt=timezone.now(),
    ).select_related("invited_by")


def access_invitation(actor: Actor, invitation_id: int) -> Invitation:
    """An open invitation of an organisation the actor manages; not found otherwise."""
    invitation = Invitation.objects.select_related("organisation").filter(pk=invitation_id).first()
    if invitation is None or not can_manage_users(actor, invitation.organisation):
        raise NotFound
    return invitation


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def invitation_by_token(token: str) -> Invitation:
    """The open invitation with this token (anyone holding the token may use it)."""
    invitation = (
        Invitation.objects.select_related("organisation")
        .filter(
            token_hash=token_hash(token),
            accepted_at__isnull=True,
            revoked_at__isnull=True,
            expires_at__gt=timezone.now(),
        )
        .first()
    )
    if invitation is None:
        raise NotFound
    return invitation


def access_managed_membership(actor: Actor, membership_id: int) -> Membership:
    """A membership in an organisation whose users the actor manages; not found otherwise."""
    membership = (
        Membership.objects.select_related("organisation", "user").filter(pk=membership_id).first()
    )
    if membership is None or not can_manage_users(actor, membership.organisation):
        raise NotFound
    return membership


def organisation_counts_by_kind(actor: Actor) -> list[dict[str, Any]]:
    """Number of active organisations per kind, for the secretariat's dashboard."""
    rows = (
        organisations_visible_to(actor)
        .filter(is_active=True)
        .values("kind")
        .annotate(count=Count("id"))
        .order_by("kind")
    )
    return [dict(row) for row in rows]


def covenant_membership_of(actor: Actor, organisation: Organisation | None) -> Any:
    """The organisation's covenant membership, for its own users and the secretariat."""
    from .models import CovenantMembership

    if organisation is None or not (actor.is_secretariat or actor.acts_for(organisation)):
        return None
    return (
        CovenantMembership.objects.select_related("collective_via")
        .filter(organisation=organisation)
        .first()
    )


def size_class_of(covenant: Any) -> str | None:
    from .rules import size_class

    if covenant is None or covenant.employees is None or covenant.annual_revenue_eur is None:
        return None
    return size_class(employees=covenant.employees, revenue_eur=covenant.annual_revenue_eur)


def declarations_of(actor: Actor, organisation: Organisation | None) -> QuerySet[Any]:
    """An organisation's signed declarations, for its users and the secretariat."""
    from .models import Declaration

    if organisation is None or not (actor.is_secretariat or actor.acts_for(organisation)):
        return Declaration.objects.none()
    return Declaration.objects.filter(organisation=organisation)


def access_declaration(actor: Actor, declaration_id: int) -> Any:
    from .models import Declaration

    declaration = (
        Declaration.objects.select_related("organisation").filter(pk=declaration_id).first()
    )
    if declaration is None or not (
        actor.is_secretariat or actor.acts_for(declaration.organisation)
    ):
        raise NotFound
    return declaration


def terminations_of(actor: Actor, organisation: Organisation | None) -> QuerySet[Any]:
    from .models import Termination

    if organisation is None or not (actor.is_secretariat or actor.acts_for(organisation)):
        return Termination.objects.none()
    return Termination.objects.filter(organisation=organisation)


def levels_of(actor: Actor, organisation: Organisation) -> QuerySet[Any]:
    """Every recorded level, first term included: the secretariat and the organisation."""
    from .models import LevelAssignment

    if not (actor.is_secretariat or actor.acts_for(organisation)):
        return LevelAssignment.objects.none()
    return LevelAssignment.objects.filter(organisation=organisation).order_by("-decided_on", "-id")


def membership_tasks(actor: Actor) -> list[tuple[str, str]]:
    """Dashboard tasks of the membership (registered in AppConfig.ready): a declaration
    still to be signed."""
    from django.urls import reverse
    from django.utils.translation import gettext as _

    if actor.organisation is None or actor.is_secretariat:
        return []
    covenant = covenant_membership_of(actor, actor.organisation)
    if covenant is None or covenant.joined_on is not None:
        return []
    if actor.is_admin:
        return [(_("Sign your organisation's declaration"), reverse("members:declaration_sign"))]
    return [
        (
            _("Your organisation's declaration is waiting for an administrator"),
            reverse("members:membership"),
        )
    ]


def open_party_applications(actor: Actor) -> int:
    from .models import PartyApplication

    if not actor.is_secretariat:
        return 0
    return PartyApplication.objects.filter(status__in=["submitted", "parties_informed"]).count()


def active_people(
    organisation: Organisation | Any,
    *,
    role: str | None = None,
    roles: tuple[str, ...] | None = None,
) -> QuerySet[Any]:
    """The users with an active membership of `organisation` (in `role`, or one of
    `roles`, if given), for notifications and assignments; services call it after their
    own checks."""
    from .models import User

    memberships = Membership.objects.filter(organisation=organisation, is_active=True)
    if role is not None:
        memberships = memberships.filter(role=role)
    if roles is not None:
        memberships = memberships.filter(role__in=roles)
    return User.objects.filter(is_active=True, memberships__in=memberships).distinct()


def secretariat_admins() -> QuerySet[Any]:
    """The secretariat's active administrators (who receive its notifications)."""
    from .models import User

    return User.objects.filter(
        is_active=True,
        memberships__organisation__kind="secretariat",
        memberships__role="admin",
        memberships__is_active=True,
    ).distinct()


# --- API tokens (django-rest-knox: a digest and an expiry, never the token itself) ------


def api_token_of(user: Any) -> AuthToken | None:
    """The user's own API token while it is valid, or None. For their account page."""
    return AuthToken.objects.filter(user=user, expiry__gt=timezone.now()).first()


def may_revoke_api_tokens(actor: Actor, organisation: Organisation) -> bool:
    """An administrator revokes the API tokens of the people of the organisation they act
    for (a token is the person's, so it stops working for their other organisations too)."""
    return actor.is_admin and actor.acts_for(organisation)


def api_token_expiries_of(actor: Actor, organisation: Organisation) -> dict[int, Any]:
    """User id → expiry of the valid API tokens of an organisation's people, for whoever
    may revoke them; empty for anyone else."""
    if not may_revoke_api_tokens(actor, organisation):
        return {}
    tokens = AuthToken.objects.filter(
        user__memberships__organisation=organisation, expiry__gt=timezone.now()
    ).values_list("user_id", "expiry")
    return dict(tokens)


def access_token_holder(actor: Actor, membership_id: int) -> Membership:
    """A membership of the organisation the actor administers, whose person's API token the
    actor may revoke; not found otherwise."""
    membership = (
        Membership.objects.select_related("organisation", "user").filter(pk=membership_id).first()
    )
    if membership is None or not may_revoke_api_tokens(actor, membership.organisation):
        raise NotFound
    return membership
