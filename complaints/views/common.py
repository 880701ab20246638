"""What the case pages share: decrypted attachments as downloads."""

from __future__ import annotations

from django.http import HttpResponse
from django.utils.http import content_disposition_header

from ..models import CaseAttachment


def attachment_response(name: str, data: bytes, attachment: CaseAttachment) -> HttpResponse:
    """A decrypted attachment as a download that no cache keeps."""
    response = HttpResponse(data, content_type=attachment.content_type)
    response["Content-Disposition"] = content_disposition_header(True, name)
    response["Cache-Control"] = "no-store"
    return response
