"""One place where the API turns a service's Django ValidationError into a 400 with the
field errors (`{"field": ["reason"]}`, and `{"non_field_errors": ["reason"]}` for the
request as a whole), in the user's language, and a service's PermissionDenied into the
same 404 as a missing object.

Database constraints speak to people through their `violation_error_message`. As a last
line of defence, a message that still names a constraint (Django's default "Constraint
“…” is violated.") or an IntegrityError from the database (a race past `full_clean`) is
answered with a general reason: a constraint's name is never shown."""

from __future__ import annotations

import logging
from functools import cache
from typing import Any

from django.apps import apps
from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import IntegrityError
from django.utils.translation import gettext as _
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.response import Response
from rest_framework.settings import api_settings
from rest_framework.views import exception_handler as drf_exception_handler

logger = logging.getLogger(__name__)


@cache
def constraint_names() -> frozenset[str]:
    """The names of every model constraint of the project."""
    return frozenset(
        constraint.name
        for model in apps.get_models()
        for constraint in model._meta.constraints
        if constraint.name
    )


def _conflict_message() -> str:
    return _("These values conflict with data that is already there. Check them and try again.")


def _scrub(messages: list[str]) -> list[str]:
    names = constraint_names()
    cleaned = [
        _conflict_message() if any(name in str(message) for name in names) else message
        for message in messages
    ]
    return list(dict.fromkeys(cleaned))


def _as_drf(error: DjangoValidationError) -> ValidationError:
    if hasattr(error, "error_dict"):
        return ValidationError({field: _scrub(msgs) for field, msgs in error.message_dict.items()})
    return ValidationError(_scrub(error.messages))


def _reasons_per_field(data: Any) -> Any:
    """Every 400 is an object (the schema's ValidationError): reasons about the request as a
    whole go under `non_field_errors`, as DRF's serializers put them."""
    key = api_settings.NON_FIELD_ERRORS_KEY
    if isinstance(data, list):
        return {key: data}
    if isinstance(data, dict) and NON_FIELD_ERRORS in data:
        data = dict(data)
        data[key] = list(data.get(key, [])) + list(data.pop(NON_FIELD_ERRORS))
    return data


def exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    if isinstance(exc, PermissionDenied):
        exc = NotFound()  # a service's refusal looks like a missing object
    elif isinstance(exc, DjangoValidationError):
        exc = _as_drf(exc)
    elif isinstance(exc, IntegrityError):
        logger.warning("IntegrityError answered with 400: %s", exc)
        exc = ValidationError([_conflict_message()])
    response = drf_exception_handler(exc, context)
    if response is not None and isinstance(exc, ValidationError):
        response.data = _reasons_per_field(response.data)
    return response
