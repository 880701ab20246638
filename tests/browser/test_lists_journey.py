"""The linked list in Chromium (issue 10): an NGO's administrator signs the
confidentiality statement, opens the map, filters, exports, and every export carries the
watermark; the secretariat confirms a queued match and, once a worker has rebuilt the
list, the linked list shows the facility's company under the site it was confirmed to."""

from __future__ import annotations

import contextlib
import csv
import io
import re
import time
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from celery.contrib.testing.worker import start_worker
from django.utils import timezone, translation
from django.utils.formats import date_format
from openpyxl import load_workbook
from playwright.sync_api import Browser, BrowserContext, Download, Locator, Page, expect
from pypdf import PdfReader

from members.models import Organisation, User
from supplychain.lists.building import list_publish
from supplychain.lists.services import statement_record
from supplychain.models import (
    CandidateStatus,
    Chain,
    ConfidentialityStatement,
    Facility,
    FacilityLink,
    ListKind,
    ListPublication,
    MatchCandidate,
)
from supplychain.registry.matcher import facilities_match
from tests.conftest import TEST_TOTP_SECRET, make_user
from tests.factories import CovenantMembershipFactory, OrganisationFactory
from trustone import celery_app
from trustone.audit.models import AuditEntry

from .conftest import in_dutch, in_dutch_plural, log_in, totp_code

pytestmark = pytest.mark.django_db(transaction=True)

#: The line every export starts with (English source; the pages are in Dutch).
WATERMARK = (
    "Confidential – TruStone linked list – exported by %(viewer)s (%(organisation)s) on "
    "%(date)s. Do not share (Art. 6.3)."
)
TILES = re.compile(r"^https?://(?!127\.0\.0\.1|localhost)")  # anything not the portal
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}


@pytest.fixture
def lists_worker(transactional_db) -> Iterator[Callable[[], None]]:
    """A real worker on the `lists` queue, started when the test calls it."""
    with contextlib.ExitStack() as stack:
        yield lambda: stack.enter_context(
            start_worker(
                celery_app,
                pool="solo",
                perform_ping_check=False,
                shutdown_timeout=30,
                queues=["lists"],
            )
        )


@pytest.fixture
def new_page(browser: Browser, live_server) -> Iterator[Callable[..., Page]]:
    """Pages in contexts of their own (one person each), closed after the test; map
    tiles, which come from the internet, are refused: the map draws its markers without."""
    contexts: list[BrowserContext] = []

    def open_page(viewport: dict[str, int] = DESKTOP) -> Page:
        context = browser.new_context(
            base_url=live_server.url, locale="nl-NL", viewport=viewport, accept_downloads=True
        )
        context.set_default_timeout(15_000)
        context.route(TILES, lambda route: route.abort())
        contexts.append(context)
        return context.new_page()

    yield open_page
    for context in contexts:
        context.close()


