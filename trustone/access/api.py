"""Base classes for the REST API: the same policies as the HTML, checked by
PolicyPermission after API authentication."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ImproperlyConfigured
from rest_framework import exceptions
from rest_framework.request import Request
from rest_framework.views import APIView

from .actor import Actor
from .permissions import PolicyPermission, api_actor
from .policies import Policy

__all__ = ["PolicyPermission", "PortalAPIView", "api_actor"]


class PortalAPIView(APIView):
    """Every API view inherits this (or PortalViewSet) and sets `access_policy`."""

    access_policy: Policy | None = None
    permission_classes = [PolicyPermission]

    @property
    def actor(self) -> Actor:
        return api_actor(self.request)

    def initial(self, request: Request, *args: Any, **kwargs: Any) -> None:
        if self.access_policy is None:
            raise ImproperlyConfigured(f"{type(self).__name__} declares no access_policy.")
        method = (request.method or "").lower()
        if method not in self.http_method_names or not hasattr(self, method):
            # A method the endpoint does not have is 405 for everyone, before who asks
            # (or for which organisation) is looked at; it reveals nothing.
            raise exceptions.MethodNotAllowed(request.method or "")
        super().initial(request, *args, **kwargs)
