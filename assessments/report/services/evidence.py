"""Writes of evidence files: adding one to an answer (type and size checked, stored
privately) and deleting one from a draft."""

from __future__ import annotations

import uuid
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from trustone.access.actor import Actor
from trustone.access.errors import NotFound
from trustone.attachments import attachment_content_type, check_attachment

from ...models import Evidence, Question, Report
from ..selectors.reports import ensure_editable

MAX_FILES_PER_QUESTION = 10


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
    check_attachment(upload, "file")
    extension = upload.name.rsplit(".", 1)[-1].lower()
    evidence = Evidence(
        report=report,
        question=question,
        original_name=upload.name[:200],
        content_type=attachment_content_type(upload.name),
        size=upload.size,
        uploaded_by=actor.user,
    )
    evidence.file.save(f"{uuid.uuid4().hex}.{extension}", upload, save=False)
    evidence.save()
    return evidence


@transaction.atomic
def evidence_delete(*, actor: Actor, evidence: Evidence) -> None:
    report = evidence.report
    ensure_editable(actor, report)
    evidence.delete()  # the file stays for earlier versions that may refer to it
