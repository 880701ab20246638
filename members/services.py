"""Writes: organisations, invitations, memberships, the acting organisation."""

from __future__ import annotations

import secrets
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _
from knox.models import AuthToken

from trustone.access.actor import Actor
from trustone.access.errors import require
from trustone.audit.services import audit_record

from .models import Invitation, Membership, Organisation, User
from .rules import roles_for_kind
from .selectors import can_manage_users, may_revoke_api_tokens, token_hash


def _unique_slug(name: str) -> str:
    base = slugify(name)[:70] or "organisation"
    slug, counter = base, 2
    while Organisation.objects.filter(slug=slug).exists():
        slug, counter = f"{base}-{counter}", counter + 1
    return slug


@transaction.atomic
def organisation_create(*, actor: Actor, name: str, kind: str, **fields: Any) -> Organisation:
    """Register an organisation. Only a secretariat administrator may."""
    require(actor.is_secretariat_admin)
    duplicate = Organisation.objects.filter(name__iexact=name.strip()).first()
    number = fields.get("registration_number", "").strip()
    if duplicate is None and number:
        duplicate = Organisation.objects.filter(registration_number__iexact=number).first()
    if duplicate is not None:
        raise ValidationError(
            _("%(name)s is already registered (same name or registration number).")
            % {"name": duplicate.name}
        )
    organisation = Organisation(name=name.strip(), kind=kind, slug=_unique_slug(name), **fields)
    organisation.full_clean()
    organisation.save()
    audit_record(
        actor=actor, action="organisation_created", target=organisation, data={"kind": kind}
    )
    return organisation


def _send_invitation(invitation: Invitation, token: str, base_url: str) -> None:
    url = base_url.rstrip("/") + reverse("members:invitation_accept", args=[token])
    language = "nl" if invitation.organisation.country in {"NL", "BE"} else "en"
    with translation.override(language):
        context = {
            "invitation": invitation,
            "url": url,
            "valid_days": settings.INVITATION_VALID_DAYS,
        }
        subject = _("Invitation to the TruStone portal for %(organisation)s") % {
            "organisation": invitation.organisation.name
        }
        body = render_to_string("members/email/invitation.txt", context)
    send_mail(subject, body, None, [invitation.email])


@transaction.atomic
def invitation_create(
    *, actor: Actor, organisation: Organisation, email: str, role: str, base_url: str
) -> Invitation:
    """Invite `email` into `organisation` as `role`, and e-mail the link after commit.
    The secretariat may invite into any organisation, an admin into their own."""
    if not can_manage_users(actor, organisation):
        raise PermissionDenied
    email = email.strip().lower()
    if role not in roles_for_kind(organisation.kind):
        raise ValidationError({"role": _("This role does not exist in this kind of organisation.")})
    if Membership.objects.filter(
        organisation=organisation, user__email__iexact=email, is_active=True
    ).exists():
        raise ValidationError({"email": _("This person already belongs to the organisation.")})
    # A new invitation replaces an open one for the same address.
    replaced = Invitation.objects.filter(
        organisation=organisation,
        email__iexact=email,
        accepted_at__isnull=True,
        revoked_at__isnull=True,
    ).update(revoked_at=timezone.now())
    token = secrets.token_urlsafe(32)
    invitation = Invitation(
        organisation=organisation,
        email=email,
        role=role,
        token_hash=token_hash(token),
        invited_by=actor.user,
        expires_at=timezone.now() + timedelta(days=settings.INVITATION_VALID_DAYS),
    )
    invitation.full_clean()
    invitation.save()
    invitation.replaced_earlier = bool(replaced)  # type: ignore[attr-defined]
    audit_record(
        actor=actor,
        action="invitation_sent",
        target=invitation,
        data={"email": email, "role": role, "organisation": organisation.pk},
    )
    transaction.on_commit(lambda: _send_invitation(invitation, token, base_url))
    return invitation


@transaction.atomic
def organisation_invite(
    *, actor: Actor, name: str, kind: str, email: str, base_url: str, **fields: Any
) -> tuple[Organisation, Invitation]:
    """Register an organisation and invite its first user as its admin (secretariat)."""
    organisation = organisation_create(actor=actor, name=name, kind=kind, **fields)
    invitation = invitation_create(
        actor=actor, organisation=organisation, email=email, role="admin", base_url=base_url
    )
    return organisation, invitation


