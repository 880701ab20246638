"""The assessment in Chromium: the company submits, the coordinator assigns an assessor,
the assessor adjusts a score with a reason and proposes, the coordinator confirms, the
company sees its level and letter, and the public listing shows the new level."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from assessments.models import Answer, Assessment, Report, ReportingPeriod, ScoreAdjustment
from supplychain.models import Chain, Facility
from tests.conftest import TEST_TOTP_SECRET, ensure_framework_v1, make_user
from tests.factories import CovenantMembershipFactory, OrganisationFactory
from tests.integration.assessments.test_submission import complete

from .conftest import REPORT_SUBMITTED, in_dutch, log_in, totp_code

pytestmark = pytest.mark.django_db(transaction=True)


def _secretariat_page(browser: Browser, live_server, email: str) -> Page:
    context = browser.new_context(base_url=live_server.url, locale="nl-NL")
    context.set_default_timeout(15_000)
    page = context.new_page()
    log_in(page, email)
    page.get_by_label("Code").fill(totp_code(TEST_TOTP_SECRET))
    page.locator("#main").get_by_role("button", name="Inloggen").click()
    expect(
        page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Beoordelingen")
    ).to_be_visible()
    return page


def test_from_submission_to_a_published_level(page: Page, browser: Browser, live_server) -> None:
    company = OrganisationFactory(name="Zeeuwse Steenhandel B.V.")
    CovenantMembershipFactory(
        organisation=company, employees=40, annual_revenue_eur=9_000_000, full_due_diligence=True
    )
    user = make_user(company, "admin")
    secretariat = OrganisationFactory(name="Secretariaat TruStone", kind="secretariat")
    coordinator = make_user(secretariat, "admin")
    assessor = make_user(secretariat, "assessor")
    assessor.full_name = "Anna Beoordelaar"
    assessor.save()
    framework = ensure_framework_v1()
    period = ReportingPeriod.objects.create(year=2026, deadline="2027-03-01", framework=framework)
    report = Report.objects.create(organisation=company, period=period, framework=framework)
    complete(report, user)
    quarry = Facility.objects.create(
        organisation=company, kind="quarry", name="Bijolia", country="IN", address="Bijolia"
    )
    Chain.objects.update(quarry=quarry)
    # The best answer everywhere but 1.1: with full insight that is level 3.
    for answer in Answer.objects.filter(report=report).select_related("question"):
        options = list(answer.question.options.all())
        best = max(options, key=lambda option: option.points_medium)
        worst = min(options, key=lambda option: option.points_medium)
        answer.option = worst if answer.question.code == "1.1" else best
        answer.save()

    # The company submits.
    log_in(page, user.email)
    page.goto(f"/reports/{report.pk}/")
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Rapportage indienen").click()
    expect(page.locator(".messages")).to_contain_text(in_dutch(REPORT_SUBMITTED))
    assessment = Assessment.objects.get(report=report)

    # The coordinator assigns an assessor from the queue.
    office = _secretariat_page(browser, live_server, coordinator.email)
    office.get_by_role("navigation", name="Hoofdmenu").get_by_role(
        "link", name="Beoordelingen"
    ).click()
    row = office.locator("tbody tr", has_text="Zeeuwse Steenhandel B.V.")
    expect(row).to_contain_text("Wacht op een beoordelaar")
    row.locator("select").select_option(str(assessor.pk))
    row.get_by_role("button", name="Toewijzen").click()
    expect(office.locator(".messages")).to_contain_text("Anna Beoordelaar beoordeelt")

    # The assessor adjusts one answer with a reason and proposes the level.
    desk = _secretariat_page(browser, live_server, assessor.email)
    desk.get_by_role("navigation", name="Hoofdmenu").get_by_role(
        "link", name="Beoordelingen"
    ).click()
    desk.locator("article", has_text="Aan u toegewezen").get_by_role("link").click()
    expect(desk.get_by_role("heading", level=1)).to_contain_text("Zeeuwse Steenhandel B.V.")
    before = desk.locator("#dd-score").inner_text()
    question = desk.locator("#q-1\\.1")
    question.locator("summary").click()
    points = question.get_by_label("Aangepaste punten")
    points.fill(points.get_attribute("max"))
    question.get_by_role("button", name="Aanpassen").click()
    expect(desk.locator("#q-1\\.1 .field-error")).to_be_visible()  # the reason is missing
    assert not ScoreAdjustment.objects.exists()
    question = desk.locator("#q-1\\.1")
    question.get_by_label("Reden (redelijkheid en billijkheid)").fill(
        "Het beleid is er wel; de ondertekende versie is nagestuurd."
    )
    question.get_by_role("button", name="Aanpassen").click()
    expect(desk.locator(".messages")).to_contain_text("1.1")
    expect(desk.locator("#dd-score")).not_to_have_text(before)
    expect(desk.locator("#q-1\\.1 .adjustments")).to_contain_text("ondertekende versie")
    desk.get_by_label("Feedback op het plan van aanpak").fill("Maak de indicatoren meetbaar.")
    desk.locator("#main form[action$='/review/'] button[type=submit]").click()
    expect(desk.locator(".messages")).to_contain_text("opgeslagen")
    assessment.refresh_from_db()
    level = assessment.computed_level
    assert level == 3
    desk.get_by_role("button", name=f"Niveau {level} voorstellen").click()
    expect(desk.locator(".messages")).to_contain_text(f"Niveau {level} is aan de coördinator")
    desk.context.close()

    # The coordinator confirms.
    office.goto(f"/reports/assessments/{assessment.pk}/")
    office.once("dialog", lambda dialog: dialog.accept())
    office.get_by_role("button", name=f"Niveau {level} bevestigen").click()
    expect(office.locator(".messages")).to_contain_text(f"niveau {level}")
    office.context.close()

    # The company sees its level, the feedback and the letter.
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role(
        "link", name="Beoordelingen"
    ).click()
    page.get_by_role("link", name="Openen").click()
    expect(page.locator("#decided-level")).to_have_text(str(level))
    expect(page.locator("#main")).to_contain_text("Maak de indicatoren meetbaar.")
    expect(page.locator("#main")).to_contain_text("ondertekende versie")
    with page.expect_download() as download:
        page.evaluate(
            "url => { const a = document.createElement('a'); a.href = url; a.download = ''; "
            "document.body.appendChild(a); a.click(); }",
            f"/reports/assessments/{assessment.pk}/letter/",
        )
    assert Path(download.value.path()).read_bytes().startswith(b"%PDF")

    # The public listing shows the new level.
    page.context.clear_cookies()
    page.goto("/members/?q=Zeeuwse")
    expect(page.locator("#main")).to_contain_text("Zeeuwse Steenhandel B.V.")
    expect(page.locator("tbody tr", has_text="Zeeuwse Steenhandel").locator(".level")).to_have_text(
        "3"
    )
