"""Every URL of the project declares an access policy, and every non-public URL of our
own apps has an isolation case."""

from __future__ import annotations

import sys
import types
from collections.abc import Iterator

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.http import HttpResponse
from django.test import Client, override_settings
from django.urls import URLPattern, URLResolver, get_resolver, path

from trustone.access import policies
from trustone.access.declare import access_policy, policy_of

from .harness import CASES
from .harness.public import PUBLIC_CASES

OWN_NAMESPACES = {
    "members",
    "audit",
    "jobs",
    "api",
    "supplychain",
    "registry",
    "lists",
    "signals",
    "complaints",
    "assessments",
    "procurement",
    "plans",
    "annual",
    "steering",
    "projects",
}


def walk(patterns, prefix: str = "", namespace: str = "") -> Iterator[tuple[str, str, object]]:
    for entry in patterns:
        if isinstance(entry, URLResolver):
            ns = entry.namespace or namespace
            yield from walk(entry.url_patterns, prefix + str(entry.pattern), ns)
        elif isinstance(entry, URLPattern):
            name = f"{namespace}:{entry.name}" if namespace and entry.name else (entry.name or "")
            yield prefix + str(entry.pattern), name, entry.callback


def undeclared(patterns) -> list[str]:
    return [route for route, _name, view in walk(patterns) if policy_of(view) is None]


def test_every_url_declares_a_policy() -> None:
    routes = list(walk(get_resolver().url_patterns))
    assert len(routes) > 40  # the walk really reaches the included apps
    assert undeclared(get_resolver().url_patterns) == []


def test_every_non_public_own_url_has_an_isolation_case() -> None:
    covered = {case.url_name for case in CASES}
    missing = sorted(
        name
        for _route, name, view in walk(get_resolver().url_patterns)
        if name.split(":")[0] in OWN_NAMESPACES
        and not policy_of(view).public
        and name not in covered
    )
    assert missing == []


def test_every_public_page_about_one_member_has_a_public_case() -> None:
    """Public is declared, not assumed: a page about one member (its slug in the URL)
    proves that everyone reads the same and that an unlisted member is not found."""
    covered = {case.url_name for case in PUBLIC_CASES}
    member_pages = {
        name
        for route, name, view in walk(get_resolver().url_patterns)
        if policy_of(view).public
        and route.startswith(("members/<slug:slug>/", "api/v1/public/members/<slug:slug>/"))
    }
    assert {"plans:member_plan", "api:public-member-plan"} <= member_pages
    assert sorted(member_pages - covered) == []


# An urlconf with one view that forgot its policy, to show that both checks catch it.
def forgotten_view(request):
    return HttpResponse("secret")


@access_policy(policies.PUBLIC)
def declared_view(request):
    return HttpResponse("hello")


forgetful_urls = types.ModuleType("tests.isolation.forgetful_urls")
forgetful_urls.urlpatterns = [
    path("declared/", declared_view),
    path("forgotten/", forgotten_view),
]


@pytest.fixture
def forgetful_urlconf():
    sys.modules["tests.isolation.forgetful_urls"] = forgetful_urls
    yield "tests.isolation.forgetful_urls"
    del sys.modules["tests.isolation.forgetful_urls"]


def test_the_policy_test_fails_for_an_unprotected_url() -> None:
    assert undeclared(forgetful_urls.urlpatterns) == ["forgotten/"]


@pytest.mark.django_db
def test_an_unprotected_url_is_never_served(forgetful_urlconf) -> None:
    with override_settings(ROOT_URLCONF=forgetful_urlconf):
        client = Client()
        assert client.get("/declared/").content == b"hello"
        with pytest.raises(ImproperlyConfigured, match="no access policy"):
            client.get("/forgotten/")


PERSONAL_WRITES = {"members:switch", "members:profile", "api:me"}


def test_a_secretariat_member_writes_nothing_but_its_own_account() -> None:
    """No policy grants a write to "anyone in the secretariat" (issue 9): a secretariat
    user who is neither coordinator nor assessor may only change its own account."""
    from members.models import Organisation
    from trustone.access.actor import Actor
    from trustone.access.declare import allows

    member = Actor(
        user=object(),
        organisation=Organisation(pk=1, name="S", kind="secretariat"),
        role="member",
    )
    writers = set()
    for _route, name, view in walk(get_resolver().url_patterns):
        if name.split(":")[0] not in OWN_NAMESPACES or policy_of(view).public:
            continue
        view_class = getattr(view, "view_class", None) or getattr(view, "cls", None)
        methods = set(getattr(view_class, "http_method_names", ()))
        has_write = any(
            m in methods and hasattr(view_class, m) for m in ("post", "put", "patch", "delete")
        )
        if has_write and allows(view, member, "POST"):
            writers.add(name)
    assert writers <= PERSONAL_WRITES, sorted(writers - PERSONAL_WRITES)
