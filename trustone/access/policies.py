"""Access policies: every URL of the portal declares one.

A view may also declare a stricter `write_policy` for its unsafe methods (POST, PUT,
PATCH, DELETE): every secretariat user may read a queue, only the coordinator changes it.

A policy answers one question, `allows(actor)`: may this actor use this view at all?
Which *objects* the actor may see is decided by the selectors (`access_*`,
`*_visible_to`), which answer "not found" for missing and forbidden alike.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .actor import Actor


class Policy:
    """Base class. `label` names the policy in tests and error messages."""

    label = "policy"
    #: True when the policy lets anonymous visitors through.
    public = False

    def allows(self, actor: Actor) -> bool:
        raise NotImplementedError

    def __or__(self, other: Policy) -> Policy:
        return AnyOf((self, other))

    def __repr__(self) -> str:
        return f"<Policy {self.label}>"


@dataclass(frozen=True, repr=False)
class AnyOf(Policy):
    policies: tuple[Policy, ...]

    @property
    def label(self) -> str:  # type: ignore[override]
        return " | ".join(p.label for p in self.policies)

    @property
    def public(self) -> bool:  # type: ignore[override]
        return any(p.public for p in self.policies)

    def allows(self, actor: Actor) -> bool:
        return any(p.allows(actor) for p in self.policies)


class _Public(Policy):
    label = "public"
    public = True

    def allows(self, actor: Actor) -> bool:
        return True


class _Authenticated(Policy):
    label = "authenticated"

    def allows(self, actor: Actor) -> bool:
        return actor.is_authenticated


class _Member(Policy):
    """Logged in and acting for an organisation."""

    label = "member of an organisation"

    def allows(self, actor: Actor) -> bool:
        return actor.is_authenticated and actor.organisation is not None


@dataclass(frozen=True, repr=False)
class OrganisationKind(Policy):
    """Acting for an organisation of one of `kinds`, optionally in one of `roles`."""

    kinds: tuple[str, ...]
    roles: tuple[str, ...] | None = None

    @property
    def label(self) -> str:  # type: ignore[override]
        roles = f" as {'/'.join(self.roles)}" if self.roles else ""
        return f"{'/'.join(self.kinds)}{roles}"

    def allows(self, actor: Actor) -> bool:
        if actor.organisation is None or actor.organisation.kind not in self.kinds:
            return False
        return self.roles is None or actor.role in self.roles


@dataclass(frozen=True, repr=False)
class OrganisationAdmin(Policy):
    """An admin of the organisation they act for (any kind)."""

    label = "organisation admin"

    def allows(self, actor: Actor) -> bool:
        return actor.organisation is not None and actor.role == "admin"


class _DjangoAdminSite(Policy):
    """The Django admin checks `is_staff` itself; only secretariat users are staff."""

    label = "django admin (is_staff)"
    public = True

    def allows(self, actor: Actor) -> bool:
        return True


def kinds(*names: str, roles: Iterable[str] | None = None) -> OrganisationKind:
    return OrganisationKind(tuple(names), tuple(roles) if roles else None)


PUBLIC: Policy = _Public()
AUTHENTICATED: Policy = _Authenticated()
MEMBER: Policy = _Member()
ORGANISATION_ADMIN: Policy = OrganisationAdmin()
SECRETARIAT: Policy = kinds("secretariat")
SECRETARIAT_ADMIN: Policy = kinds("secretariat", roles=["admin"])
#: The coordinator and the assessors: which reports an assessor may open is decided by
#: its object grants, in the selectors.
SECRETARIAT_ASSESSING: Policy = kinds("secretariat", roles=["admin", "assessor"])
COMPANY: Policy = kinds("company")
GOVERNMENT: Policy = kinds("government")
NGO_OR_UNION: Policy = kinds("ngo", "union")
DJANGO_ADMIN_SITE: Policy = _DjangoAdminSite()
