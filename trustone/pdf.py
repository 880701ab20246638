"""PDF rendering with WeasyPrint from templates under templates/pdf/."""

from __future__ import annotations

import base64
from io import BytesIO
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


def qr_code_data_uri(text: str) -> str:
    """A QR code of `text` as an SVG data URI, for an `<img>` in a PDF template: vector
    graphics stay sharp in print, and WeasyPrint embeds the image (nothing to fetch)."""
    import qrcode
    from qrcode.image.svg import SvgPathImage

    code = qrcode.QRCode(
        error_correction=qrcode.constants.ERROR_CORRECT_M,
        image_factory=SvgPathImage,
        border=4,  # the quiet zone the standard asks for
    )
    code.add_data(text)
    code.make(fit=True)
    svg = BytesIO()
    code.make_image().save(svg)
    return "data:image/svg+xml;base64," + base64.b64encode(svg.getvalue()).decode("ascii")
