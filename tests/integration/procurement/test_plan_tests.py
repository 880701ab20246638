"""Testing a plan of action (Art. 7.15): a government or a company asks, the secretariat
answers; only those involved see the request."""

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from procurement.models import PlanTestRequest
from tests.factories import CovenantMembershipFactory

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def member(world):
    CovenantMembershipFactory(organisation=world.organisations["company"])
    return world.organisations["company"]


def test_a_government_asks_and_the_secretariat_answers(
    world, member, django_capture_on_commit_callbacks
) -> None:
    government = world.client("government_admin")
    with django_capture_on_commit_callbacks(execute=True):
        response = government.post(
            reverse("procurement:plan_test_new"),
            {
                "company": member.pk,
                "tender_reference": "Herinrichting Marktplein 2027",
                "ambition": "significant",
                "question": "Voldoet dit plan van aanpak aan het niveau Significant?",
                "attachment": SimpleUploadedFile("pva.pdf", PDF, "application/pdf"),
            },
        )
    assert response.status_code == 302, response.context["form"].errors
    item = PlanTestRequest.objects.get()
    assert item.requested_by_organisation == world.organisations["government"]
    assert [m.to for m in mail.outbox] == [[world.users["secretariat_admin"].email]]
    attachment = reverse("procurement:plan_test_attachment", args=[item.pk])
    assert b"".join(government.get(attachment).streaming_content) == PDF

    url = reverse("procurement:plan_test", args=[item.pk])
    # The company concerned reads it; another company and an NGO do not.
    assert world.client("company_member").get(url).status_code == 200
    assert world.client("other_company_admin").get(url).status_code == 404
    assert world.client("other_company_admin").get(attachment).status_code == 404
    assert world.client("ngo_member").get(url).status_code == 404

    mail.outbox.clear()
    office = world.client("secretariat_admin")
    answer = reverse("procurement:plan_test_answer", args=[item.pk])
    assert office.post(answer, {"verdict": "improve", "answer": ""}).status_code == 400
    with django_capture_on_commit_callbacks(execute=True):
        office.post(answer, {"verdict": "improve", "answer": "Maak de indicatoren meetbaar."})
    item.refresh_from_db()
    assert (item.verdict, item.answered_by) == ("improve", world.users["secretariat_admin"])
    assert [m.to for m in mail.outbox] == [[world.users["government_admin"].email]]
    page = government.get(url)
    assert "Maak de indicatoren meetbaar." in page.content.decode()


def test_a_company_asks_only_about_its_own_plan(world, member) -> None:
    other = world.organisations["other_company"]
    CovenantMembershipFactory(organisation=other)
    client = world.client("company_admin")
    form = client.get(reverse("procurement:plan_test_new")).context["form"]
    assert list(form.fields["company"].queryset) == [member]
    response = client.post(
        reverse("procurement:plan_test_new"), {"company": other.pk, "question": "Klopt dit?"}
    )
    assert response.status_code == 400 and "company" in response.context["form"].errors
    assert not PlanTestRequest.objects.exists()


def test_a_file_that_is_not_a_plan_is_refused(world, member) -> None:
    response = world.client("government_admin").post(
        reverse("procurement:plan_test_new"),
        {
            "company": member.pk,
            "question": "Klopt dit?",
            "attachment": SimpleUploadedFile("pva.pdf", b"MZ\x90\x00 not a pdf", "application/pdf"),
        },
    )
    assert response.status_code == 400
    assert "attachment" in response.context["form"].errors
    assert not PlanTestRequest.objects.exists()


def test_only_those_who_can_ask_see_the_button(world) -> None:
    """An associated member has no plan of action to test: no button that leads nowhere."""
    CovenantMembershipFactory(organisation=world.organisations["company"], member_type="full")
    new = reverse("procurement:plan_test_new")
    for who, can_ask in (("government_admin", True), ("associated_admin", False)):
        page = world.client(who).get(reverse("procurement:plan_tests"))
        assert page.context["can_ask"] is can_ask, who
        assert (f'href="{new}"' in page.content.decode()) is can_ask, who
    assert world.client("associated_admin").get(new).status_code == 404


def test_a_government_asks_a_question_about_a_members_due_diligence(world, member) -> None:
    government = world.client("government_admin")
    response = government.post(
        reverse("procurement:plan_test_new"),
        {
            "kind": "question",
            "company": member.pk,
            "tender_reference": "Kademuren 2027",
            "ambition": "",
            "question": "Heeft dit bedrijf zicht op zijn groeves in India?",
        },
    )
    assert response.status_code == 302
    item = PlanTestRequest.objects.get()
    assert item.kind == "question"
    office = world.client("secretariat_admin")
    page = office.get(reverse("procurement:plan_test", args=[item.pk]))
    assert "verdict" not in page.context["form"].fields  # a question has no verdict
    response = office.post(
        reverse("procurement:plan_test_answer", args=[item.pk]),
        {"answer": "Ja, voor 80 % van de groeves."},
    )
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.answer and item.verdict == ""
    listing = government.get(reverse("procurement:plan_tests")).content.decode()
    assert "Kademuren 2027" in listing


def test_a_company_cannot_ask_a_question_about_a_member(world, member) -> None:
    response = world.client("company_admin").post(
        reverse("procurement:plan_test_new"),
        {"kind": "question", "company": member.pk, "question": "Hoe staat het?"},
    )
    # The company's form has no such choice: it asks to test its own plan.
    assert PlanTestRequest.objects.filter(kind="question").count() == 0
    assert response.status_code in (302, 400)
