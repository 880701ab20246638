"""Celery entry points of supplychain: each takes ids and re-enters through a service."""

from celery import shared_task

from trustone.jobs.services import run_as_job
from trustone.jobs.tasks import JobTask

from .lists.building import lists_build, lists_job
from .registry.matcher import facilities_match, site_matching_job


@shared_task(
    name="supplychain.tasks.rebuild_site_matches_task",  # queue `lists`, by its name
    acks_late=True,
    reject_on_worker_lost=True,
    autoretry_for=(Exception,),
    retry_backoff=5,
    retry_backoff_max=600,
    max_retries=5,
)
def rebuild_site_matches_task(facility_ids: list[int] | None = None) -> dict[str, int]:
    """Match facilities to the registry: the given ones (after a submission), or every one
    not yet linked (nightly). Idempotent: a linked or waiting facility is left alone."""
    run = facilities_match(facility_ids=facility_ids)
    return {"linked": run.linked, "queued": run.queued, "new": run.new}


@shared_task(base=JobTask, name="supplychain.tasks.rebuild_site_matching_job_task")
def rebuild_site_matching_job_task(job_id: int) -> None:
    """The coordinator's "match now": every facility not yet linked, as a job."""
    run_as_job(site_matching_job)(job_id)


@shared_task(
    name="supplychain.tasks.rebuild_lists_task",  # queue `lists`, by its name
    acks_late=True,
    reject_on_worker_lost=True,
    autoretry_for=(Exception,),
    retry_backoff=5,
    max_retries=5,
)
def rebuild_lists_task() -> dict[str, int]:
    """Rebuild every list (nightly, and after the registry changed); a list that did not
    change publishes no new version, so a retry or a second run does nothing."""
    return lists_build()


@shared_task(base=JobTask, name="supplychain.tasks.rebuild_lists_job_task")
def rebuild_lists_job_task(job_id: int) -> None:
    """The coordinator's "rebuild the lists now", as a job with its progress."""
    run_as_job(lists_job)(job_id)
