"""Celery entry points of procurement: the contract phase's reminders, daily (beat)."""

from __future__ import annotations

from celery import shared_task

from .tenders.services import reminders_send


@shared_task(
    autoretry_for=(Exception,),
    retry_backoff=True,
    max_retries=3,
)
def tender_reminders_task() -> int:
    return reminders_send()
