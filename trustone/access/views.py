"""Base classes for HTML views: they refuse to run without a declared policy."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ImproperlyConfigured
from django.http import HttpRequest, HttpResponse
from django.views import View
from django.views.generic import TemplateView

from .actor import Actor
from .policies import Policy


class PortalView(View):
    """Every HTML view inherits this. Subclasses set `access_policy`."""

    access_policy: Policy | None = None

    @property
    def actor(self) -> Actor:
        return self.request.actor  # type: ignore[attr-defined, no-any-return]

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if self.access_policy is None:
            raise ImproperlyConfigured(f"{type(self).__name__} declares no access_policy.")
        return super().dispatch(request, *args, **kwargs)


class PortalTemplateView(PortalView, TemplateView):
    pass
