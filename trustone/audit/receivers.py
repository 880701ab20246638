"""Authentication events come from django-allauth and Django as signals; they are
recorded here (the audit log is the one thing these receivers do)."""

from typing import Any

from allauth.account.signals import password_changed, password_reset
from allauth.mfa.signals import authenticator_added, authenticator_removed
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver

from trustone.access.actor import actor_for

from .services import audit_record


def _actor(request: Any, user: Any) -> Any:
    return actor_for(user) if user is not None else None


@receiver(user_logged_in)
def on_login(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    audit_record(actor=_actor(request, user), action="login", request=request)


@receiver(user_logged_out)
def on_logout(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    if user is not None:
        audit_record(actor=_actor(request, user), action="logout", request=request)


@receiver(user_login_failed)
def on_login_failed(
    sender: Any, credentials: dict[str, Any], request: Any = None, **kw: Any
) -> None:
    email = str(credentials.get("email") or credentials.get("username") or "")[:254]
    audit_record(actor=None, action="login_failed", email=email, request=request)


@receiver(password_changed)
def on_password_changed(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    audit_record(actor=_actor(request, user), action="password_changed", request=request)


@receiver(password_reset)
def on_password_reset(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    audit_record(actor=_actor(request, user), action="password_reset", request=request)


@receiver(authenticator_added)
def on_mfa_added(sender: Any, request: Any, user: Any, authenticator: Any, **kw: Any) -> None:
    audit_record(
        actor=_actor(request, user),
        action="mfa_activated",
        request=request,
        data={"type": authenticator.type},
    )


@receiver(authenticator_removed)
def on_mfa_removed(sender: Any, request: Any, user: Any, authenticator: Any, **kw: Any) -> None:
    audit_record(
        actor=_actor(request, user),
        action="mfa_deactivated",
        request=request,
        data={"type": authenticator.type},
    )
