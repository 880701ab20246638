"""Filling in the questionnaire: only applicable questions, points by size, autosave."""

from decimal import Decimal

import pytest
from django.urls import reverse

from assessments.models import Answer, Report, ReportingPeriod
from assessments.rules import computed_insight_points, question_applies
from tests.factories import CovenantMembershipFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def report(world, framework_v1):
    CovenantMembershipFactory(
        organisation=world.organisations["company"],
        employees=300,
        annual_revenue_eur=60_000_000,
        full_due_diligence=True,
    )
    framework = framework_v1
    period = ReportingPeriod.objects.create(year=2026, deadline="2027-03-01", framework=framework)
    return Report.objects.create(
        organisation=world.organisations["company"], period=period, framework=framework
    )


def codes(response):
    return [q.question.code for step in response.context["steps"] for q in step.questions]


def test_a_category_c_company_sees_every_question_with_its_size_points(world, report) -> None:
    page = world.client("company_member").get(
        reverse("assessments:questionnaire", args=[report.pk])
    )
    assert len(codes(page)) == 22
    first = page.context["steps"][0].questions[0]
    points = {option.code: value for option, value in first.options}
    assert first.question.code == "1.1"
    assert max(points.values()) == Decimal(6)
    assert sorted(points.values()) == [0, 2, 3, 6]  # large: the standard statement gets 3


def test_a_category_b_company_sees_steps_1_and_2_1_only(world, report) -> None:
    covenant = world.organisations["company"].covenant
    covenant.full_due_diligence = False
    covenant.save()
    page = world.client("company_member").get(
        reverse("assessments:questionnaire", args=[report.pk])
    )
    assert codes(page) == ["1.1", "1.2", "1.3", "1.4", "2.1a", "2.1b"]


def test_answers_save_as_the_user_goes_and_show_who_changed_them(world, report) -> None:
    url = reverse("assessments:answer_save", args=[report.pk, "1.2"])
    member = world.client("company_member")
    response = member.post(
        url, {"option": "all_seven", "explanation": "Alle zeven themas."}, HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 200
    assert world.users["company_member"].full_name in response.content.decode()
    admin = world.client("company_admin")
    admin.post(url, {"option": "some", "explanation": ""}, HTTP_HX_REQUEST="true")
    answer = Answer.objects.get()
    assert (answer.option.code, answer.updated_by) == ("some", world.users["company_admin"])
    progress = member.get(reverse("assessments:report", args=[report.pk]))
    assert (progress.context["answered"], progress.context["applicable"]) == (3, 22)


def test_a_wrong_option_or_a_submitted_report_is_refused(world, report) -> None:
    client = world.client("company_admin")
    url = reverse("assessments:answer_save", args=[report.pk, "1.2"])
    assert client.post(url, {"option": "bestaat-niet"}, HTTP_HX_REQUEST="true").status_code == 400
    assert (
        client.post(
            reverse("assessments:answer_save", args=[report.pk, "2.1a"]), {"option": "x"}
        ).status_code
        == 404
    )  # computed, not answered
    Report.objects.filter(pk=report.pk).update(status="submitted")
    assert client.post(url, {"option": "all_seven"}, HTTP_HX_REQUEST="true").status_code == 400
    assert not Answer.objects.exists()


def test_without_javascript_the_form_goes_back_to_the_question(world, report) -> None:
    response = world.client("company_admin").post(
        reverse("assessments:answer_save", args=[report.pk, "1.3"]), {"option": "fully"}
    )
    assert response.url.endswith("#question-1.3")


@pytest.mark.parametrize(
    ("percent", "points"),
    [
        (Decimal(0), Decimal(0)),
        (Decimal(100), Decimal(5)),
        (Decimal(55), Decimal("3")),
        (Decimal(45), Decimal("2.5")),
        (Decimal("4.99"), Decimal(0)),
        (Decimal(5), Decimal("0.5")),
    ],
)
def test_computed_insight_points(percent, points) -> None:
    assert computed_insight_points(percent) == points


@pytest.mark.parametrize(
    ("categories", "full", "applies"),
    [
        ("BC", False, True),
        ("BC", True, True),
        ("C", False, False),
        ("C", True, True),
    ],
)
def test_question_applies(categories, full, applies) -> None:
    assert question_applies(categories=categories, full_due_diligence=full) is applies
