"""The associated member's journey in Chromium: name the importers, submit."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from assessments.models import Report, ReportingPeriod
from tests.conftest import ensure_framework_v1, make_user
from tests.factories import CovenantMembershipFactory, OrganisationFactory

from .conftest import REPORT_SUBMITTED, in_dutch, log_in

pytestmark = pytest.mark.django_db(transaction=True)


def test_an_associated_member_reports_on_its_importers(page: Page) -> None:
    importer = OrganisationFactory(name="Graniet Import Nederland B.V.")
    CovenantMembershipFactory(organisation=importer, member_type="full")
    company = OrganisationFactory(name="Steenhouwerij Jansen")
    CovenantMembershipFactory(
        organisation=company, member_type="associated", full_due_diligence=False
    )
    user = make_user(company, "admin")
    framework = ensure_framework_v1()
    period = ReportingPeriod.objects.create(year=2026, deadline="2027-03-01", framework=framework)
    report = Report.objects.create(organisation=company, period=period, framework=framework)

    log_in(page, user.email)
    page.get_by_role("link", name="Uw rapportage over 2026").click()
    expect(page.locator(".missing")).to_contain_text("Noem de importeurs")
    page.get_by_role("link", name="Importeurs invullen").click()

    page.get_by_role("button", name="Importeur toevoegen").click()
    page.locator("#id_name").fill("Steenhandel Zonder Beleid")
    page.locator("#main").get_by_role("button", name="Opslaan").click()
    expect(page.locator("#id_action_taken_error")).to_be_visible()
    page.locator("#id_action_taken").fill("Wij zoeken een andere importeur met IMVO-beleid.")
    page.locator("#main").get_by_role("button", name="Opslaan").click()

    page.get_by_role("button", name="Importeur toevoegen").click()
    page.locator("#id_name").fill("Graniet Import Nederland B.V.")
    page.locator("#id_member").select_option(label="Graniet Import Nederland B.V.")
    page.get_by_label("Heeft IMVO-beleid").check()
    page.get_by_label("Kinderarbeid").check()
    page.get_by_label("Leefbaar loon").check()
    page.locator("#main").get_by_role("button", name="Opslaan").click()
    expect(page.locator("tbody tr")).to_have_count(2)

    page.get_by_role("link", name="← Rapportage over 2026").click()
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Rapportage indienen").click()
    expect(page.locator(".messages")).to_contain_text(in_dutch(REPORT_SUBMITTED))
    report.refresh_from_db()
    assert report.status == "submitted"
    assert [i["name"] for i in report.snapshot["importers"]] == [
        "Graniet Import Nederland B.V.",
        "Steenhandel Zonder Beleid",
    ]