def _log_in_with_code(page: Page, user: User, organisation: Organisation) -> None:
    """Password, then the code of the authenticator app (NGOs and the secretariat)."""
    log_in(page, user.email)
    page.get_by_label("Code").fill(totp_code(TEST_TOTP_SECRET))
    page.locator("#main").get_by_role("button", name="Inloggen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(organisation.name)


def _menu_link(page: Page, name: str) -> Locator:
    """A link of the main menu; on a phone the menu opens first. Whether the toggle shows
    depends on the stylesheet and on portal.js (deferred), so wait until both are in."""
    page.wait_for_load_state("load")
    menu = page.get_by_role("navigation", name=in_dutch("Main menu"))
    toggle = menu.get_by_role("button", name=in_dutch("Menu"))
    if toggle.is_visible():
        toggle.click()
    return menu.get_by_role("link", name=name, exact=True)


def _rows(page: Page) -> Locator:
    return page.locator("#main table tbody tr")


def _filter(page: Page, label: str, option: str) -> None:
    filters = page.get_by_role("search")
    filters.get_by_label(in_dutch(label), exact=True).select_option(label=option)
    filters.get_by_role("button", name=in_dutch("Filter")).click()


def _download(page: Page, label: str) -> Download:
    with page.expect_download() as download:
        page.get_by_role("button", name=in_dutch(label)).click()
    return download.value


def _watermark(viewer: str, organisation: str, days: set[date]) -> re.Pattern[str]:
    """The watermark, with today's date (either side of midnight) and a time."""
    with translation.override("nl"):
        dates = "|".join(re.escape(date_format(day, "DATE_FORMAT")) for day in days)
    text = re.escape(
        in_dutch(WATERMARK) % {"viewer": viewer, "organisation": organisation, "date": "@"}
    )
    return re.compile(text.replace("@", rf"(?:{dates}) \d{{1,2}}:\d{{2}}"))


def _listed(name: str) -> Organisation:
    company = OrganisationFactory(name=name)
    CovenantMembershipFactory(organisation=company, joined_on=date(2025, 1, 1))
    return company


def _quarry(company: Organisation, name: str, **fields) -> Facility:
    return Facility.objects.create(
        organisation=company,
        kind="quarry",
        name=name,
        country="IN",
        place="Bijolia",
        latitude=25.16,
        longitude=75.33,
        **fields,
    )


def test_an_ngo_signs_opens_the_map_filters_and_exports_with_a_watermark(
    new_page: Callable[..., Page],
) -> None:
    ngo = OrganisationFactory(name="Landelijke India Werkgroep", kind="ngo")
    researcher = make_user(ngo, "admin", user__full_name="Meera Kapoor")
    bakker, graniet = _listed("Natuursteen Bakker Oosterhout"), _listed("Graniet Import Nederland")
    Chain.objects.create(
        organisation=bakker, product="Kandla Grey", quarry=_quarry(bakker, "Bijolia Quarry")
    )
    Chain.objects.create(
        organisation=graniet, product="Raj Green", quarry=_quarry(graniet, "Bijoliya Mines")
    )
    xiamen = Facility.objects.create(
        organisation=bakker,
        kind="factory",
        name="Xiamen Granite Co.",
        place="Shuitou",
        country="CN",
        latitude=24.73,
        longitude=118.43,
    )
    Chain.objects.create(organisation=bakker, product="G654", factory=xiamen)
    facilities_match()
    assert list_publish(ListKind.LINKED)[0].row_count == 3  # two sites, three links

    page = new_page()
    _log_in_with_code(page, researcher, ngo)

    # Without a statement the list is closed, and the page says how to open it.
    _menu_link(page, in_dutch("Linked list")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(in_dutch("Linked list"))
    expect(page.locator("#main table")).to_have_count(0)
    expect(page.locator("#main")).not_to_contain_text("Natuursteen Bakker")
    page.get_by_role("button", name=in_dutch("Read and sign the confidentiality statement")).click()

    # The administrator signs for the organisation.
    page.get_by_label(in_dutch("Name of the signatory")).fill("Meera Kapoor")
    page.get_by_role("textbox", name=in_dutch("Function"), exact=True).fill("Onderzoeker")
    page.get_by_label(
        in_dutch("I have read the statement and sign it on behalf of my organisation.")
    ).check()
    page.get_by_role("button", name=in_dutch("Sign the statement")).click()
    signed = in_dutch("Thank you. The statement is signed; it is valid until %(date)s.")
    expect(page.locator(".messages")).to_contain_text(signed.split("%(date)s")[0].strip())
    statement = ConfidentialityStatement.objects.get()
    assert (statement.organisation, statement.signed_by) == (ngo, researcher)
    assert (statement.signer_name, statement.signer_function) == ("Meera Kapoor", "Onderzoeker")

    # The list opens: a table with a row per link, and a map with a marker per site (the
    # two companies at the quarry share one).
    _menu_link(page, in_dutch("Linked list")).click()
    expect(_rows(page)).to_have_count(3)
    expect(page.locator("#main")).to_contain_text(
        in_dutch_plural(
            "%(count)s link between a company and a site.",
            "%(count)s links between companies and sites.",
            3,
        )
    )
    figure = page.get_by_role("figure", name=in_dutch("Map of the sites in the list"))
    expect(figure).to_be_visible()
    expect(figure.locator(".leaflet-marker-icon")).to_have_count(2)

    # Filtered by country: only the factory in China, on the table and on the map.
    _filter(page, "Country", "China")
    expect(page).to_have_url(re.compile(r"[?&]country=CN(&|$)"))
    expect(_rows(page)).to_have_count(1)
    expect(_rows(page)).to_contain_text("Xiamen Granite Co.")
    expect(_rows(page)).to_contain_text("G654")
    expect(figure.locator(".leaflet-marker-icon")).to_have_count(1)

    # The exports carry the filter, the viewer, the organisation and today's date.
    before = timezone.localdate()
    files = {label: _download(page, f"Export ({label})") for label in ("CSV", "Excel", "PDF")}
    mark = _watermark("Meera Kapoor", ngo.name, {before, timezone.localdate()})
    for label, download in files.items():
        suffix = {"CSV": "csv", "Excel": "xlsx", "PDF": "pdf"}[label]
        assert re.fullmatch(
            rf"trustone-linked-list-\d{{4}}-\d{{2}}-\d{{2}}\.{suffix}", download.suggested_filename
        )
    content = Path(files["CSV"].path()).read_bytes().decode("utf-8-sig")
    lines = list(csv.reader(io.StringIO(content), delimiter=";"))
    assert mark.fullmatch(lines[0][0]), lines[0]
    assert len(lines) == 3 and "Xiamen Granite Co." in lines[2]  # mark, headers, one link
    sheet = load_workbook(io.BytesIO(Path(files["Excel"].path()).read_bytes())).active
    assert mark.fullmatch(sheet["A1"].value), sheet["A1"].value
    assert sheet.max_row == 3 and sheet["B3"].value == "Xiamen Granite Co."
    pdf = PdfReader(files["PDF"].path())
    text = " ".join(" ".join(p.extract_text() for p in pdf.pages).split())
    assert mark.search(text), text
    assert "Xiamen Granite Co." in text and "Bijolia" not in text

    # Filtered by company: that company's link only.
    _filter(page, "Country", in_dutch("All countries"))
    expect(_rows(page)).to_have_count(3)
    _filter(page, "Company", "Graniet Import Nederland")
    expect(_rows(page)).to_have_count(1)
    expect(_rows(page)).to_contain_text("Bijolia Quarry")  # the site's name in the registry
    expect(_rows(page)).to_contain_text("Raj Green")
    expect(_rows(page)).not_to_contain_text("Natuursteen Bakker")

    # Every view and every export is in the audit log, with the filters used.
    entries = AuditEntry.objects.filter(user=researcher, organisation=ngo)
    views = entries.filter(action="linked_list_viewed")
    assert views.count() == 4  # opened, by country, all countries, by company
    assert views.filter(data__country="CN").count() == 1
    assert views.filter(data__company="Graniet Import Nederland").count() == 1
    exports = entries.filter(action="linked_list_exported")
    assert sorted(e.data["format"] for e in exports) == ["csv", "pdf", "xlsx"]
    assert all(e.data["country"] == "CN" and e.data["rows"] == 1 for e in exports)
    assert entries.filter(action="confidentiality_signed").count() == 1


def _rebuilt(company: Organisation, timeout: float = 60) -> ListPublication:
    """The first published linked list that names `company` (a worker builds it)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        latest = ListPublication.objects.filter(kind=ListKind.LINKED).first()
        if latest and any(row["company"] == company.name for row in latest.rows):
            return latest
        time.sleep(0.2)
    raise AssertionError(f"no linked list with {company.name} within {timeout} s")


def test_a_confirmed_match_puts_the_company_under_the_existing_site(
    new_page: Callable[..., Page], lists_worker: Callable[[], None]
) -> None:
    ngo = OrganisationFactory(name="FNV Natuursteen", kind="union")
    member = make_user(ngo, "member")
    statement_record(
        organisation=ngo,
        signed_by=make_user(ngo, "admin"),
        signer_name="Jan de Vries",
        signer_function="Bestuurder",
        language="nl",
    )
    secretariat = OrganisationFactory(name="Secretariaat TruStone", kind="secretariat")
    coordinator = make_user(secretariat, "admin")
    first, second = _listed("Graniet Import Nederland"), _listed("Van der Steen Natuursteen")
    Facility.objects.create(
        organisation=first,
        kind="factory",
        name="Shree Ganesh Granites",
        address="Plot A-45, RIICO, Jaipur",
        country="IN",
    )
    waiting = Facility.objects.create(
        organisation=second,
        kind="factory",
        name="Shree Ganesh Granites",
        address="Plot A-46, RIICO, Jaipur",
        country="IN",
    )
    facilities_match()
    candidate = MatchCandidate.objects.get(facility=waiting, status=CandidateStatus.OPEN)
    site = candidate.site
    assert Facility.objects.get(pk=waiting.pk).site is None
    list_publish(ListKind.LINKED)

    # On a phone, the union sees the site with the first company only: the second's
    # facility waits for the secretariat.
    phone = new_page(PHONE)
    _log_in_with_code(phone, member, ngo)
    _menu_link(phone, in_dutch("Linked list")).click()
    expect(_rows(phone)).to_have_count(1)
    expect(_rows(phone)).to_contain_text(site.public_id)
    expect(_rows(phone)).to_contain_text("Graniet Import Nederland")
    expect(phone.locator("#main")).not_to_contain_text("Van der Steen Natuursteen")

    # The coordinator finds the proposal in the registry's queue and confirms it.
    lists_worker()
    office = new_page()
    _log_in_with_code(office, coordinator, secretariat)
    _menu_link(office, in_dutch("Sites")).click()
    office.get_by_role(
        "link",
        name=in_dutch_plural(
            "%(count)s facility waits for your decision.",
            "%(count)s facilities wait for your decision.",
            1,
        ),
    ).click()
    expect(office.get_by_role("heading", level=1)).to_have_text(in_dutch("Proposed matches"))
    proposal = office.locator("article.proposal", has_text="Van der Steen Natuursteen")
    expect(proposal).to_contain_text("Plot A-46, RIICO, Jaipur")
    option = proposal.locator("li", has_text=site.public_id)
    option.get_by_role("button", name=in_dutch("Same site")).click()
    expect(office.locator(".messages")).to_contain_text(
        in_dutch("%(facility)s is now linked to %(site)s.")
        % {"facility": "Shree Ganesh Granites", "site": site.public_id}
    )
    expect(office.locator("article.proposal")).to_have_count(0)
    waiting.refresh_from_db()
    assert (waiting.site_id, waiting.site_link) == (site.pk, FacilityLink.CONFIRMED)
    assert AuditEntry.objects.filter(action="site_match_confirmed", user=coordinator).count() == 1

    # The worker rebuilds the list; the union sees both companies under the one site.
    rebuilt = _rebuilt(second)
    assert {row["site"] for row in rebuilt.rows} == {site.public_id}
    phone.reload()
    expect(_rows(phone)).to_have_count(2)
    for company in ("Graniet Import Nederland", "Van der Steen Natuursteen"):
        expect(_rows(phone).filter(has_text=company)).to_contain_text(site.public_id)
    expect(phone.locator("#main")).to_contain_text(
        in_dutch_plural(
            "%(count)s link between a company and a site.",
            "%(count)s links between companies and sites.",
            2,
        )
    )
