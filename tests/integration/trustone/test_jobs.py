"""Long jobs run on a real Celery worker and report progress to the user who started them."""

import csv
import io

import pytest
from celery.contrib.testing.worker import start_worker
from django.urls import reverse

from trustone import celery_app
from trustone.audit.models import AuditEntry
from trustone.jobs.models import Job


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


def wait_for(job: Job, timeout: float = 30) -> Job:
    import time

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        job.refresh_from_db()
        if job.is_finished:
            return job
        time.sleep(0.2)
    raise AssertionError(f"job {job.pk} did not finish: {job.status}")


@pytest.mark.worker
def test_audit_export_runs_on_a_worker_with_progress_and_a_safe_csv(world, celery_worker) -> None:
    AuditEntry.objects.bulk_create(
        AuditEntry(action="login", user_email=f"=cmd|'/c calc'!A{i}@x.nl") for i in range(1200)
    )
    client = world.client("secretariat_admin")
    client.get(reverse("members:dashboard"))
    logins = AuditEntry.objects.filter(action="login").count()  # 1200 + this login
    response = client.post(reverse("audit:export"), {"action": "login"})
    job = Job.objects.get()
    assert response.url == reverse("jobs:detail", args=[job.pk])

    job = wait_for(job)
    assert job.status == "succeeded", job.error
    assert (job.done, job.total, job.percent) == (logins, logins, 100)
    download = client.get(reverse("jobs:download", args=[job.pk]))
    rows = list(csv.reader(io.StringIO(b"".join(download.streaming_content).decode("utf-8-sig"))))
    assert rows[0][:4] == ["when", "user", "acting_for", "action"]
    assert len(rows) == logins + 1
    injected = [row for row in rows[1:] if "calc" in row[1]]
    assert len(injected) == 1200
    assert all(row[1].startswith("'=") for row in injected)  # no formula injection


@pytest.mark.worker
def test_a_finished_job_is_not_run_twice(world, celery_worker) -> None:
    from trustone.audit.tasks import audit_export_task

    job = Job.objects.create(
        kind="audit_export",
        started_by=world.users["secretariat_admin"],
        organisation=world.organisations["secretariat"],
    )
    audit_export_task.delay(job.pk)
    job = wait_for(job)
    first_file, attempts = job.result_file.name, job.attempts
    audit_export_task.delay(job.pk).get(timeout=30)  # redelivered: does nothing
    job.refresh_from_db()
    assert (job.result_file.name, job.attempts) == (first_file, attempts)


@pytest.mark.django_db
def test_progress_is_polled_with_htmx_until_finished(world) -> None:
    job = Job.objects.create(
        kind="audit_export",
        started_by=world.users["secretariat_admin"],
        status="running",
        done=30,
        total=120,
    )
    client = world.client("secretariat_admin")
    partial = client.get(reverse("jobs:detail", args=[job.pk]), HTTP_HX_REQUEST="true")
    html = partial.content.decode()
    assert "<html" not in html
    assert 'hx-trigger="every 1s"' in html
    assert 'value="25"' in html
    Job.objects.filter(pk=job.pk).update(status="succeeded")
    html = client.get(reverse("jobs:detail", args=[job.pk]), HTTP_HX_REQUEST="true").content
    assert b"hx-trigger" not in html


@pytest.mark.django_db
def test_a_failed_job_says_so(world) -> None:
    from trustone.jobs.tasks import JobTask

    job = Job.objects.create(kind="audit_export", started_by=world.users["secretariat_admin"])
    JobTask().on_failure(RuntimeError("schijf vol"), "task-id", (job.pk,), {}, None)
    job.refresh_from_db()
    assert (job.status, job.error) == ("failed", "RuntimeError: schijf vol")
    page = world.client("secretariat_admin").get(reverse("jobs:detail", args=[job.pk]))
    assert "De taak is mislukt" in page.content.decode()


@pytest.mark.django_db
def test_a_result_is_downloadable_only_while_acting_for_the_jobs_organisation(world) -> None:
    from django.core.files.base import ContentFile

    from members.models import Membership

    user = world.users["company_admin"]
    Membership.objects.create(user=user, organisation=world.organisations["other_company"])
    job = Job.objects.create(
        kind="audit_export",
        started_by=user,
        organisation=world.organisations["company"],
        status="succeeded",
    )
    job.result_file.save("export.csv", ContentFile(b"vertrouwelijk"))
    client = world.client("company_admin")
    switch = reverse("members:switch")
    download = reverse("jobs:download", args=[job.pk])

    client.post(switch, {"organisation": world.organisations["other_company"].pk})
    assert client.get(download).status_code == 404
    page = client.get(reverse("jobs:detail", args=[job.pk])).content.decode()
    assert download not in page
    assert "Van der Steen Natuursteen B.V." in page  # says whom to act for

    client.post(switch, {"organisation": world.organisations["company"].pk})
    response = client.get(download)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"vertrouwelijk"
