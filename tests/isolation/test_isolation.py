"""Every non-public endpoint is default-deny: the actors a case allows may use it (and an
allowed write changes what it says it changes); every other actor of the test world is
refused, with the database unchanged."""

from __future__ import annotations

import pytest

from .harness import CASES, EVERYONE, Case


def _params(kind: str) -> list[object]:
    if kind == "refused":
        return [
            pytest.param(case, who, id=f"{case.name}-{who}")
            for case in CASES
            for who in case.refused()
        ]
    return [
        pytest.param(case, who, id=f"{case.name}-{who}") for case in CASES for who in case.allowed
    ]


def _request(world, case: Case, who: str):
    url = case.url(world)
    data = case.data_for(world, who)
    client = world.client(who)
    state = case.state or (lambda world: None)
    before = state(world)
    if case.method == "get":
        response = client.get(url)
    elif case.method in {"put", "patch", "delete"}:
        response = getattr(client, case.method)(url, data, content_type="application/json")
    else:
        response = getattr(client, case.method)(url, data)
    return response, before, state(world)


def test_the_cases_are_well_formed() -> None:
    """Names are unique, allowed actors exist, and every write names its state."""
    names = [case.name for case in CASES]
    assert len(names) == len(set(names))
    for case in CASES:
        assert case.allowed, f"{case.name}: nobody is allowed"
        assert set(case.allowed) <= set(EVERYONE), f"{case.name}: unknown actor"
        if case.is_write:
            assert case.state is not None, f"{case.name}: a write without state cannot fail"


@pytest.mark.parametrize(("case", "who"), _params("refused"))
def test_refused(world, case: Case, who: str) -> None:
    response, before, after = _request(world, case, who)
    if case.is_write:
        assert before is not None, f"{case.name}: its state reads nothing"
    if who == "anonymous":
        if case.api:
            assert response.status_code in {401, 403}
        else:
            assert response.status_code == 302
            assert response.url.startswith("/accounts/login/")
    else:
        assert response.status_code == 404, f"{who} got {response.status_code}"
    assert before == after, "a refused request changed the database"


@pytest.mark.parametrize(("case", "who"), _params("allowed"))
def test_allowed(world, case: Case, who: str) -> None:
    response, before, after = _request(world, case, who)
    assert response.status_code in ({200} if case.method == "get" else {200, 201, 204, 302}), (
        f"{who} got {response.status_code}"
    )
    if case.is_write and case.changes:
        assert before != after, f"{who}'s allowed {case.method.upper()} changed nothing"
