"""The annual report on a real Celery worker: the coordinator's form queues the job on
`lists`, the worker collects the snapshot and the figures, then renders both PDFs on
`reports`. A redelivered job or rendering changes nothing. Every wait is bounded."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import date

import pytest
from celery.contrib.testing.worker import start_worker
from django.urls import reverse
from django.utils import timezone

from assessments.models import AnnualReport, AnnualReportStatus
from assessments.rules.annual import figures_from
from assessments.tasks import rebuild_annual_report_task, render_annual_report_pdf_task
from tests.factories import CovenantMembershipFactory, LevelFactory, OrganisationFactory
from trustone import celery_app
from trustone.jobs.models import JobStatus

YEAR = timezone.localdate().year - 1


@pytest.fixture
def celery_worker(transactional_db):
    with start_worker(
        celery_app,
        pool="solo",
        perform_ping_check=False,
        shutdown_timeout=30,
        queues=["default", "reports", "lists"],
    ):
        yield


def wait_until(condition: Callable[[], bool], timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.2)
    raise AssertionError(f"not within {timeout} s: {what}")


def ready(report: AnnualReport) -> bool:
    report.refresh_from_db()
    return bool(report.status == AnnualReportStatus.DRAFT and report.pdf_nl and report.pdf_en)


def state(report: AnnualReport) -> tuple:
    report.refresh_from_db()
    report.job.refresh_from_db()
    return (
        AnnualReport.objects.count(),
        report.status,
        report.inputs,
        report.figures,
        report.pdf_nl.name,
        report.pdf_en.name,
        report.job.status,
        report.job.attempts,
        report.job.finished_at,
    )


@pytest.mark.worker
def test_a_worker_generates_the_draft_and_its_pdfs_once(world, celery_worker) -> None:
    for member_type, level in [("full", 2)] * 3 + [("associated", 3)] * 2:
        company = OrganisationFactory()
        CovenantMembershipFactory(
            organisation=company, member_type=member_type, joined_on=date(YEAR, 4, 1)
        )
        LevelFactory(organisation=company, year=YEAR, level=level, decided_on=date(YEAR, 11, 1))

    response = world.client("secretariat_admin").post(reverse("annual:list"), {"year": str(YEAR)})
    assert response.status_code == 302
    report = AnnualReport.objects.get()
    wait_until(lambda: ready(report), 120, "the draft and both PDFs")

    assert report.job.status == JobStatus.SUCCEEDED
    assert report.figures == figures_from(report.inputs)
    rows = report.figures["tables"]["member_types"]["rows"]
    assert [(row["path"], row["value"]) for row in rows] == [([], 5)]  # combined: 3 + 2
    for field in (report.pdf_nl, report.pdf_en):
        with field.open("rb") as file:
            assert file.read().startswith(b"%PDF")
    before = state(report)

    # Redelivered messages: the job is finished, the PDFs exist; nothing happens twice.
    rebuild_annual_report_task.apply_async(args=[report.job.pk]).get(timeout=60)
    render_annual_report_pdf_task.apply_async(args=[report.pk]).get(timeout=60)
    assert state(report) == before


@pytest.mark.worker
def test_what_a_lost_message_left_undone_is_sent_again(world, celery_worker) -> None:
    """The beat task: a version still being generated ten minutes on gets its job sent
    again; a version still missing a PDF gets its rendering sent again. Recent ones are
    left alone (their messages may still be on the way)."""
    from datetime import timedelta

    from assessments.annual.services import annual_reports_requeue
    from trustone.jobs.models import Job

    coordinator = world.users["secretariat_admin"]
    job = Job.objects.create(kind="annual_report", started_by=coordinator)
    lost = AnnualReport.objects.create(year=YEAR, version=1, generated_by=coordinator, job=job)
    job.params = {"report": lost.pk}
    job.save()
    assert annual_reports_requeue() == 0  # just started: its message may be on its way
    AnnualReport.objects.filter(pk=lost.pk).update(
        generated_at=timezone.now() - timedelta(minutes=11)
    )
    assert annual_reports_requeue() == 1
    wait_until(lambda: ready(lost), 120, "the draft and both PDFs after the requeue")

    AnnualReport.objects.filter(pk=lost.pk).update(pdf_en="")  # its rendering was lost
    assert annual_reports_requeue() == 1
    wait_until(lambda: ready(lost), 60, "the English PDF again")
