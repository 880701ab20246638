"""System check: complaint content cannot be stored without a key to encrypt it with."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.checks import Error, register


@register()
def complaint_keys_check(app_configs: Any, **kwargs: Any) -> list[Error]:
    if getattr(settings, "COMPLAINTS_KEYS", None):
        return []
    return [
        Error(
            "No key to encrypt complaints with.",
            hint="Set COMPLAINTS_KEYS (Fernet keys, newest first) or COMPLAINTS_KEY_FILE.",
            id="complaints.E001",
        )
    ]
