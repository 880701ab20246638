"""The whole company journey in Chromium: supplier list, questionnaire, plan of action,
submit, and the PDF of what was submitted."""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from celery.contrib.testing.worker import start_worker
from playwright.sync_api import Page, expect

from assessments.models import Report, ReportingPeriod
from tests.conftest import ensure_framework_v1, make_user
from tests.factories import CovenantMembershipFactory, OrganisationFactory
from trustone import celery_app

from .conftest import REPORT_SUBMITTED, in_dutch, in_dutch_plural, log_in

pytestmark = pytest.mark.django_db(transaction=True)

HEADER = (
    "product;fabriek_naam;fabriek_adres;fabriek_plaats;fabriek_land;fabriek_breedtegraad;"
    "fabriek_lengtegraad;groeve_naam;groeve_land;land_winning;land_verwerking;"
    "inkoopvolume_euro;circulair"
)


@pytest.fixture
def celery_worker(transactional_db) -> Iterator[Callable[[], None]]:
    """A real worker, started when the test calls it (after the submit, so that the page
    shows the PDF being prepared first)."""
    with contextlib.ExitStack() as stack:
        yield lambda: stack.enter_context(
            start_worker(
                celery_app,
                pool="solo",
                perform_ping_check=False,
                shutdown_timeout=30,
                queues=["default", "reports", "lists"],
            )
        )


def test_a_company_fills_in_and_submits_its_report(
    page: Page, tmp_path: Path, celery_worker: Callable[[], None]
) -> None:
    company = OrganisationFactory(name="Natuursteen Bakker Oosterhout")
    CovenantMembershipFactory(
        organisation=company, employees=22, annual_revenue_eur=4_100_000, full_due_diligence=True
    )
    user = make_user(company, "admin")
    framework = ensure_framework_v1()
    period = ReportingPeriod.objects.create(year=2026, deadline="2027-03-01", framework=framework)
    report = Report.objects.create(organisation=company, period=period, framework=framework)
    file = tmp_path / "lijst.csv"
    file.write_text(
        HEADER + "\nKandla Grey;Shree Ganesh;RIICO;Kota;India;25.18;75.83;"
        "Bijolia;IN;IN;IN;1000;nee\n",
        encoding="utf-8",
    )

    log_in(page, user.email)
    page.get_by_role("link", name="Uw rapportage over 2026").click()
    expect(page.locator(".missing li")).to_have_count(3)

    # Part 1: the supplier list, uploaded.
    page.goto("/supplier-list/upload/")
    page.locator("#id_file").set_input_files(str(file))
    page.locator("#main").get_by_role("button", name="Bestand controleren").click()
    page.get_by_role("button", name="Leverancierslijst importeren").click()
    expect(page.locator(".messages")).to_contain_text(
        in_dutch_plural(
            "%(count)s chain has been imported.", "%(count)s chains have been imported.", 1
        )
    )

    # Part 2: every question, the first answer each time (saved as we go).
    page.goto(f"/reports/{report.pk}/questionnaire/")
    questions = page.locator("article.question form[hx-post]")
    for index in range(questions.count()):
        form = questions.nth(index)
        with page.expect_response(lambda response: "/answers/" in response.url):
            form.locator("input[type=radio]").first.check()

    # Part 3: a risk with one SMART action.
    page.goto(f"/reports/{report.pk}/plan/")
    page.get_by_role("button", name="Risico toevoegen").click()
    page.locator("#id_theme").select_option("health_and_safety")
    page.locator("#id_region").fill("Granietfabrieken rond Ongole")
    for field in ("scale", "scope", "irremediability", "likelihood"):
        page.locator(f"#id_{field}").select_option("3")
    page.locator("#id_justification").fill("Silicastof bij het zagen zonder waterkoeling.")
    page.locator("#main").get_by_role("button", name="Opslaan").click()
    page.get_by_role("link", name="Actie toevoegen").click()
    page.locator("#id_description").fill("Natzagen verplicht bij alle leveranciers")
    page.locator("#id_owner").fill("Inkoop")
    page.locator("#id_indicator").fill("Aandeel leveranciers dat nat zaagt")
    page.locator("#id_target").fill("100 %")
    page.locator("#id_deadline").fill("2027-06-30")
    page.locator("#main").get_by_role("button", name="Opslaan").click()
    expect(page.locator(".risk .priority")).to_contain_text("27")

    # Submit and download exactly what was submitted.
    page.goto(f"/reports/{report.pk}/")
    expect(page.locator(".missing")).to_have_count(0)
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Rapportage indienen").click()
    expect(page.locator(".messages")).to_contain_text(in_dutch(REPORT_SUBMITTED))
    # The PDF is being prepared by a worker; the page asks again until the link is there.
    expect(page.locator("#report-pdf")).to_contain_text(
        in_dutch("The PDF of what was submitted is being prepared.")
    )
    link = page.get_by_role("link", name=re.compile("Ingediende rapportage downloaden"))
    celery_worker()
    expect(link).to_be_visible(timeout=60_000)
    with page.expect_download() as download:
        link.click()
    assert Path(download.value.path()).read_bytes().startswith(b"%PDF")
    report.refresh_from_db()
    assert report.status == "submitted"
    assert len(report.snapshot["answers"]) == 22
