"""The base class of job tasks: retries on database hiccups, marks the job failed at the end."""

from typing import Any

from celery import Task
from django.db import InterfaceError, OperationalError

from .services import job_fail


class JobTask(Task):
    """Tasks of long jobs take the job id as their only argument."""

    autoretry_for = (OperationalError, InterfaceError)
    retry_backoff = True
    max_retries = 3
    acks_late = True

    def on_failure(self, exc: Exception, task_id: str, args: Any, kwargs: Any, einfo: Any) -> None:
        if args:
            job_fail(args[0], error=f"{type(exc).__name__}: {exc}")
