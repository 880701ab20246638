"""Policies decide from the actor alone: table-driven, no database."""

import pytest

from members.models import Organisation
from trustone.access import policies
from trustone.access.actor import ANONYMOUS, Actor


def actor(kind: str | None, role: str | None = "member") -> Actor:
    if kind is None:
        return Actor(user=object(), organisation=None, role=None)
    return Actor(user=object(), organisation=Organisation(pk=1, name="X", kind=kind), role=role)


@pytest.mark.parametrize(
    ("policy", "who", "allowed"),
    [
        (policies.PUBLIC, ANONYMOUS, True),
        (policies.AUTHENTICATED, ANONYMOUS, False),
        (policies.AUTHENTICATED, actor(None), True),
        (policies.MEMBER, actor(None), False),
        (policies.MEMBER, actor("company"), True),
        (policies.SECRETARIAT, actor("secretariat", "assessor"), True),
        (policies.SECRETARIAT, actor("company", "admin"), False),
        (policies.SECRETARIAT, ANONYMOUS, False),
        (policies.SECRETARIAT_ADMIN, actor("secretariat", "assessor"), False),
        (policies.SECRETARIAT_ADMIN, actor("secretariat", "admin"), True),
        (policies.ORGANISATION_ADMIN, actor("company", "admin"), True),
        (policies.ORGANISATION_ADMIN, actor("company", "member"), False),
        (policies.COMPANY, actor("company"), True),
        (policies.COMPANY, actor("government"), False),
        (policies.NGO_OR_UNION, actor("union"), True),
        (policies.NGO_OR_UNION, actor("ngo"), True),
        (policies.NGO_OR_UNION, actor("company"), False),
        (policies.GOVERNMENT | policies.SECRETARIAT, actor("government"), True),
        (policies.GOVERNMENT | policies.SECRETARIAT, actor("secretariat"), True),
        (policies.GOVERNMENT | policies.SECRETARIAT, actor("company"), False),
    ],
)
def test_policy_allows(policy, who, allowed) -> None:
    assert policy.allows(who) is allowed


def test_only_public_policies_are_marked_public() -> None:
    assert policies.PUBLIC.public
    assert (policies.PUBLIC | policies.SECRETARIAT).public
    assert not policies.AUTHENTICATED.public
    assert not (policies.GOVERNMENT | policies.SECRETARIAT).public


def test_actor_acts_for_its_own_organisation_only() -> None:
    who = actor("company", "admin")
    assert who.acts_for(1)
    assert not who.acts_for(2)
    assert not ANONYMOUS.acts_for(1)


@pytest.mark.parametrize(
    ("who", "allowed"),
    [
        (actor("secretariat", "admin"), True),
        (actor("secretariat", "assessor"), True),
        (actor("secretariat", "member"), False),
        (actor("company", "admin"), False),
    ],
)
def test_secretariat_assessing_names_the_roles(who: Actor, allowed: bool) -> None:
    assert policies.SECRETARIAT_ASSESSING.allows(who) is allowed


class _QueueView:
    """Every secretariat user reads the queue; only the coordinator changes it."""

    access_policy = policies.SECRETARIAT
    write_policy = policies.SECRETARIAT_ADMIN


@pytest.mark.parametrize(
    ("who", "method", "allowed"),
    [
        (actor("secretariat", "member"), "GET", True),
        (actor("secretariat", "member"), "POST", False),
        (actor("secretariat", "assessor"), "DELETE", False),
        (actor("secretariat", "admin"), "POST", True),
        (actor("company", "admin"), "GET", False),
    ],
)
def test_a_write_policy_decides_unsafe_methods(who: Actor, method: str, allowed: bool) -> None:
    from trustone.access.declare import allows

    assert allows(_QueueView, who, method) is allowed


@pytest.mark.parametrize(
    ("role", "is_admin", "is_assessor"),
    [("admin", True, False), ("assessor", False, True), ("member", False, False)],
)
def test_secretariat_roles_on_the_actor(role: str, is_admin: bool, is_assessor: bool) -> None:
    who = actor("secretariat", role)
    assert (who.is_secretariat_admin, who.is_assessor) == (is_admin, is_assessor)
    company_admin = actor("company", "admin")
    assert not company_admin.is_secretariat_admin
