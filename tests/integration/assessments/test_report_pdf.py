"""The PDF of a submitted report comes from a task, not from the submit request: until it
is ready the company sees that it is being prepared; the task renders one PDF of exactly
what was submitted and sends one confirmation, however often it runs."""

from datetime import timedelta
from io import BytesIO

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext
from pypdf import PdfReader

from assessments.models import Assessment, Report, ReportingPeriod
from assessments.report import services
from assessments.report.services import pdf as pdf_services
from assessments.tasks import render_report_pdf_task, report_pdfs_requeue_task
from supplychain.models import Chain
from tests.api.tokens import token_client
from tests.factories import CovenantMembershipFactory
from tests.integration.assessments.test_submission import complete

pytestmark = pytest.mark.django_db

BEING_PREPARED = "The PDF of what was submitted is being prepared."


@pytest.fixture
def report(world, framework_v1):
    CovenantMembershipFactory(
        organisation=world.organisations["company"],
        employees=40,
        annual_revenue_eur=9_000_000,
        full_due_diligence=True,
    )
    period = ReportingPeriod.objects.create(
        year=2026, deadline="2027-03-01", framework=framework_v1
    )
    return Report.objects.create(
        organisation=world.organisations["company"], period=period, framework=framework_v1
    )


def api_client(user) -> Client:
    return token_client(user)


def dutch(msgid: str) -> str:
    with translation.override("nl"):
        return gettext(msgid)


def pdf_text(report: Report) -> str:
    with report.pdf.open("rb") as file:
        return "".join(page.extract_text() for page in PdfReader(BytesIO(file.read())).pages)


def submit(world, report, django_capture_on_commit_callbacks, monkeypatch=None):
    """Submit through the browser; the PDF rendering is made to fail should the request
    try it. Returns the callbacks queued on commit (not run)."""
    complete(report, world.users["company_member"])
    if monkeypatch is not None:

        def no_rendering_here(*args, **kwargs):
            raise AssertionError("the submit request rendered a PDF")

        monkeypatch.setattr(pdf_services, "render_pdf", no_rendering_here)
        monkeypatch.setattr("trustone.pdf.render_pdf", no_rendering_here)
    with django_capture_on_commit_callbacks() as queued:
        response = world.client("company_member").post(
            reverse("assessments:submit", args=[report.pk])
        )
    assert response.status_code == 302
    if monkeypatch is not None:
        monkeypatch.undo()
    return queued


def test_the_submit_request_renders_no_pdf_and_sends_no_mail(
    world, report, django_capture_on_commit_callbacks, monkeypatch
) -> None:
    queued = submit(world, report, django_capture_on_commit_callbacks, monkeypatch)
    report.refresh_from_db()
    assert report.status == "submitted" and report.snapshot is not None
    assert Assessment.objects.filter(report=report).exists()
    assert not report.pdf
    assert report.confirmation_sent_at is None
    assert report.language == "nl"
    assert mail.outbox == []
    assert len(queued) == 2  # the PDF task and the matching of its sites, once committed

    render_report_pdf_task(report.pk)  # what the worker runs
    report.refresh_from_db()
    assert "Kandla Grey" in pdf_text(report)
    [message] = mail.outbox
    assert message.to == [world.users["company_member"].email]
    assert message.subject == "TruStone: uw rapportage over 2026 is ontvangen"
    name, content, kind = message.attachments[0]
    assert (name, kind) == ("trustone-report-2026-v1.pdf", "application/pdf")
    assert content.startswith(b"%PDF")
    assert report.confirmation_sent_at is not None


def test_the_company_and_the_api_see_that_the_pdf_is_being_prepared(
    world, report, django_capture_on_commit_callbacks
) -> None:
    submit(world, report, django_capture_on_commit_callbacks)
    url = reverse("assessments:report", args=[report.pk])
    download = reverse("assessments:report_pdf", args=[report.pk])
    client = world.client("company_member")
    html = client.get(url).content.decode()
    assert dutch(BEING_PREPARED) in html
    assert download not in html
    assert 'hx-trigger="every 3s"' in html  # the page asks again until it is ready
    assert client.get(download).status_code == 404
    detail = api_client(world.users["company_member"]).get(
        reverse("api:report-detail", args=[report.pk])
    )
    assert (detail.json()["pdf_status"], detail.json()["pdf_url"]) == ("being_prepared", None)

    render_report_pdf_task(report.pk)
    html = client.get(url).content.decode()
    assert dutch(BEING_PREPARED) not in html
    assert download in html and "hx-trigger" not in html
    assert client.get(download).status_code == 200
    listing = api_client(world.users["company_member"]).get(reverse("api:report-list"))
    [item] = listing.json()["results"] if "results" in listing.json() else listing.json()
    assert item["pdf_status"] == "ready"
    assert item["pdf_url"].endswith(download)


