"""The questionnaire saves each answer as the user chooses it (htmx), in Chromium."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from assessments.models import Answer, Report, ReportingPeriod
from tests.conftest import ensure_framework_v1, make_user
from tests.factories import CovenantMembershipFactory, OrganisationFactory

from .conftest import log_in

pytestmark = pytest.mark.django_db(transaction=True)


def test_answers_are_saved_while_filling_in(page: Page) -> None:
    company = OrganisationFactory(name="Kempen Natuursteen B.V.")
    CovenantMembershipFactory(organisation=company, employees=12, annual_revenue_eur=1_800_000)
    user = make_user(company, "member")
    framework = ensure_framework_v1()
    period = ReportingPeriod.objects.create(year=2026, deadline="2027-03-01", framework=framework)
    report = Report.objects.create(organisation=company, period=period, framework=framework)

    log_in(page, user.email)
    page.get_by_role("link", name="Uw rapportage over 2026").click()
    page.get_by_role("link", name="Vragenlijst invullen").click()
    question = page.locator("#question-1\\.2")
    with page.expect_response(lambda response: "/answers/1.2/" in response.url):
        question.get_by_label("Alle zeven").check()
    expect(question.locator(".answer-status")).to_contain_text("Opgeslagen om")
    question.get_by_label("Toelichting").fill("Ons beleid noemt alle zeven thema's.")
    with page.expect_response(lambda response: "/answers/1.2/" in response.url) as saved:
        question.get_by_label("Toelichting").blur()
    assert saved.value.status == 200
    expect(question.locator(".answer-status")).to_contain_text("Opgeslagen om")

    page.reload()
    expect(page.locator("#question-1\\.2").get_by_label("Alle zeven")).to_be_checked()
    answer = Answer.objects.get(report=report)
    assert (answer.option.code, answer.explanation) == (
        "all_seven",
        "Ons beleid noemt alle zeven thema's.",
    )
    page.get_by_role("link", name="← Rapportage over 2026").click()  # 2.1a-b count: computed
    expect(page.locator("#main")).to_contain_text("3 van de 22 vragen beantwoord")
