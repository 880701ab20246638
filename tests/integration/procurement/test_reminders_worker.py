"""The contract reminders on a real Celery worker: the beat task sends each reminder once,
however often it runs (a retry or a second beat tick sends nothing again)."""

from __future__ import annotations

import time
from datetime import timedelta

import pytest
from celery.contrib.testing.worker import start_worker
from django.core import mail
from django.utils import timezone

from procurement.models import TenderReminder
from procurement.tasks import tender_reminders_task
from procurement.tenders import services
from trustone import celery_app
from trustone.access.actor import actor_for


@pytest.fixture
def celery_worker(transactional_db):
    with start_worker(
        celery_app,
        pool="solo",
        perform_ping_check=False,
        shutdown_timeout=30,
        queues=["default"],
    ):
        yield


@pytest.mark.worker
def test_the_worker_sends_a_passed_deadlines_reminder_once(world, celery_worker) -> None:
    tender = services.tender_save(
        actor=actor_for(world.users["government_admin"]),
        data={
            "title": "Kademuren Prinsengracht",
            "tendered_on": timezone.localdate() - timedelta(days=90),
            "value_band": "gt_5538k",
            "isv_applied": True,
            "phases": ["contract"],
            "ambition": "basis",
            "contractor": None,
            "contractor_name": "Bouwcombinatie Gracht",
            # The risk analysis (4 working weeks) is past; the plan (8) is weeks away.
            "contract_closed_on": timezone.localdate() - timedelta(days=40),
        },
        criteria_ids=[],
    )
    mail.outbox.clear()
    assert tender_reminders_task.delay().get(timeout=60) == 1
    assert tender_reminders_task.delay().get(timeout=60) == 0
    deadline = time.monotonic() + 30
    while not mail.outbox and time.monotonic() < deadline:
        time.sleep(0.2)
    assert list(TenderReminder.objects.filter(tender=tender).values_list("kind", flat=True)) == [
        "risk_due"
    ]
    assert [m.to for m in mail.outbox] == [[world.users["government_admin"].email]]
