"""Base classes for the REST API: the same policies as the HTML, checked by
PolicyPermission after API authentication."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ImproperlyConfigured
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
        super().initial(request, *args, **kwargs)
