from celery import shared_task

from trustone.jobs.services import run_as_job
from trustone.jobs.tasks import JobTask

from .invoicing import invoices_issue
from .services import invitations_purge


@shared_task(name="members.tasks.invitations_expire_task")
def invitations_expire_task() -> int:
    return invitations_purge()


@shared_task(base=JobTask, name="members.tasks.render_invoices_task")
def render_invoices_task(job_id: int) -> None:
    """The annual invoicing job (queue `reports`: it renders a PDF per invoice)."""
    run_as_job(invoices_issue)(job_id)
