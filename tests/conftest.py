"""Shared fixtures. Tests run against the real PostgreSQL and Redis that `make test` starts."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pytest
from allauth.mfa.totp.internal.auth import TOTP
from django.core.cache import cache
from django.test import Client

from members.models import CovenantMembership, Membership, Organisation, User
from tests.factories import MembershipFactory, OrganisationFactory, UserFactory
from trustone.access.mfa import KINDS_WITH_MANDATORY_MFA

TEST_TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


@pytest.fixture(autouse=True)
def _clear_cache() -> None:
    """Rate-limit counters and used TOTP codes live in Redis; start every test clean."""
    cache.clear()


def make_user(organisation: Organisation, role: str = "admin", **extra: Any) -> User:
    """A user with a membership; TOTP enrolled where the organisation's kind requires it."""
    membership = MembershipFactory(organisation=organisation, role=role, **extra)
    if organisation.kind in KINDS_WITH_MANDATORY_MFA:
        TOTP.activate(membership.user, TEST_TOTP_SECRET)
    return membership.user


@dataclass
class World:
    """Organisations of every kind, with users in each role that matters. The isolation
    harness tries every one of them against every endpoint; many integration tests use
    it too."""

    organisations: dict[str, Organisation] = field(default_factory=dict)
    users: dict[str, User] = field(default_factory=dict)

    def client(self, who: str) -> Client:
        client = Client()
        if who != "anonymous":
            client.force_login(self.users[who])
        return client


#: (key, organisation key, role) of every user in the world.
WORLD_USERS = (
    ("company_admin", "company", "admin"),
    ("company_member", "company", "member"),
    ("other_company_admin", "other_company", "admin"),
    ("associated_admin", "associated_company", "admin"),
    ("secretariat_admin", "secretariat", "admin"),
    # The assessor that the harness's assessments are assigned to (an object grant).
    ("secretariat_assessor", "secretariat", "assessor"),
    # An assessor without any grant, and a secretariat member who is neither.
    ("unassigned_assessor", "secretariat", "assessor"),
    ("secretariat_member", "secretariat", "member"),
    ("ngo_admin", "ngo", "admin"),
    ("ngo_member", "ngo", "member"),
    ("union_member", "union", "member"),
    ("government_admin", "government", "admin"),
    ("sector_admin", "sector_organisation", "admin"),
    ("committee_member", "complaints_committee", "member"),
    # The committee's chair: assigns secretariat staff to a case, records recusals.
    ("committee_admin", "complaints_committee", "admin"),
    ("steering_member", "steering_group", "member"),
    # The steering group's chair: records the group's decisions (delays).
    ("steering_admin", "steering_group", "admin"),
)


@pytest.fixture
def world(db: Any) -> World:
    w = World()
    w.organisations = {
        "company": OrganisationFactory(name="Van der Steen Natuursteen B.V.", slug="vds"),
        "other_company": OrganisationFactory(name="Graniet Import Nederland B.V.", slug="gin"),
        "associated_company": OrganisationFactory(name="Tegelhandel Oost B.V.", slug="tho"),
        "secretariat": OrganisationFactory(name="Secretariaat", slug="sec", kind="secretariat"),
        "ngo": OrganisationFactory(name="India Werkgroep", slug="ngo", kind="ngo"),
        "union": OrganisationFactory(name="FNV", slug="fnv", kind="union"),
        "government": OrganisationFactory(name="Gemeente Utrecht", slug="gov", kind="government"),
        "sector_organisation": OrganisationFactory(
            name="Algemene Nederlandse Natuursteen Vereniging",
            slug="annv",
            kind="sector_organisation",
        ),
        "complaints_committee": OrganisationFactory(
            name="Klachten- en geschillencommissie", slug="kgc", kind="complaints_committee"
        ),
        "steering_group": OrganisationFactory(
            name="Stuurgroep", slug="stuurgroep", kind="steering_group"
        ),
    }
    w.users = {
        key: make_user(w.organisations[organisation], role)
        for key, organisation, role in WORLD_USERS
    }
    CovenantMembership.objects.create(
        organisation=w.organisations["associated_company"],
        member_type="associated",
        employees=12,
        establishments=2,
        full_due_diligence=False,
    )
    return w


@pytest.fixture
def user_without_organisation(db: Any) -> User:
    return UserFactory()


@pytest.fixture
def count_rows() -> Callable[..., dict[str, int]]:
    def count(*models: Any) -> dict[str, int]:
        return {model._meta.label: model.objects.count() for model in models}

    return count


def pytest_collection_modifyitems(config: Any, items: list[Any]) -> None:
    # Browser tests need Playwright's event loop beside Django's synchronous ORM.
    if any("browser" in item.keywords for item in items):
        os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


__all__ = ["Membership", "World", "make_user"]


def ensure_framework_v1():
    """The framework that migration 0004 ships. Transactional tests flush every table,
    data migrations included, so tests that need it after such a test call this."""
    import importlib

    from django.apps import apps

    from assessments.models import Framework

    if not Framework.objects.filter(version=1).exists():
        migration = importlib.import_module("assessments.migrations.0004_framework_v1")
        migration.add_framework_v1(apps, None)
    return Framework.objects.get(version=1)


@pytest.fixture
def framework_v1(db):
    return ensure_framework_v1()


def ensure_catalogue_v1():
    """The criteria catalogue that procurement's migration 0003 ships (Bijlage 3); like
    the framework, flushed by transactional tests, so tests that need it call this."""
    import importlib

    from django.apps import apps

    from procurement.models import CriteriaCatalogue

    if not CriteriaCatalogue.objects.filter(version=1).exists():
        migration = importlib.import_module("procurement.migrations.0003_criteria_catalogue_v1")
        migration.add_catalogue_v1(apps, None)
    return CriteriaCatalogue.objects.get(version=1)


@pytest.fixture
def catalogue_v1(db):
    return ensure_catalogue_v1()
