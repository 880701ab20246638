"""Every non-public endpoint refuses anonymous visitors, other organisations and wrong
roles, and changes nothing when it refuses."""

from __future__ import annotations

import pytest

from .harness import CASES, Case


def _params(kind: str) -> list[object]:
    if kind == "refused":
        return [
            pytest.param(case, label, who, id=f"{case.name}-{label}-{who}")
            for case in CASES
            for label, who in case.refused()
        ]
    return [
        pytest.param(case, who, id=f"{case.name}-{who}") for case in CASES for who in case.allowed
    ]


def _request(world, case: Case, who: str):
    url = case.url(world)
    data = case.data(world)
    client = world.client(who)
    before = case.state(world)
    if case.method == "get":
        response = client.get(url)
    elif case.method in {"put", "patch", "delete"}:
        response = getattr(client, case.method)(url, data, content_type="application/json")
    else:
        response = getattr(client, case.method)(url, data)
    return response, before, case.state(world)


@pytest.mark.parametrize(("case", "label", "who"), _params("refused"))
def test_refused(world, case: Case, label: str, who: str) -> None:
    response, before, after = _request(world, case, who)
    if label == "anonymous":
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
    response, _before, _after = _request(world, case, who)
    assert response.status_code in ({200} if case.method == "get" else {200, 201, 204, 302}), (
        f"{who} got {response.status_code}"
    )
