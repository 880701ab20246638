"""A visitor finds a member's published plan of action from the listing; the page fits a
phone and a desktop screen and passes axe-core, at both widths."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from assessments.models import Report, ReportingPeriod
from tests.conftest import ensure_framework_v1
from tests.factories import CovenantMembershipFactory
from tests.integration.assessments.test_public_plan import decide, plan, submit, suppliers
from tests.integration.assessments.test_submission import complete

from .test_page_crawl import _check

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_visitor_reads_a_published_plan_on_a_phone(page: Page, world) -> None:
    framework = ensure_framework_v1()
    company = world.organisations["company"]
    CovenantMembershipFactory(organisation=company, full_due_diligence=True)
    period = ReportingPeriod.objects.create(year=2026, deadline="2027-03-01", framework=framework)
    report = Report.objects.create(organisation=company, period=period, framework=framework)
    complete(report, world.users["company_admin"])
    suppliers(company)
    for words in ("Eerste risico.", "Tweede risico met een langere onderbouwing. " * 6):
        plan(report, words=words)
    decide(world, submit(world, report))

    page.set_viewport_size({"width": 390, "height": 900})
    page.goto("/members/")
    page.get_by_role("link", name="Plan van aanpak").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Plan van aanpak")
    expect(page.locator("#main")).not_to_contain_text("Ganesh")
    path = page.url.removeprefix(page.url.split("/members/")[0])
    assert _check(page, path, accessibility=True) == []
    assert _check(page, f"/members/{company.slug}/", accessibility=True) == []
