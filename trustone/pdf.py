"""PDF rendering with WeasyPrint from templates under templates/pdf/."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation


def render_pdf(template_name: str, context: dict[str, Any], *, language: str) -> bytes:
    """Render `template_name` in `language` and return the PDF bytes."""
    from weasyprint import HTML  # imported late: loading Pango takes a moment

    with translation.override(language):
        html = render_to_string(template_name, context)
    return bytes(HTML(string=html, base_url=str(settings.BASE_DIR / "static")).write_pdf())