def test_the_assessment_workspace_says_the_pdf_is_being_prepared(
    world, report, django_capture_on_commit_callbacks
) -> None:
    submit(world, report, django_capture_on_commit_callbacks)
    assessment = Assessment.objects.get(report=report)
    url = reverse("assessments:assess", args=[assessment.pk])
    download = reverse("assessments:report_pdf", args=[report.pk])
    coordinator = world.client("secretariat_admin")
    html = coordinator.get(url).content.decode()
    assert dutch("the submitted PDF is being prepared") in html
    assert download not in html
    render_report_pdf_task(report.pk)
    assert download in coordinator.get(url).content.decode()


def test_the_task_twice_renders_one_pdf_and_sends_one_mail(
    world, report, django_capture_on_commit_callbacks
) -> None:
    submit(world, report, django_capture_on_commit_callbacks)
    render_report_pdf_task(report.pk)
    report.refresh_from_db()
    first, sent_at = report.pdf.name, report.confirmation_sent_at
    with report.pdf.open("rb") as file:
        content = file.read()

    render_report_pdf_task(report.pk)  # a redelivered message
    assert services.report_pdf_render(report_id=report.pk) is False
    assert services.report_confirmation_send(report_id=report.pk) is False
    report.refresh_from_db()
    assert (report.pdf.name, report.confirmation_sent_at) == (first, sent_at)
    with report.pdf.open("rb") as file:
        assert file.read() == content
    assert len(mail.outbox) == 1


def test_the_pdf_holds_what_was_submitted_not_what_changed_since(
    world, report, django_capture_on_commit_callbacks
) -> None:
    submit(world, report, django_capture_on_commit_callbacks)
    Chain.objects.update(product="Gewijzigd na indienen")  # before the worker gets to it
    render_report_pdf_task(report.pk)
    report.refresh_from_db()
    text = pdf_text(report)
    assert "Kandla Grey" in text and "Gewijzigd" not in text


def test_a_draft_gets_no_pdf(world, report) -> None:
    complete(report, world.users["company_member"])
    render_report_pdf_task(report.pk)
    render_report_pdf_task(987654321)  # a report that is gone: nothing to do
    report.refresh_from_db()
    assert not report.pdf and report.confirmation_sent_at is None
    assert mail.outbox == []


def test_a_failed_mail_is_sent_on_the_retry_and_only_then_recorded(
    world, report, django_capture_on_commit_callbacks, monkeypatch
) -> None:
    submit(world, report, django_capture_on_commit_callbacks)

    def refused(self, fail_silently=False):
        raise ConnectionRefusedError("mail server away")

    with monkeypatch.context() as patch:
        patch.setattr("django.core.mail.EmailMessage.send", refused)
        with pytest.raises(ConnectionRefusedError):
            render_report_pdf_task(report.pk)
    report.refresh_from_db()
    assert report.pdf  # the PDF is kept
    assert report.confirmation_sent_at is None
    first = report.pdf.name

    render_report_pdf_task(report.pk)  # the retry
    report.refresh_from_db()
    assert report.pdf.name == first
    assert report.confirmation_sent_at is not None
    assert len(mail.outbox) == 1


def test_the_safety_net_queues_reports_whose_pdf_or_mail_is_still_missing(
    world, report, django_capture_on_commit_callbacks, monkeypatch
) -> None:
    submit(world, report, django_capture_on_commit_callbacks)
    queued: list[int] = []
    monkeypatch.setattr(pdf_services, "report_pdf_queue", queued.append)
    now = timezone.now()

    assert report_pdfs_requeue_task() == 0  # just submitted: the first task is on its way
    assert services.report_pdfs_requeue(now=now + timedelta(minutes=11)) == 1
    assert queued == [report.pk]
    assert services.report_pdfs_requeue(now=now + timedelta(days=8)) == 0  # left alone

    services.report_pdf_render(report_id=report.pk)  # the PDF, but not yet the mail
    assert services.report_pdfs_requeue(now=now + timedelta(minutes=11)) == 1
    render_report_pdf_task(report.pk)
    assert services.report_pdfs_requeue(now=now + timedelta(minutes=11)) == 0
    assert queued == [report.pk, report.pk]
