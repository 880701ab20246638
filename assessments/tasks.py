from celery import shared_task

from trustone.jobs.services import run_as_job
from trustone.jobs.tasks import JobTask

from .assessing import assessments_score_job
from .periods import reminders_send


@shared_task(name="assessments.tasks.report_reminders_task")
def report_reminders_task() -> int:
    """Daily: reminders 14 and 3 days before a reporting deadline."""
    return reminders_send()


@shared_task(base=JobTask, name="assessments.tasks.assessments_score_task")
def assessments_score_task(job_id: int) -> None:
    """Score and classify every submitted report (of one period) in one job."""
    run_as_job(assessments_score_job)(job_id)
