"""E-mail to people, each in their own language."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation

from trustone.languages import portal_language


def mail_users(
    users: Iterable[Any], subject: Callable[[], str], template: str, context: dict[str, Any]
) -> int:
    """Send `template` to every user in the user's language; `subject` is called in that
    language. The context gets `portal_url` for links. Returns the number sent."""
    sent = 0
    for user in sorted({u.pk: u for u in users}.values(), key=lambda u: u.email):
        with translation.override(portal_language(user.language)):
            send_mail(
                subject(),
                render_to_string(template, {"portal_url": settings.PORTAL_URL, **context}),
                None,
                [user.email],
            )
        sent += 1
    return sent
