"""The PDF of a submitted report and the confirmation e-mail that carries it.

Submitting only freezes the version (`services.submission.report_submit`) and queues
`render_report_pdf_task` on the `reports` queue once the transaction commits. The task
renders the PDF and sends the confirmation. Both steps are idempotent, so a redelivered,
retried or re-queued task renders one PDF and sends one e-mail: each takes the report's
row lock and looks at what is already recorded (the PDF file, `confirmation_sent_at`)
before it does anything. The beat task `report_pdfs_requeue_task` re-queues reports whose
PDF or confirmation is still missing some minutes after submission."""

from __future__ import annotations

import time
from datetime import datetime, timedelta

from celery import current_app
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from trustone.languages import portal_language
from trustone.pdf import render_pdf

from ...models import Report

RENDER_TASK = "assessments.tasks.render_report_pdf_task"  # routed to `reports` by name


#: A submitted report whose PDF or confirmation is missing this long after submission is
#: queued again (the task is idempotent); one that is older than the window is left to
#: the operators rather than retried for ever.
REQUEUE_AFTER = timedelta(minutes=10)


REQUEUE_WINDOW = timedelta(days=7)


def report_pdf_queue(report_id: int) -> None:
    """Queue the PDF and confirmation of a submitted report. Sent by task name, so that
    services need not import tasks; callers schedule it with `transaction.on_commit`."""
    current_app.send_task(RENDER_TASK, args=[report_id])


def _submitted_for_update(report_id: int) -> Report | None:
    return (
        Report.objects.select_for_update(of=("self",))
        .select_related("organisation", "period", "framework", "submitted_by")
        .filter(pk=report_id, submitted_at__isnull=False, snapshot__isnull=False)
        .first()
    )


def _pause_for_tests() -> None:
    """The worker-kill test makes the first worker's rendering slow, to kill it mid-task.
    The setting exists only in the test settings."""
    delay = float(getattr(settings, "REPORT_PDF_TEST_DELAY", 0) or 0)
    if delay:
        time.sleep(delay)


def report_pdf_render(*, report_id: int) -> bool:
    """Render and store the PDF of exactly what was submitted, unless the report has one
    (for the task; no actor). The row lock is held while rendering, so that concurrent
    deliveries of the task render once. Returns whether it rendered."""
    with transaction.atomic():
        report = _submitted_for_update(report_id)
        if report is None or report.pdf:
            return False
        _pause_for_tests()
        pdf = render_pdf(
            "pdf/assessments/report.html",
            {"report": report, "snapshot": report.snapshot},
            language=portal_language(report.language or "nl"),
        )
        report.pdf.save(
            f"report-{report.organisation.slug}-{report.period.year}-v{report.version}.pdf",
            ContentFile(pdf),
            save=False,
        )
        # Only the PDF column, and only while it is empty: nothing submitted is overwritten.
        Report.objects.filter(pk=report.pk, pdf="").update(pdf=report.pdf.name)
    return True


def report_confirmation_send(*, report_id: int) -> bool:
    """E-mail the submitter the confirmation with the PDF attached, once (for the task).
    Waits for the PDF. The row stays locked while the mail is handed over, and
    `confirmation_sent_at` is committed with it: a second delivery finds it set, a
    failed send rolls back and is retried. Returns whether a mail was sent."""
    with transaction.atomic():
        report = _submitted_for_update(report_id)
        if report is None or not report.pdf or report.confirmation_sent_at is not None:
            return False
        user = report.submitted_by
        if user is not None and user.email:
            with translation.override(portal_language(report.language or "nl")):
                message = EmailMessage(
                    subject=_("TruStone: your report on %(year)s has been received")
                    % {"year": report.period.year},
                    body=render_to_string(
                        "assessments/email/report_submitted.txt", {"report": report}
                    ),
                    to=[user.email],
                )
            with report.pdf.open("rb") as file:
                message.attach(
                    f"trustone-report-{report.period.year}-v{report.version}.pdf",
                    file.read(),
                    "application/pdf",
                )
            message.send()
        # Recorded also when the submitter's account has gone: there is nobody to tell.
        Report.objects.filter(pk=report.pk).update(confirmation_sent_at=timezone.now())
    return user is not None and bool(user.email)


def report_pdfs_requeue(*, now: datetime | None = None) -> int:
    """Queue again the reports submitted more than REQUEUE_AFTER ago (within
    REQUEUE_WINDOW) whose PDF or confirmation is still missing, e.g. after a lost task
    (for the beat task). Returns how many were queued."""
    now = now or timezone.now()
    stuck = list(
        Report.objects.filter(
            submitted_at__lte=now - REQUEUE_AFTER,
            submitted_at__gte=now - REQUEUE_WINDOW,
            snapshot__isnull=False,
        )
        .filter(Q(pdf="") | Q(confirmation_sent_at__isnull=True))
        .values_list("pk", flat=True)
    )
    for report_id in stuck:
        report_pdf_queue(report_id)
    return len(stuck)
