from celery import shared_task

from trustone.jobs.services import run_as_job
from trustone.jobs.tasks import JobTask

from .export import audit_export


@shared_task(base=JobTask, name="trustone.audit.tasks.audit_export_task")
def audit_export_task(job_id: int) -> None:
    run_as_job(audit_export)(job_id)
