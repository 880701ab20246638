"""django-allauth adapters: no public sign-up; TOTP cannot be removed where mandatory."""

from typing import Any

from allauth.account.adapter import DefaultAccountAdapter
from allauth.mfa.adapter import DefaultMFAAdapter
from django.http import HttpRequest


class AccountAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request: HttpRequest) -> bool:
        return False  # invitation only


class MFAAdapter(DefaultMFAAdapter):
    def can_delete_authenticator(self, authenticator: Any) -> bool:
        from trustone.access.middleware import mfa_required

        if authenticator.type == authenticator.Type.TOTP and mfa_required(authenticator.user):
            return False
        return bool(super().can_delete_authenticator(authenticator))
