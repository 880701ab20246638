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
