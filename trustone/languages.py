"""The portal's two languages: Dutch first, English complete."""

from __future__ import annotations

from django.utils.translation import get_language

LANGUAGES = ("nl", "en")


def portal_language(code: str | None = None) -> str:
    """ "en" when `code` (by default the active language) is English, else "nl"."""
    return "en" if (code or get_language() or "nl").startswith("en") else "nl"
