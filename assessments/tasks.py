from celery import shared_task

from .periods import reminders_send


@shared_task(name="assessments.tasks.report_reminders_task")
def report_reminders_task() -> int:
    """Daily: reminders 14 and 3 days before a reporting deadline."""
    return reminders_send()
