"""django-allauth adapters: no public sign-up; TOTP cannot be removed where mandatory."""

from typing import Any

from allauth.account.adapter import DefaultAccountAdapter
from allauth.mfa.adapter import DefaultMFAAdapter
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest

from trustone.ratelimit import client_ip


class AccountAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request: HttpRequest) -> bool:
        return False  # invitation only

    def get_client_ip(self, request: HttpRequest) -> str:
        """The login limits count per client as the rest of the portal sees it."""
        ip = client_ip(request)
        if not ip:
            raise PermissionDenied("Unable to determine client IP address")
        return ip


class MFAAdapter(DefaultMFAAdapter):
    def can_delete_authenticator(self, authenticator: Any) -> bool:
        from trustone.access.middleware import mfa_required

        if authenticator.type == authenticator.Type.TOTP and mfa_required(authenticator.user):
            return False
        return bool(super().can_delete_authenticator(authenticator))
