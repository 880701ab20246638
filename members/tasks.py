from celery import shared_task

from .services import invitations_purge


@shared_task(name="members.tasks.invitations_expire_task")
def invitations_expire_task() -> int:
    return invitations_purge()
