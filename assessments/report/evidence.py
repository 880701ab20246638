"""Evidence files with answers: type and size checked, stored privately."""

from __future__ import annotations

import uuid
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from trustone.access.actor import Actor
from trustone.access.errors import NotFound

from ..models import Evidence, Question, Report
from .reports import ensure_editable, reports_visible_to

MAX_BYTES = 10 * 1024 * 1024
MAX_FILES_PER_QUESTION = 10
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


def evidence_problem(*, name: str, size: int, head: bytes) -> str | None:
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


def check_upload(upload: Any, field: str = "attachment") -> None:
    """Refuse an uploaded file that cannot be an attachment, on `field` (None: no file)."""
    if upload is None:
        return
    head = upload.read(8)
    upload.seek(0)
    problem = evidence_problem(name=upload.name, size=upload.size, head=head)
    if problem:
        raise ValidationError({field: problem})


@transaction.atomic
def evidence_add(*, actor: Actor, report: Report, question_code: str, upload: Any) -> Evidence:
    """Add a file to an answer of the actor's own, still editable report."""
    ensure_editable(actor, report)
    question = Question.objects.filter(framework=report.framework, code=question_code).first()
    if question is None:
        raise NotFound
    if Evidence.objects.filter(report=report, question=question).count() >= (
        MAX_FILES_PER_QUESTION
    ):
        raise ValidationError(
            _("At most %(count)s files per question.") % {"count": MAX_FILES_PER_QUESTION}
        )
    check_upload(upload, "file")
    extension = upload.name.rsplit(".", 1)[-1].lower()
    evidence = Evidence(
        report=report,
        question=question,
        original_name=upload.name[:200],
        content_type=ALLOWED[extension][0],
        size=upload.size,
        uploaded_by=actor.user,
    )
    evidence.file.save(f"{uuid.uuid4().hex}.{extension}", upload, save=False)
    evidence.save()
    return evidence


def access_evidence(actor: Actor, evidence_id: int) -> Evidence:
    """A file of a report the actor may see; not found otherwise."""
    evidence = Evidence.objects.select_related("report").filter(pk=evidence_id).first()
    if evidence is None or not reports_visible_to(actor).filter(pk=evidence.report_id).exists():
        raise NotFound
    return evidence


@transaction.atomic
def evidence_delete(*, actor: Actor, evidence: Evidence) -> None:
    report = evidence.report
    ensure_editable(actor, report)
    evidence.delete()  # the file stays for earlier versions that may refer to it
