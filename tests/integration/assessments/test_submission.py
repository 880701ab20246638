"""Submitting a report: blocked with what is missing, frozen with a PDF, new versions."""

from datetime import date
from io import BytesIO

import pytest
from django.core import mail
from django.urls import reverse
from pypdf import PdfReader

from assessments.models import Action, Answer, AnswerOption, Report, ReportingPeriod, Risk
from assessments.tasks import render_report_pdf_task
from supplychain.models import Chain, Facility
from tests.factories import CovenantMembershipFactory

pytestmark = pytest.mark.django_db


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


def complete(report, user):
    organisation = report.organisation
    factory = Facility.objects.create(
        organisation=organisation,
        kind="factory",
        name="Shree Ganesh",
        country="IN",
        address="RIICO Kota",
    )
    Chain.objects.create(
        organisation=organisation, product="Kandla Grey", factory=factory, volume_eur=1000
    )
    for option in AnswerOption.objects.filter(question__framework=report.framework, order=1):
        Answer.objects.create(
            report=report, question=option.question, option=option, updated_by=user
        )
    risk = Risk.objects.create(
        report=report,
        theme="child_labour",
        region="Kota",
        scale=3,
        scope=2,
        irremediability=3,
        likelihood=2,
        justification="x",
    )
    Action.objects.create(
        risk=risk,
        description="Leeftijdscontrole",
        owner="Inkoop",
        indicator="i",
        target="t",
        deadline=date(2027, 6, 30),
    )


def test_submitting_is_blocked_with_a_clear_list_of_what_is_missing(world, report) -> None:
    page = world.client("company_admin").get(reverse("assessments:report", args=[report.pk]))
    missing = page.context["missing"]
    assert len(missing) == 3
    assert missing[0].startswith("Deel 1")
    assert "1.1" in missing[1] and "6.2" in missing[1]
    world.client("company_admin").post(reverse("assessments:submit", args=[report.pk]))
    report.refresh_from_db()
    assert report.status == "draft"


def test_a_submitted_version_is_frozen_with_a_pdf_and_a_confirmation(
    world, report, django_capture_on_commit_callbacks
) -> None:
    complete(report, world.users["company_member"])
    client = world.client("company_member")
    with django_capture_on_commit_callbacks() as queued:
        client.post(reverse("assessments:submit", args=[report.pk]))
    report.refresh_from_db()
    assert report.status == "submitted"
    assert report.snapshot["chains"][0]["factory"]["name"] == "Shree Ganesh"
    assert len(report.snapshot["answers"]) == 22
    assert report.snapshot["plan"][0]["priority"] == 16
    assert len(queued) == 2  # the PDF and confirmation task, and the matching of its sites
    render_report_pdf_task(report.pk)
    report.refresh_from_db()
    with report.pdf.open("rb") as file:
        text = "".join(p.extract_text() for p in PdfReader(BytesIO(file.read())).pages)
    assert "Kandla Grey" in text and "Van der Steen" in text
    [message] = mail.outbox
    assert message.attachments[0][2] == "application/pdf"
    # Nothing in the submitted version changes any more.
    response = client.post(
        reverse("assessments:answer_save", args=[report.pk, "1.2"]),
        {"option": "none"},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 400
    # Changing the supplier list afterwards does not change what was submitted.
    Chain.objects.update(product="Gewijzigd")
    report.refresh_from_db()
    assert report.snapshot["chains"][0]["product"] == "Kandla Grey"


def test_a_new_version_copies_the_answers_and_the_plan(world, report) -> None:
    complete(report, world.users["company_member"])
    client = world.client("company_admin")
    client.post(reverse("assessments:submit", args=[report.pk]))
    response = client.post(reverse("assessments:new_version", args=[report.pk]))
    draft = Report.objects.get(version=2)
    assert response.url == reverse("assessments:report", args=[draft.pk])
    assert draft.answers.count() == Answer.objects.filter(report=report).count()
    assert Action.objects.filter(risk__report=draft).count() == 1
    assert Report.objects.get(version=1).status == "submitted"
    client.post(reverse("assessments:new_version", args=[report.pk]))
    assert Report.objects.count() == 2  # one new version at a time


def test_the_secretariat_returns_a_report_with_comments(world, report) -> None:
    complete(report, world.users["company_member"])
    world.client("company_admin").post(reverse("assessments:submit", args=[report.pk]))
    secretariat = world.client("secretariat_admin")
    secretariat.post(reverse("assessments:return", args=[report.pk]), {"comment": ""})
    assert Report.objects.count() == 1
    secretariat.post(
        reverse("assessments:return", args=[report.pk]),
        {"comment": "Vul de coördinaten van de groeve aan."},
    )
    draft = Report.objects.get(version=2)
    assert draft.return_comment == "Vul de coördinaten van de groeve aan."
    assert Report.objects.get(version=1).returned_at is not None
    page = world.client("company_member").get(reverse("assessments:report", args=[draft.pk]))
    assert "Vul de coördinaten van de groeve aan." in page.content.decode()