@transaction.atomic
def invitation_revoke(*, actor: Actor, invitation: Invitation) -> None:
    """Withdraw an open invitation (whoever may manage the organisation's users)."""
    if not can_manage_users(actor, invitation.organisation):
        raise PermissionDenied
    if invitation.accepted_at is None and invitation.revoked_at is None:
        invitation.revoked_at = timezone.now()
        invitation.save(update_fields=["revoked_at"])
        audit_record(actor=actor, action="invitation_revoked", target=invitation)


@transaction.atomic
def invitation_accept(
    *, invitation: Invitation, full_name: str, password: str | None, user: User | None = None
) -> User:
    """Accept an open invitation: create the user (or use the logged-in `user` whose
    e-mail matches) and the membership. The token's holder is trusted to be the invitee."""
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.accepted_at or invitation.revoked_at or invitation.expires_at <= timezone.now():
        raise ValidationError(_("This invitation is no longer valid."))
    if user is None:
        user = User.objects.filter(email__iexact=invitation.email).first()
        if user is None:
            user = User.objects.create_user(
                email=invitation.email, password=password, full_name=full_name.strip()
            )
        elif password:
            raise ValidationError(
                _("An account with this e-mail address exists; log in to accept.")
            )
    Membership.objects.update_or_create(
        user=user,
        organisation=invitation.organisation,
        defaults={"role": invitation.role, "is_active": True},
    )
    if invitation.organisation.kind == "secretariat" and invitation.role == "admin":
        User.objects.filter(pk=user.pk).update(is_staff=True)
    invitation.accepted_at = timezone.now()
    invitation.accepted_by = user
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    actor = Actor(user=user, organisation=invitation.organisation, role=invitation.role)
    audit_record(actor=actor, action="invitation_accepted", target=invitation)
    return user


@transaction.atomic
def membership_set_role(
    *, actor: Actor, membership: Membership, role: str, is_active: bool
) -> Membership:
    """Change a colleague's role or deactivate them; an organisation keeps one admin."""
    if not can_manage_users(actor, membership.organisation):
        raise PermissionDenied
    if role not in roles_for_kind(membership.organisation.kind):
        raise ValidationError({"role": _("This role does not exist in this kind of organisation.")})
    losing_admin = membership.role == "admin" and (role != "admin" or not is_active)
    if (
        losing_admin
        and not Membership.objects.filter(
            organisation=membership.organisation, role="admin", is_active=True
        )
        .exclude(pk=membership.pk)
        .exists()
    ):
        raise ValidationError(_("An organisation needs at least one active administrator."))
    before = {"role": membership.role, "is_active": membership.is_active}
    membership.role, membership.is_active = role, is_active
    membership.full_clean()
    membership.save(update_fields=["role", "is_active"])
    audit_record(
        actor=actor,
        action="membership_changed",
        target=membership,
        data={"before": before, "after": {"role": role, "is_active": is_active}},
    )
    return membership


def invitations_purge(*, older_than_days: int = 90) -> int:
    """Delete invitations that ended (expired or revoked) long ago. For the beat task."""
    cutoff = timezone.now() - timedelta(days=older_than_days)
    deleted, _details = Invitation.objects.filter(
        accepted_at__isnull=True, expires_at__lt=cutoff
    ).delete()
    return deleted


@transaction.atomic
def api_token_create(*, actor: Actor) -> str:
    """Replace the actor's API token with a new one and return it (shown once). Only its
    digest is stored; it expires after REST_KNOX["TOKEN_TTL"]."""
    AuthToken.objects.filter(user=actor.user).delete()
    token, key = AuthToken.objects.create(user=actor.person)
    audit_record(
        actor=actor, action="api_token_created", data={"expires": token.expiry.isoformat()}
    )
    return str(key)


@transaction.atomic
def api_token_revoke(*, actor: Actor) -> None:
    """The actor revokes their own API token."""
    deleted, _details = AuthToken.objects.filter(user=actor.user).delete()
    if deleted:
        audit_record(actor=actor, action="api_token_revoked")


@transaction.atomic
def api_token_revoke_for_member(*, actor: Actor, membership: Membership) -> bool:
    """An administrator revokes the API token of a person of the organisation they act for.
    True when there was one."""
    if not may_revoke_api_tokens(actor, membership.organisation):
        raise PermissionDenied
    deleted, _details = AuthToken.objects.filter(user=membership.user).delete()
    if deleted:
        audit_record(
            actor=actor,
            action="api_token_revoked",
            target=membership,
            data={"user": membership.user.email},
        )
    return bool(deleted)
