"""The actor: who is asking (user), for which organisation, in which role."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied

if TYPE_CHECKING:
    from members.models import Membership, Organisation, User

ACTING_ORGANISATION_SESSION_KEY = "acting_organisation_id"


@dataclass(frozen=True)
class Actor:
    """A user acting for one organisation in one role; all None for an anonymous visitor."""

    user: User | None = None
    organisation: Organisation | None = None
    role: str | None = None
    memberships: tuple[Membership, ...] = field(default=(), repr=False)

    @property
    def is_authenticated(self) -> bool:
        return self.user is not None

    @property
    def is_anonymous(self) -> bool:
        return self.user is None

    @property
    def person(self) -> User:
        """The logged-in user, for a service that records who did something; refused
        (PermissionDenied) for an anonymous actor."""
        if self.user is None:
            raise PermissionDenied
        return self.user

    @property
    def organisation_kind(self) -> str | None:
        return self.organisation.kind if self.organisation is not None else None

    @property
    def organisation_id(self) -> int | None:
        return self.organisation.pk if self.organisation is not None else None

    @property
    def is_secretariat(self) -> bool:
        return self.organisation_kind == "secretariat"

    @property
    def is_admin(self) -> bool:
        return self.role == "admin"

    @property
    def is_secretariat_admin(self) -> bool:
        """The coordinator: manages people, assigns assessors, decides levels."""
        return self.is_secretariat and self.is_admin

    @property
    def is_assessor(self) -> bool:
        """A secretariat assessor: reads and scores only the reports it is granted."""
        return self.is_secretariat and self.role == "assessor"

    @property
    def is_steering_group(self) -> bool:
        return self.organisation_kind == "steering_group"

    @property
    def is_steering_group_chair(self) -> bool:
        """The steering group's chair (its administrator): records the group's decisions."""
        return self.is_steering_group and self.is_admin

    def acts_for(self, organisation: Any) -> bool:
        """True when the actor acts for exactly this organisation (object or id)."""
        organisation_id = getattr(organisation, "pk", organisation)
        return self.organisation is not None and self.organisation.pk == organisation_id


ANONYMOUS = Actor()


def actor_for(user: Any, organisation_id: int | None = None) -> Actor:
    """Resolve the actor for a user: the requested organisation if they belong to it,
    otherwise the first (by name) where they are an admin, otherwise their first. One query."""
    if user is None or not getattr(user, "is_authenticated", False):
        return ANONYMOUS
    from members.models import Membership

    memberships = tuple(
        Membership.objects.filter(user=user, is_active=True, organisation__is_active=True)
        .select_related("organisation")
        .order_by("organisation__name")
    )
    if not memberships:
        return Actor(user=user)
    chosen = next(
        (m for m in memberships if m.organisation_id == organisation_id),
        next((m for m in memberships if m.role == "admin"), memberships[0]),
    )
    return Actor(
        user=user, organisation=chosen.organisation, role=chosen.role, memberships=memberships
    )
