"""Starting jobs and reporting their progress."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from trustone.access.actor import Actor
from trustone.audit.services import audit_record

from .models import Job, JobStatus


@transaction.atomic
def job_start(*, actor: Actor, kind: str, task: Any, params: dict[str, Any] | None = None) -> Job:
    """Create a job record for `actor` and queue `task(job_id)` once the transaction commits.
    Callers (views) have checked the actor may start this kind of job."""
    job = Job(
        kind=kind, started_by=actor.user, organisation=actor.organisation, params=params or {}
    )
    job.full_clean()
    job.save()
    audit_record(actor=actor, action="job_started", target=job, data={"kind": kind})
    transaction.on_commit(lambda: task.delay(job.pk))
    return job


def job_progress(job_id: int, *, done: int, total: int, message: str = "") -> None:
    """Store progress; one UPDATE, safe to call from any worker."""
    Job.objects.filter(pk=job_id).update(done=done, total=total, message=message[:300])


def job_finish(job_id: int, *, filename: str = "", content: bytes = b"", message: str = "") -> None:
    job = Job.objects.get(pk=job_id)
    if content:
        job.result_file.save(filename, ContentFile(content), save=False)
    job.status = JobStatus.SUCCEEDED
    job.message = message[:300]
    job.finished_at = timezone.now()
    job.done = job.total or job.done
    job.save()


def job_fail(job_id: int, *, error: str) -> None:
    Job.objects.filter(pk=job_id).update(
        status=JobStatus.FAILED, error=error[:5000], finished_at=timezone.now()
    )


def run_as_job(body: Callable[[Job], None]) -> Callable[[int], None]:
    """Wrap a task body: mark the job running, skip it when already finished (tasks are
    idempotent: a redelivered message does nothing twice), mark it failed on the last
    error. `body(job)` reports progress with `job_progress` and ends with `job_finish`."""

    @wraps(body)
    def run(job_id: int) -> None:
        job = Job.objects.filter(pk=job_id).first()
        if job is None or job.is_finished:
            return
        Job.objects.filter(pk=job_id).update(
            status=JobStatus.RUNNING, started_at=timezone.now(), attempts=job.attempts + 1
        )
        job.refresh_from_db()
        body(job)

    return run
