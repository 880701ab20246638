"""The OpenAPI schema documents what the API answers: the errors as shared components, and
the bidder check's query parameter. Real answers match what it documents."""

import jsonschema
import pytest
from django.urls import reverse

from tests.api.tokens import token_client

pytestmark = pytest.mark.django_db


@pytest.fixture
def schema(client) -> dict:
    response = client.get(reverse("schema"), HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert response.status_code == 200
    return response.json()


def _operations(schema: dict):
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            yield path, method.upper(), operation


def _ref(response: dict) -> str:
    return response["content"]["application/json"]["schema"]["$ref"]


def _validator(schema: dict, component: str) -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(
        {"$ref": f"#/components/schemas/{component}", "components": schema["components"]}
    )


def test_every_operation_documents_its_errors(schema) -> None:
    assert {"Error", "ValidationError"} <= set(schema["components"]["schemas"])
    for path, method, operation in _operations(schema):
        responses = operation["responses"]
        assert _ref(responses["404"]) == "#/components/schemas/Error", (method, path)
        if method in {"POST", "PUT", "PATCH", "DELETE"}:
            assert _ref(responses["400"]) == "#/components/schemas/ValidationError"
        if not path.startswith("/api/v1/public/"):
            assert _ref(responses["401"]) == "#/components/schemas/Error", (method, path)
            names = {p["name"] for p in operation.get("parameters", [])}
            assert "X-TruStone-Organisation" in names, (method, path)


def test_the_bidder_check_documents_its_query(schema) -> None:
    operation = schema["paths"]["/api/v1/public/bidder-check/"]["get"]
    [q] = [p for p in operation["parameters"] if p["name"] == "q"]
    assert q["in"] == "query" and q["required"] is True
    assert q["schema"]["minLength"] == 2 and q["schema"]["maxLength"] == 100
    assert "KvK" in q["description"]
    assert _ref(operation["responses"]["400"]) == "#/components/schemas/ValidationError"
    assert "security" not in operation or {} in operation["security"]


def test_real_errors_match_the_documented_components(schema, world, client) -> None:
    validation_error, error = _validator(schema, "ValidationError"), _validator(schema, "Error")
    too_short = client.get(reverse("api:bidder-check"), {"q": "x"})
    assert too_short.status_code == 400
    validation_error.validate(too_short.json())

    api = token_client(world.users["company_member"])
    not_found = api.get(reverse("api:organisation-detail", args=[999999]))
    assert not_found.status_code == 404
    error.validate(not_found.json())

    anonymous = client.get(reverse("api:me"))
    assert anonymous.status_code == 401
    error.validate(anonymous.json())

    # A reason about the request as a whole is an object too, never a bare list.
    half = api.post(
        reverse("api:facility-list"),
        {"kind": "factory", "name": "F", "country": "IN", "latitude": "1"},
        content_type="application/json",
    )
    assert half.status_code == 400 and "non_field_errors" in half.json()
    validation_error.validate(half.json())
    unreadable = api.post(
        reverse("api:facility-list"), "{not json", content_type="application/json"
    )
    assert unreadable.status_code == 400
    validation_error.validate(unreadable.json())


def test_an_unknown_api_url_answers_with_the_json_error(schema) -> None:
    from django.test import Client

    response = Client().get("/api/v1/supplier-list/facilities/null,null/")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    _validator(schema, "Error").validate(response.json())
    assert "<html" in Client().get("/bestaat-niet/").content.decode()  # the portal's page


def test_a_method_an_endpoint_lacks_is_405_whoever_asks(world) -> None:
    from django.test import Client

    for client in (
        token_client(world.users["company_admin"], world.organisations["other_company"]),
        token_client(world.users["company_admin"]),
        Client(),
    ):
        assert client.generic("TRACE", reverse("api:me")).status_code == 405
        assert client.put(reverse("api:me")).status_code == 405
