"""One place where the API turns a service's Django ValidationError into a 400 with the
field errors (`{"field": ["reason"]}`, or a list of reasons), in the user's language, and
a service's PermissionDenied into the same 404 as a missing object."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler


def exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    if isinstance(exc, PermissionDenied):
        exc = NotFound()  # a service's refusal looks like a missing object
    elif isinstance(exc, DjangoValidationError):
        exc = ValidationError(getattr(exc, "message_dict", None) or exc.messages)
    return drf_exception_handler(exc, context)
