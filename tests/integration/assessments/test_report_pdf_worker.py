"""The PDF of a submitted report on real Celery workers: one in this process for the whole
path, and worker processes of their own for a worker killed in the middle of rendering.
A killed worker loses nothing: its message goes to the next worker, which renders one
PDF and sends one e-mail. Every wait is bounded, so that a failure cannot hang the run."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import urlparse

import pytest
from celery.contrib.testing.worker import start_worker
from django.core import mail
from django.db import connection, transaction
from django.urls import reverse

from assessments.models import Report, ReportingPeriod
from tests.conftest import ensure_framework_v1
from tests.factories import CovenantMembershipFactory
from tests.integration.assessments.test_submission import complete
from trustone import celery_app

ROOT = Path(__file__).resolve().parents[3]


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


def submitted_by_browser(world) -> Report:
    """A complete report, submitted through the browser (the task is queued on commit)."""
    framework = ensure_framework_v1()
    CovenantMembershipFactory(
        organisation=world.organisations["company"],
        employees=40,
        annual_revenue_eur=9_000_000,
        full_due_diligence=True,
    )
    period = ReportingPeriod.objects.create(year=2026, deadline="2027-03-01", framework=framework)
    report = Report.objects.create(
        organisation=world.organisations["company"], period=period, framework=framework
    )
    complete(report, world.users["company_member"])
    response = world.client("company_member").post(reverse("assessments:submit", args=[report.pk]))
    assert response.status_code == 302
    return report


def wait_until(condition: Callable[[], bool], timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.2)
    raise AssertionError(f"not within {timeout} s: {what}")


def finished(report: Report) -> bool:
    report.refresh_from_db()
    return bool(report.pdf) and report.confirmation_sent_at is not None


@pytest.mark.worker
def test_a_worker_renders_the_pdf_and_mails_once_after_the_submit(world, celery_worker) -> None:
    report = submitted_by_browser(world)
    wait_until(lambda: finished(report), 60, "the PDF and the confirmation")
    with report.pdf.open("rb") as file:
        assert file.read().startswith(b"%PDF")
    [message] = mail.outbox
    assert message.attachments[0][2] == "application/pdf"


# --- A worker killed in the middle of rendering ---------------------------------------------


def is_being_rendered(report: Report) -> bool:
    """A worker holds the report's row lock: it is rendering the PDF."""
    with transaction.atomic():
        return not Report.objects.select_for_update(skip_locked=True).filter(pk=report.pk).exists()


def pool_children(worker: subprocess.Popen) -> list[int]:
    """The pool processes of a prefork worker (from /proc: no extra dependency)."""
    children = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == worker.pid:
            children.append(int(stat.parent.name))
    return children


def mails_in(folder: Path) -> list[str]:
    """The messages Django's file backend wrote (one file per connection)."""
    messages = []
    for path in sorted(folder.iterdir()):
        text = path.read_text(errors="replace")
        messages += [part for part in text.split("-" * 79) if "Subject:" in part]
    return messages


@pytest.fixture
def worker_processes(transactional_db, tmp_path) -> Iterator[Callable[..., subprocess.Popen]]:
    """Start `celery worker` processes on the test database; all are killed at the end."""
    database = urlparse(os.environ["DATABASE_URL"])
    database_url = database._replace(path="/" + connection.settings_dict["NAME"]).geturl()
    started: list[subprocess.Popen] = []

    def start(name: str, **environment: str) -> subprocess.Popen:
        log = (tmp_path / f"{name}.log").open("wb")
        process = subprocess.Popen(
            [
                *(sys.executable, "-m", "celery", "-A", "trustone", "worker"),
                # prefork, as in production: the pool process runs the task
                *("--pool", "prefork", "--concurrency", "1", "--queues", "reports"),
                *("--loglevel", "info"),
                *("--hostname", f"{name}@%h", "--without-mingle", "--without-gossip"),
            ],
            cwd=ROOT,
            env={
                **os.environ,
                "DJANGO_SETTINGS_MODULE": "trustone.settings.test",
                "DATABASE_URL": database_url,
                **environment,
            },
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group, killed as a whole
        )
        started.append(process)
        return process

    try:
        yield start
    finally:
        for process in started:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=30)


@pytest.mark.worker
def test_a_worker_killed_while_rendering_loses_nothing(world, worker_processes, tmp_path) -> None:
    outbox = tmp_path / "mail"
    outbox.mkdir()
    report = submitted_by_browser(world)

    # The first worker renders slowly; it is killed (SIGKILL) while it holds the task.
    first = worker_processes(
        "first",
        TRUSTONE_TEST_REPORT_PDF_DELAY="120",
        TRUSTONE_TEST_EMAIL_DIR=str(outbox),
    )
    wait_until(lambda: is_being_rendered(report), 90, "the first worker starts rendering")
    os.killpg(first.pid, signal.SIGKILL)
    first.wait(timeout=30)
    wait_until(lambda: not is_being_rendered(report), 30, "the killed worker's lock is gone")
    report.refresh_from_db()
    assert not report.pdf and report.confirmation_sent_at is None
    assert mails_in(outbox) == []

    # The message was never acknowledged: Redis hands it to the next worker once its
    # visibility timeout has passed (seconds here; an hour by default).
    worker_processes(
        "second",
        TRUSTONE_TEST_VISIBILITY_TIMEOUT="3",
        TRUSTONE_TEST_EMAIL_DIR=str(outbox),
    )
    wait_until(lambda: finished(report), 90, "the second worker renders and mails")
    with report.pdf.open("rb") as file:
        assert file.read().startswith(b"%PDF")
    time.sleep(3)  # room for a duplicate to show, should there be one
    [message] = mails_in(outbox)
    assert "application/pdf" in message
    assert report.pdf.name.startswith("reports/")


@pytest.mark.worker
def test_a_pool_process_killed_while_rendering_gives_its_task_back(
    world, worker_processes, tmp_path
) -> None:
    """The worker lives on, its pool process dies: `reject_on_worker_lost` puts the
    message back at once and the next pool process renders and mails, once."""
    outbox = tmp_path / "mail"
    outbox.mkdir()
    report = submitted_by_browser(world)
    worker = worker_processes(
        "pool", TRUSTONE_TEST_REPORT_PDF_DELAY="5", TRUSTONE_TEST_EMAIL_DIR=str(outbox)
    )
    wait_until(lambda: is_being_rendered(report), 90, "the pool process starts rendering")
    [child] = pool_children(worker)
    os.kill(child, signal.SIGKILL)
    wait_until(lambda: finished(report), 90, "a new pool process renders and mails")
    assert worker.poll() is None  # the same worker carried on
    time.sleep(3)  # room for a duplicate to show, should there be one
    [message] = mails_in(outbox)
    assert "application/pdf" in message
