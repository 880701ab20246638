"""The OpenAPI schema of the API (drf-spectacular): besides each operation's own answer,
the errors it can give, as two shared components —

- `ValidationError` (400): the reasons per field, `{"field": ["reason", …]}`, with
  `non_field_errors` for the request as a whole (trustone.api_errors shapes every 400
  like this), or `{"detail": "…"}` when the body could not be read;
- `Error` (401, 403, 404, 429): `{"detail": "…"}`.

Endpoints that need a login also document the X-TruStone-Organisation header."""

from __future__ import annotations

from typing import Any

from drf_spectacular.extensions import OpenApiSerializerExtension, OpenApiSerializerFieldExtension
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse
from rest_framework import serializers

WRITE_METHODS = {"POST", "PUT", "PATCH", "DELETE"}


class ErrorSerializer(serializers.Serializer):
    detail = serializers.CharField(help_text="What went wrong, in the user's language.")


class ValidationErrorSerializer(serializers.Serializer):
    """Mapped by ValidationErrorScheme: a field name → reasons object."""


class ValidationErrorScheme(OpenApiSerializerExtension):
    target_class = ValidationErrorSerializer

    def get_name(self, auto_schema: Any = None, direction: Any = None) -> str:
        return "ValidationError"

    def map_serializer(self, auto_schema: Any, direction: Any) -> dict[str, Any]:
        return {
            "type": "object",
            "description": "The reasons per field, in the user's language; "
            "`non_field_errors` holds those about the request as a whole.",
            "properties": {
                "detail": {"type": "string", "description": "The body could not be read."}
            },
            "additionalProperties": {"type": "array", "items": {"type": "string"}},
            "example": {"name": ["Dit veld is verplicht."]},
        }


class DecimalFieldScheme(OpenApiSerializerFieldExtension):
    """A decimal is a string of digits: drf-spectacular's pattern also lets "", "-" and
    "." through, which the API refuses."""

    target_class = serializers.DecimalField
    match_subclasses = True

    def map_serializer_field(self, auto_schema: Any, direction: Any) -> dict[str, Any]:
        schema: dict[str, Any] = auto_schema._map_serializer_field(
            self.target, direction, bypass_extensions=True
        )
        field = self.target
        if schema.get("type") == "string" and field.max_digits is not None:
            places = field.decimal_places or 0
            whole = field.max_digits - places
            fraction = rf"(?:\.\d{{0,{places}}})?" if places else ""
            sign = "" if field.min_value is not None and field.min_value >= 0 else "-?"
            schema["pattern"] = rf"^{sign}\d{{1,{whole}}}{fraction}$"
            limits = [
                f"at least {field.min_value}" if field.min_value is not None else "",
                f"at most {field.max_value}" if field.max_value is not None else "",
            ]
            if any(limits):
                schema["description"] = " and ".join(x for x in limits if x).capitalize() + "."
        return schema


ORGANISATION_HEADER = OpenApiParameter(
    name="X-TruStone-Organisation",
    type=OpenApiTypes.INT,
    location=OpenApiParameter.HEADER,
    required=False,
    description="The id of the organisation the request acts for (one of yours; "
    "GET /api/v1/me/ lists them). Without it: the session's organisation, else your "
    "first where you are an administrator. Not one of yours: 404.",
)


class PortalAutoSchema(AutoSchema):
    """drf-spectacular's AutoSchema with the errors every operation can answer with."""

    def _is_public(self) -> bool:
        policy = getattr(self.view, "access_policy", None)
        return bool(getattr(policy, "public", False))

    def get_override_parameters(self) -> list[Any]:
        parameters = list(super().get_override_parameters())
        if not self._is_public():
            parameters.append(ORGANISATION_HEADER)
        return parameters

    def _error_responses(self, operation: dict[str, Any]) -> list[tuple[str, Any, str]]:
        queries = [p for p in operation.get("parameters", []) if p.get("in") == "query"]
        errors: list[tuple[str, Any, str]] = []
        if self.method in WRITE_METHODS or any(p["name"] != "page" for p in queries):
            errors.append(
                (
                    "400",
                    ValidationErrorSerializer,
                    "The request is not valid; nothing was changed.",
                )
            )
        if not self._is_public():
            errors += [
                ("401", ErrorSerializer, "No valid session or API token."),
                (
                    "403",
                    ErrorSerializer,
                    "Refused before the request was looked at: two-factor "
                    "authentication must be set up first, or a session request lacks "
                    "its CSRF token.",
                ),
            ]
        errors += [
            (
                "404",
                ErrorSerializer,
                "Not found — or not yours to see: the answer is the same for both. Also "
                "when X-TruStone-Organisation names an organisation that is not yours.",
            ),
            ("429", ErrorSerializer, "Too many requests; try again later."),
        ]
        return errors

    def get_operation(self, *args: Any, **kwargs: Any) -> dict[str, Any] | None:
        operation = super().get_operation(*args, **kwargs)
        if operation is None:
            return None
        responses = operation.setdefault("responses", {})
        for code, serializer, description in self._error_responses(operation):
            if code not in responses:
                response = OpenApiResponse(response=serializer, description=description)
                responses[code] = self._get_response_for_code(response, code)
        return operation
