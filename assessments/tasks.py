from celery import shared_task

from trustone.jobs.services import run_as_job
from trustone.jobs.tasks import JobTask

from .annual.services import (
    annual_report_build_job,
    annual_report_pdfs_render,
    annual_reports_requeue,
)
from .assessment.services import assessments_score_job
from .report.services import (
    reminders_send,
    report_confirmation_send,
    report_pdf_render,
    report_pdfs_requeue,
)


@shared_task(name="assessments.tasks.report_reminders_task")
def report_reminders_task() -> int:
    """Daily: reminders 14 and 3 days before a reporting deadline."""
    return reminders_send()


@shared_task(base=JobTask, name="assessments.tasks.assessments_score_task")
def assessments_score_task(job_id: int) -> None:
    """Score and classify every submitted report (of one period) in one job."""
    run_as_job(assessments_score_job)(job_id)


@shared_task(
    name="assessments.tasks.render_report_pdf_task",  # queue `reports`, by its name
    acks_late=True,  # acknowledged when done: a killed worker's message is redelivered
    reject_on_worker_lost=True,
    autoretry_for=(Exception,),
    retry_backoff=5,
    retry_backoff_max=600,
    retry_jitter=True,
    max_retries=8,
)
def render_report_pdf_task(report_id: int) -> None:
    """The PDF of a submitted report, then its confirmation e-mail. Both steps are
    idempotent, so a redelivery or a retry after either step does nothing twice."""
    report_pdf_render(report_id=report_id)
    report_confirmation_send(report_id=report_id)


@shared_task(name="assessments.tasks.report_pdfs_requeue_task")
def report_pdfs_requeue_task() -> int:
    """Every few minutes: queue again the submitted reports whose PDF or confirmation is
    still missing (a lost message, a broker that was away at submission)."""
    return report_pdfs_requeue()


@shared_task(base=JobTask, name="assessments.tasks.rebuild_annual_report_task")
def rebuild_annual_report_task(job_id: int) -> None:
    """Queue `lists`, by its name: collect and disclose a version of the annual report."""
    run_as_job(annual_report_build_job)(job_id)


@shared_task(
    name="assessments.tasks.render_annual_report_pdf_task",  # queue `reports`, by its name
    acks_late=True,
    reject_on_worker_lost=True,
    autoretry_for=(Exception,),
    retry_backoff=5,
    retry_backoff_max=600,
    retry_jitter=True,
    max_retries=8,
)
def render_annual_report_pdf_task(report_id: int) -> None:
    """The Dutch and English PDFs of a version of the annual report (idempotent)."""
    annual_report_pdfs_render(report_id=report_id)


@shared_task(name="assessments.tasks.annual_reports_requeue_task")
def annual_reports_requeue_task() -> int:
    """Every few minutes: send again the annual report jobs and PDFs a lost message left
    undone."""
    return annual_reports_requeue()
