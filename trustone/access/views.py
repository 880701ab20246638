"""Base classes for HTML views: they refuse to run without a declared policy."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.core.exceptions import ImproperlyConfigured
from django.http import HttpRequest
from django.http.response import HttpResponseBase
from django.views import View
from django.views.generic import TemplateView

from .actor import Actor
from .errors import NotFound
from .policies import Policy

if TYPE_CHECKING:
    from members.models import Organisation


class PortalView(View):
    """Every HTML view inherits this. Subclasses set `access_policy`."""

    access_policy: Policy | None = None

    @property
    def actor(self) -> Actor:
        return self.request.actor  # type: ignore[attr-defined]

    @property
    def organisation(self) -> Organisation:
        """The organisation the actor acts for; not found for a user acting for none."""
        if self.actor.organisation is None:
            raise NotFound
        return self.actor.organisation

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if self.access_policy is None:
            raise ImproperlyConfigured(f"{type(self).__name__} declares no access_policy.")
        return super().dispatch(request, *args, **kwargs)


class PortalTemplateView(PortalView, TemplateView):
    pass
