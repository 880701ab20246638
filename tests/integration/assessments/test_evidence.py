"""Evidence files: type and size checked, private, copied into new versions."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from assessments.models import Evidence, Report, ReportingPeriod
from tests.factories import CovenantMembershipFactory
from trustone.attachments import MAX_BYTES, attachment_problem

pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def report(world, framework_v1):
    CovenantMembershipFactory(organisation=world.organisations["company"])
    period = ReportingPeriod.objects.create(
        year=2026, deadline="2027-03-01", framework=framework_v1
    )
    return Report.objects.create(
        organisation=world.organisations["company"], period=period, framework=framework_v1
    )


@pytest.mark.parametrize(
    ("name", "size", "head", "problem"),
    [
        ("beleid.pdf", 1000, b"%PDF-1.7", None),
        ("foto.JPG", 1000, b"\xff\xd8\xff\xe0", None),
        ("plan.docx", 1000, b"PK\x03\x04", None),
        ("script.exe", 1000, b"MZ", "Alleen PDF"),
        ("beleid.pdf", MAX_BYTES + 1, b"%PDF", "groter dan 10 MB"),
        ("leeg.pdf", 0, b"", "leeg"),
        ("nep.pdf", 1000, b"MZ\x90\x00", "komt niet overeen"),
    ],
)
def test_attachment_problem(name, size, head, problem) -> None:
    from django.utils import translation

    with translation.override("nl"):
        found = attachment_problem(name=name, size=size, head=head)
    assert (found is None) if problem is None else (problem in found)


def test_a_company_user_adds_and_downloads_evidence(world, report) -> None:
    client = world.client("company_member")
    url = reverse("assessments:evidence_upload", args=[report.pk, "1.1"])
    response = client.post(url, {"file": SimpleUploadedFile("beleid.pdf", PDF)})
    assert response.url.endswith("#question-1.1")
    item = Evidence.objects.get()
    assert (item.original_name, item.content_type, item.size) == (
        "beleid.pdf",
        "application/pdf",
        len(PDF),
    )
    download = client.get(reverse("assessments:evidence", args=[item.pk]))
    assert b"".join(download.streaming_content) == PDF
    # A draft's evidence stays the company's: not the secretariat's, nor another company's.
    assert (
        world.client("secretariat_admin")
        .get(reverse("assessments:evidence", args=[item.pk]))
        .status_code
        == 404
    )
    assert (
        world.client("other_company_admin")
        .get(reverse("assessments:evidence", args=[item.pk]))
        .status_code
        == 404
    )


def test_a_wrong_file_is_refused_and_nothing_is_stored(world, report) -> None:
    client = world.client("company_member")
    url = reverse("assessments:evidence_upload", args=[report.pk, "1.1"])
    response = client.post(
        url, {"file": SimpleUploadedFile("beleid.pdf", b"MZ not a pdf")}, follow=True
    )
    assert any("komt niet overeen" in str(m) for m in response.context["messages"])
    assert not Evidence.objects.exists()


def test_evidence_of_a_submitted_version_stays(world, report) -> None:
    client = world.client("company_member")
    client.post(
        reverse("assessments:evidence_upload", args=[report.pk, "1.1"]),
        {"file": SimpleUploadedFile("beleid.pdf", PDF)},
    )
    item = Evidence.objects.get()
    Report.objects.filter(pk=report.pk).update(status="submitted")
    client.post(reverse("assessments:evidence_delete", args=[item.pk]))
    assert Evidence.objects.filter(pk=item.pk).exists()
    from assessments.report.services import report_new_version
    from trustone.access.actor import actor_for

    draft = report_new_version(
        actor=actor_for(world.users["company_member"]), report=Report.objects.get(pk=report.pk)
    )
    copied = Evidence.objects.get(report=draft)
    assert copied.file.name == item.file.name
