"""Resolve the actor once per request; enforce mandatory MFA and the declared policy."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ImproperlyConfigured, PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.urls import resolve
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _

from .actor import ACTING_ORGANISATION_SESSION_KEY, actor_for
from .declare import allows, policy_of


class ActorMiddleware:
    """Sets `request.actor`, lazily, from the user and the session's acting organisation."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request.actor = SimpleLazyObject(  # type: ignore[attr-defined]
            lambda: actor_for(request.user, request.session.get(ACTING_ORGANISATION_SESSION_KEY))
        )
        return self.get_response(request)


# URL names a user who still has to enrol TOTP may visit.
MFA_ENROLMENT_URL_NAMES = {
    "mfa_activate_totp",
    "mfa_index",
    "mfa_reauthenticate",
    "account_reauthenticate",
    "account_logout",
    "mfa_generate_recovery_codes",
    "mfa_view_recovery_codes",
    "mfa_download_recovery_codes",
    "set_language",
}


def mfa_required(user: Any) -> bool:
    """True when one of the user's organisations makes TOTP mandatory."""
    from members.models import Membership
    from members.rules import KINDS_WITH_MANDATORY_MFA

    return Membership.objects.filter(
        user=user, is_active=True, organisation__kind__in=KINDS_WITH_MANDATORY_MFA
    ).exists()


def has_totp(user: Any) -> bool:
    from allauth.mfa.models import Authenticator

    return Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()


class MandatoryMfaMiddleware:
    """Secretariat, NGO and union users enrol TOTP before they see anything else.

    Whether TOTP is required follows from the actor's memberships (already loaded), so
    a membership granted during a session takes effect on the next request."""

    SESSION_FLAG = "mfa_totp_enrolled"

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.user.is_authenticated and not request.path.startswith(settings.STATIC_URL):
            response = self._enrolment_redirect(request)
            if response is not None:
                return response
        return self.get_response(request)

    def _enrolment_redirect(self, request: HttpRequest) -> HttpResponse | None:
        from members.rules import KINDS_WITH_MANDATORY_MFA

        memberships = request.actor.memberships  # type: ignore[attr-defined]
        if not any(m.organisation.kind in KINDS_WITH_MANDATORY_MFA for m in memberships):
            return None
        if request.session.get(self.SESSION_FLAG) or has_totp(request.user):
            request.session[self.SESSION_FLAG] = True
            return None
        try:
            url_name = resolve(request.path_info).url_name
        except Http404:
            url_name = None
        if url_name in MFA_ENROLMENT_URL_NAMES:
            return None
        if request.path.startswith("/api/"):
            return JsonResponse(
                {"detail": _("Set up two-factor authentication first.")}, status=403
            )
        return redirect("mfa_activate_totp")


class AccessPolicyMiddleware:
    """The one gate: a view without a declared policy is never served; a policy that
    refuses sends anonymous visitors to the login page and answers 404 to everyone else."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(
        self,
        request: HttpRequest,
        view_func: Callable[..., Any],
        view_args: Any,
        view_kwargs: Any,
    ) -> HttpResponse | None:
        policy = policy_of(view_func)
        if policy is None:
            raise ImproperlyConfigured(
                f"{view_func.__module__}.{view_func.__name__} has no access policy; "
                "declare one (see trustone/access)."
            )
        if getattr(view_func, "cls", None) is not None:
            return None  # DRF views: PolicyPermission decides after API authentication.
        if allows(view_func, request.actor, request.method or "GET"):  # type: ignore[attr-defined]
            return None
        if request.user.is_anonymous:
            return redirect_to_login(request.get_full_path())
        raise Http404

    def process_exception(self, request: HttpRequest, exception: Exception) -> None:
        """A service that refuses (PermissionDenied) looks like a missing object."""
        if isinstance(exception, PermissionDenied):
            raise Http404 from exception
