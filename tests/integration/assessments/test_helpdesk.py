"""The helpdesk: questions, answers from the shared inbox, e-mails, the FAQ."""

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from assessments.models import FaqEntry, HelpdeskMessage, HelpdeskThread

pytestmark = pytest.mark.django_db


def test_a_question_is_answered_from_the_shared_inbox(
    world, django_capture_on_commit_callbacks
) -> None:
    company = world.client("company_member")
    with django_capture_on_commit_callbacks(execute=True):
        response = company.post(
            reverse("assessments:helpdesk"),
            {
                "kind": "question",
                "subject": "Circulaire ketens",
                "body": "Tellen hergebruikte grafstenen als circulair?",
                "attachment": SimpleUploadedFile("foto.pdf", b"%PDF-1.4 foto"),
            },
        )
    thread = HelpdeskThread.objects.get()
    assert response.url == reverse("assessments:thread", args=[thread.pk])
    assert mail.outbox[-1].to == [world.users["secretariat_admin"].email]

    secretariat = world.client("secretariat_assessor")
    inbox = secretariat.get(reverse("assessments:helpdesk")).context["page"]
    assert [t.subject for t in inbox.object_list] == ["Circulaire ketens"]
    with django_capture_on_commit_callbacks(execute=True):
        secretariat.post(
            reverse("assessments:thread", args=[thread.pk]),
            {"body": "Ja, als ze hergebruikt worden."},
        )
    thread.refresh_from_db()
    assert thread.is_answered
    assert mail.outbox[-1].to == [world.users["company_member"].email]
    waiting = secretariat.get(reverse("assessments:helpdesk")).context["page"]
    assert list(waiting.object_list) == []

    attachment = HelpdeskMessage.objects.exclude(attachment="").get()
    assert company.get(reverse("assessments:attachment", args=[attachment.pk])).status_code == 200
    assert (
        world.client("other_company_admin")
        .get(reverse("assessments:attachment", args=[attachment.pk]))
        .status_code
        == 404
    )


def test_an_empty_question_or_a_bad_attachment_is_refused(world) -> None:
    company = world.client("company_member")
    response = company.post(
        reverse("assessments:helpdesk"),
        {
            "kind": "question",
            "subject": "X",
            "body": "Y",
            "attachment": SimpleUploadedFile("virus.exe", b"MZ"),
        },
    )
    assert response.status_code == 400
    assert "attachment" in response.context["form"].errors
    response = company.post(reverse("assessments:helpdesk"), {"kind": "question"})
    assert {"subject", "body"} <= set(response.context["form"].errors)
    assert not HelpdeskThread.objects.exists()


def test_the_secretariat_publishes_an_answer_in_the_faq(world, client) -> None:
    world.client("secretariat_admin").post(
        reverse("assessments:faq_publish"),
        {
            "question_nl": "Tellen circulaire ketens mee?",
            "question_en": "Do circular chains count?",
            "answer_nl": "Ja, als volledig bekend.",
            "answer_en": "Yes, as fully known.",
        },
    )
    assert FaqEntry.objects.count() == 1
    page = client.get(reverse("assessments:faq")).content.decode()
    assert "Tellen circulaire ketens mee?" in page
