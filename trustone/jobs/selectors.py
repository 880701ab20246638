from __future__ import annotations

from django.db.models import QuerySet

from trustone.access.actor import Actor
from trustone.access.errors import NotFound

from .models import Job


def jobs_visible_to(actor: Actor) -> QuerySet[Job]:
    """The jobs the actor started themselves (nobody else sees a job's progress)."""
    if actor.user is None:
        return Job.objects.none()
    return Job.objects.filter(started_by=actor.user).select_related("organisation")


def access_job(actor: Actor, job_id: int) -> Job:
    """One job the actor started; not found for anyone else's job or a missing one."""
    job = jobs_visible_to(actor).filter(pk=job_id).first()
    if job is None:
        raise NotFound
    return job


def access_job_result(actor: Actor, job_id: int) -> Job:
    """The result of a job the actor started, while acting for the organisation the job
    belongs to (its data is that organisation's); not found otherwise or without a file."""
    job = access_job(actor, job_id)
    if job.organisation_id != actor.organisation_id or not job.result_file:
        raise NotFound
    return job
