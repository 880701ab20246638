"""Procurement in Chromium (DOMAIN §8, Art. 7.7, 7.10, Bijlage 3): a municipal buyer
registers a tender with natural stone (a criterion of the catalogue, the contract phase's
deadlines), checks the winning contractor from the tender and stores the dated statement
with it, downloads a criterion as a Word document, submits the annual tender report and
reads the targets dashboard; then anyone verifies the stored statement's code at
/verify/, and a wrong code is refused."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from datetime import date, timedelta

import pytest
from django.utils import timezone
from docx import Document
from playwright.sync_api import Browser, BrowserContext, Locator, Page, expect

from members.models import CovenantMembership
from procurement.models import Tender, TenderReport
from procurement.statements import statement_code_display
from tests.conftest import ensure_catalogue_v1, make_user
from tests.factories import CovenantMembershipFactory, OrganisationFactory

from .conftest import in_dutch, log_in

pytestmark = pytest.mark.django_db(transaction=True)

DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
TITLE = "Herinrichting Neude"
CONTRACTOR = "Natuursteen Bakker Oosterhout B.V."
#: A code in the form of a real one that the portal never issued.
WRONG_CODE = "ABCD-EFGH-JKMN-PQRS"


@pytest.fixture
def new_page(browser: Browser, live_server) -> Iterator[Callable[..., Page]]:
    """Pages in contexts of their own (one person each), closed after the test."""
    contexts: list[BrowserContext] = []

    def open_page(viewport: dict[str, int] = DESKTOP) -> Page:
        context = browser.new_context(
            base_url=live_server.url, locale="nl-NL", viewport=viewport, accept_downloads=True
        )
        context.set_default_timeout(15_000)
        contexts.append(context)
        return context.new_page()

    yield open_page
    for context in contexts:
        context.close()


def _menu_link(page: Page, name: str) -> Locator:
    """A link of the main menu; on a phone the menu opens first."""
    page.wait_for_load_state("load")
    menu = page.get_by_role("navigation", name=in_dutch("Main menu"))
    toggle = menu.get_by_role("button", name=in_dutch("Menu"))
    if toggle.is_visible():
        toggle.click()
    return menu.get_by_role("link", name=name, exact=True)


def _heading(page: Page) -> Locator:
    return page.get_by_role("heading", level=1)


def _fits(page: Page, width: int) -> None:
    """Nothing sticks out sideways (a phone would scroll the whole page)."""
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    assert scroll_width <= width, f"{page.url} is {scroll_width} px wide"


def _dates() -> tuple[date, date]:
    """A tender earlier this year (so that the year's report can be opened) and the
    contract closed four weeks later."""
    today = timezone.localdate()
    tendered = max(date(today.year, 1, 5), today - timedelta(days=90))
    return tendered, tendered + timedelta(days=28)


def test_a_government_registers_a_tender_checks_the_winner_and_anyone_verifies_it(
    new_page: Callable[..., Page],
) -> None:
    catalogue = ensure_catalogue_v1()  # flushed by earlier transactional tests
    criterion = catalogue.criteria.get(code="AWD-S")
    municipality = OrganisationFactory(name="Gemeente Utrecht", kind="government")
    CovenantMembership.objects.create(
        organisation=municipality, member_type="government", joined_on=date(2022, 3, 1)
    )
    buyer = make_user(municipality, "admin", user__full_name="Inkoper Sanne Bakker")
    company = OrganisationFactory(name=CONTRACTOR, slug="bakker-oosterhout")
    CovenantMembershipFactory(organisation=company, joined_on=date(2024, 4, 1))
    tendered_on, closed_on = _dates()

    # The buyer logs in (a government: password only) and opens the tenders.
    page = new_page()
    log_in(page, buyer.email)
    expect(_heading(page)).to_have_text(municipality.name)
    _menu_link(page, in_dutch("Tenders")).click()
    expect(_heading(page)).to_have_text(in_dutch("Tenders with natural stone"))
    expect(page.locator("#main .empty")).to_be_visible()  # nothing registered yet

    # Saving an empty form: the missing fields are named.
    page.locator("#main").get_by_role("button", name=in_dutch("Register a tender")).click()
    expect(_heading(page)).to_have_text(in_dutch("Register a tender"))
    form = page.locator("#main form")
    isv_question = in_dutch("Were the International Social Conditions (ISV) applied?")
    form.get_by_role("group", name=isv_question).get_by_label(in_dutch("No"), exact=True).check()
    form.get_by_role("button", name=in_dutch("Save")).click()
    expect(page.locator("#id_title_error")).to_be_visible()
    expect(page.locator("#id_ambition_error")).to_be_visible()
    assert not Tender.objects.exists()

    # The tender, filled in completely.
    form = page.locator("#main form")
    form.get_by_label(in_dutch("Title")).fill(TITLE)
    form.get_by_label(in_dutch("Your reference")).fill("2026-017")
    form.get_by_label(in_dutch("Date of the tender")).fill(tendered_on.isoformat())
    form.get_by_label(in_dutch("Estimated value")).select_option("221k_5538k")
    isv = form.get_by_role("group", name=isv_question)
    isv.get_by_label(in_dutch("Yes"), exact=True).check()
    phases = form.get_by_role(
        "group", name=in_dutch("Phases in which due-diligence criteria were applied")
    )
    phases.get_by_label(in_dutch("Award phase"), exact=True).check()
    phases.get_by_label(in_dutch("Contract phase"), exact=True).check()
    ambition = form.get_by_role("group", name=in_dutch("Ambition level"))
    ambition.get_by_label(in_dutch("Significant"), exact=True).check()
    criteria = form.get_by_role("group", name=in_dutch("Criteria of the catalogue you used"))
    criteria.get_by_label(re.compile(rf"\b{criterion.code} ·")).check()
    form.get_by_label(in_dutch("Winning contractor, if a member of TruStone")).select_option(
        label=CONTRACTOR
    )
    form.get_by_label(in_dutch("Contract closed on")).fill(closed_on.isoformat())
    form.get_by_role("button", name=in_dutch("Save")).click()
    expect(page.locator(".messages")).to_contain_text(in_dutch("The tender is registered."))
    expect(_heading(page)).to_have_text(TITLE)
    tender = Tender.objects.get()
    assert tender.government == municipality and tender.contractor == company
    assert tender.isv_applied and tender.phases == ["award", "contract"]
    assert tender.ambition == "significant" and tender.catalogue == catalogue
    assert list(tender.criteria.all()) == [criterion]
    main = page.locator("#main")
    expect(main).to_contain_text(criterion.code)
    expect(main).to_contain_text(CONTRACTOR)
    # The contract phase's deadlines: risk analysis and plan of action.
    expect(main.get_by_role("heading", name=in_dutch("Contract phase: deadlines"))).to_be_visible()
    expect(main.locator("table tbody tr")).to_have_count(2)
    expect(main).to_contain_text(in_dutch("No bidder check stored with this tender yet."))

    # The bidder check, one click from the tender: the contractor is already searched.
    main.get_by_role("button", name=in_dutch("Check the contractor")).click()
    expect(_heading(page)).to_have_text(in_dutch("Check the contractor"))
    rows = page.locator("#main table tbody tr")
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text(CONTRACTOR)
    rows.first.get_by_role("button", name=re.compile(in_dutch("Store with the tender"))).click()
    expect(page.locator(".messages")).to_contain_text(
        in_dutch("The bidder check is stored with the tender.")
    )
    expect(_heading(page)).to_have_text(TITLE)
    tender.refresh_from_db()
    statement = tender.statement
    assert statement is not None and statement.organisation == company and statement.is_listed
    # The statement on the tender's page: the company, listed, and the code as printed
    # on the statement (in groups of four), linked to its public verification page.
    stored = page.locator("#main dl.case-facts").last
    expect(stored).to_contain_text(CONTRACTOR)
    expect(stored).to_contain_text(in_dutch("Listed as a TruStone member"))
    printed = statement_code_display(statement)
    expect(stored.locator(".statement-code")).to_have_text(printed)
    expect(stored.get_by_role("link", name=printed)).to_have_attribute(
        "href", f"/verify/{printed}/"
    )
    with page.expect_download() as download:
        page.get_by_role("link", name=in_dutch("The statement (PDF)")).click()
    assert download.value.suggested_filename.endswith(".pdf")

    # The criterion as a Word document, from the catalogue.
    _menu_link(page, in_dutch("Criteria")).click()
    expect(_heading(page)).to_have_text(
        in_dutch("Criteria catalogue for tenders with natural stone")
    )
    article = page.locator(f"#criterion-{criterion.code}")
    with page.expect_download() as download:
        article.get_by_role("button", name=re.compile(re.escape(in_dutch("Word (DOCX)")))).click()
    assert download.value.suggested_filename.endswith(".docx")
    document = Document(download.value.path())  # a real Word document
    text = "\n".join(paragraph.text for paragraph in document.paragraphs)
    assert criterion.title_nl in text or criterion.title_en in text

    # The annual tender report for the tender's year: opened, then submitted.
    _menu_link(page, in_dutch("Tenders")).click()
    page.locator("#main").get_by_role("button", name=in_dutch("Annual reports")).click()
    expect(_heading(page)).to_have_text(in_dutch("Annual tender reports"))
    page.get_by_label(in_dutch("Year")).fill(str(tendered_on.year))
    page.get_by_role("button", name=in_dutch("Open the report")).click()
    expect(_heading(page)).to_contain_text(str(tendered_on.year))
    expect(page.locator("#main table tbody tr")).to_have_count(1)
    expect(page.locator("#main table tbody tr")).to_contain_text(TITLE)
    page.get_by_label(in_dutch("Explanation")).fill("Eén aanbesteding met natuursteen.")
    page.get_by_role("button", name=in_dutch("Submit to the secretariat")).click()
    expect(page.locator(".messages")).to_contain_text(
        in_dutch("The report is submitted to the secretariat.")
    )
    report = TenderReport.objects.get()
    assert (report.year, report.status, report.version) == (tendered_on.year, "submitted", 1)
    assert report.pdf and report.snapshot["tenders"][0]["statement"] == statement.code
    expect(page.get_by_role("link", name=in_dutch("The report as submitted (PDF)"))).to_be_visible()
    expect(page.get_by_role("button", name=in_dutch("Submit to the secretariat"))).to_have_count(0)

    # The targets dashboard: the year's row and its bar.
    _menu_link(page, in_dutch("Tenders")).click()
    page.locator("#main").get_by_role("button", name=in_dutch("Targets")).click()
    expect(_heading(page)).to_have_text(in_dutch("Ambition targets"))
    row = page.locator("#main table.targets tbody tr", has_text=str(tendered_on.year))
    expect(row).to_have_count(1)
    expect(row.locator("svg.share-bar")).to_be_visible()
    # One tender at Significant: all of the bar, and so its label.
    expect(row.get_by_role("img")).to_have_attribute("aria-label", re.compile(r"100,0 %"))
    expect(row.locator("svg.share-bar rect.level-significant")).to_have_attribute(
        "width", re.compile(r"^100(\.0+)?$")
    )

    # A visitor (a phone, not logged in) verifies the stored statement's code.
    visitor = new_page(PHONE)
    visitor.goto("/verify/")
    expect(_heading(visitor)).to_have_text(in_dutch("Verify a statement"))
    code_field = visitor.get_by_label(in_dutch("Verification code"))
    code_field.fill(printed.lower())  # however it is typed
    visitor.locator("#main").get_by_role("button", name=in_dutch("Verify")).click()
    verified = visitor.locator("#main article.statement-verified")
    expect(verified).to_contain_text(in_dutch("Issued by the TruStone portal"))
    facts = verified.locator("dl.facts")
    expect(facts).to_contain_text(printed)
    expect(facts).to_contain_text(CONTRACTOR)
    _fits(visitor, PHONE["width"])

    # A code the portal never issued is refused, without naming any company.
    visitor.get_by_label(in_dutch("Verification code")).fill(WRONG_CODE)
    visitor.locator("#main").get_by_role("button", name=in_dutch("Verify")).click()
    expect(visitor.locator("#main .field-error")).to_contain_text(
        in_dutch(
            "The TruStone portal issued no statement with this code. Check that you "
            "typed the code as it is printed on the statement."
        )
    )
    expect(visitor.locator("#main article.statement-verified")).to_have_count(0)
    expect(visitor.locator("body")).not_to_contain_text(CONTRACTOR)
    _fits(visitor, PHONE["width"])
