"""Files people attach (evidence, helpdesk and plan-test attachments): the type is
checked by extension and by the file's first bytes, the size bounded. One rule for every
app that accepts an attachment."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

MAX_BYTES = 10 * 1024 * 1024
ZIP = b"PK\x03\x04"
# extension: (content type, how the file must begin)
ALLOWED: dict[str, tuple[str, tuple[bytes, ...]]] = {
    "pdf": ("application/pdf", (b"%PDF",)),
    "png": ("image/png", (b"\x89PNG",)),
    "jpg": ("image/jpeg", (b"\xff\xd8\xff",)),
    "jpeg": ("image/jpeg", (b"\xff\xd8\xff",)),
    "docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", (ZIP,)),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", (ZIP,)),
    "pptx": ("application/vnd.openxmlformats-officedocument.presentationml.presentation", (ZIP,)),
    "odt": ("application/vnd.oasis.opendocument.text", (ZIP,)),
    "ods": ("application/vnd.oasis.opendocument.spreadsheet", (ZIP,)),
}


def attachment_problem(*, name: str, size: int, head: bytes) -> str | None:
    """Why a file cannot be evidence, or None (pure: name, size and first bytes)."""
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if extension not in ALLOWED:
        return _(
            "Only PDF, images (PNG, JPG) and office files (DOCX, XLSX, PPTX, ODT, ODS) "
            "can be added."
        )
    if size > MAX_BYTES:
        return _("The file is larger than 10 MB.")
    if size == 0:
        return _("The file is empty.")
    if not any(head.startswith(magic) for magic in ALLOWED[extension][1]):
        return _("The file's content does not match its extension.")
    return None


def check_attachment(upload: Any, field: str = "attachment") -> None:
    """Refuse an uploaded file that cannot be an attachment, on `field` (None: no file)."""
    if upload is None:
        return
    head = upload.read(8)
    upload.seek(0)
    problem = attachment_problem(name=upload.name, size=upload.size, head=head)
    if problem:
        raise ValidationError({field: problem})


def attachment_content_type(name: str) -> str:
    """The content type an accepted attachment is stored and served with."""
    return ALLOWED[name.rsplit(".", 1)[-1].lower()][0]


def check_attachments(uploads: list[Any], *, at_most: int, errors: dict[str, str]) -> None:
    """Put the first problem of a list of uploads on `errors["attachments"]`: too many
    files, or the file that cannot be an attachment, by its name."""
    if len(uploads) > at_most:
        errors["attachments"] = _("Add at most %(count)s files.") % {"count": at_most}
    for upload in uploads:
        try:
            check_attachment(upload, field="attachments")
        except ValidationError as problem:
            errors["attachments"] = f"{upload.name}: {' '.join(problem.messages)}"
