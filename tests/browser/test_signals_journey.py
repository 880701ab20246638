"""Signals in Chromium (issue 11): an NGO files a signal about a quarry; the coordinator
routes it, and it reaches exactly the two listed companies buying from that quarry, not a
third buying elsewhere; each company sees its own link only; the NGO sees the companies
as "Company 1, 2" and who answered; the dialogue runs both ways."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from datetime import date

import pytest
from django.utils import timezone, translation
from django.utils.formats import date_format
from playwright.sync_api import Browser, BrowserContext, Locator, Page, expect

from members.models import Organisation, User
from supplychain.models import Facility, Signal, SignalMessage, SignalRoute
from tests.conftest import TEST_TOTP_SECRET, make_user
from tests.factories import CovenantMembershipFactory, OrganisationFactory
from tests.factories.registry import buy, site

from .conftest import in_dutch, in_dutch_plural, log_in, totp_code

pytestmark = pytest.mark.django_db(transaction=True)

TILES = re.compile(r"^https?://(?!127\.0\.0\.1|localhost)")  # anything not the portal
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
WHAT_HAPPENED = "Kinderen van tien jaar sjouwen stenen in de groeve, ook op schooldagen."
ANSWER = "Wij kennen deze groeve via onze leverancier en vragen hem deze week om uitleg."
#: What a company sees until it answers (English source; the pages are in Dutch).
ANSWER_BY = (
    "Please answer by %(date)s: what do you know of it, and what can you do? The NGO or "
    "union and the secretariat read along."
)
REPLY = "Dank u. Wij kunnen u in contact brengen met de school in Budhpura."


@pytest.fixture
def new_page(browser: Browser, live_server) -> Iterator[Callable[..., Page]]:
    """Pages in contexts of their own (one person each), closed after the test; anything
    from the internet (map tiles) is refused."""
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


def _log_in_company(page: Page, user: User, organisation: Organisation) -> None:
    """Companies log in with their password only."""
    log_in(page, user.email)
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


def _listed(name: str) -> Organisation:
    company = OrganisationFactory(name=name)
    CovenantMembershipFactory(organisation=company, joined_on=date(2025, 1, 1))
    return company


def _own_link(facility: Facility, name: str) -> Facility:
    """The company's own name for its facility at the site (what only it should see)."""
    facility.name, facility.place = name, "Budhpura"
    facility.save(update_fields=["name", "place"])
    return facility


def _today() -> str:
    with translation.override("nl"):
        return date_format(timezone.localdate(), "DATE_FORMAT")


def _message_sent(page: Page) -> None:
    expect(page.locator(".messages")).to_contain_text(in_dutch("Your message is sent."))


def _fits(page: Page, width: int) -> None:
    """Nothing sticks out sideways (a phone would scroll the whole page)."""
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    assert scroll_width <= width, f"{page.url} is {scroll_width} px wide"


def test_an_ngo_signal_reaches_the_two_buyers_only_and_the_dialogue_runs_both_ways(
    new_page: Callable[..., Page],
) -> None:
    quarry = site("Budhpura Kota Stone Quarry", (25.23, 75.55))
    elsewhere = site("Chittorgarh Marble Mines", (24.88, 74.62))
    first = _listed("Natuursteen Bakker Oosterhout")
    second = _listed("Graniet Import Nederland")
    third = _listed("Van der Steen Natuursteen")
    _own_link(buy(first, quarry), "Shree Ganesh Kota Stone")
    _own_link(buy(second, quarry), "Rajasthan Stone Exports")
    buy(third, elsewhere)
    first_admin = make_user(first, "admin")
    third_admin = make_user(third, "admin")
    make_user(second, "admin")
    ngo = OrganisationFactory(name="Landelijke India Werkgroep", kind="ngo")
    researcher = make_user(ngo, "member", user__full_name="Meera Kapoor")
    secretariat = OrganisationFactory(name="Secretariaat TruStone", kind="secretariat")
    coordinator = make_user(secretariat, "admin")
    signals = in_dutch("Signals")

    # The NGO files the signal about the quarry, with a PDF.
    watcher = new_page()
    _log_in_with_code(watcher, researcher, ngo)
    _menu_link(watcher, signals).click()
    expect(watcher.get_by_role("heading", level=1)).to_have_text(signals)
    expect(watcher.locator("#main")).to_contain_text(in_dutch("No signals yet."))
    watcher.get_by_role("button", name=in_dutch("File a signal")).click()
    expect(watcher.get_by_role("heading", level=1)).to_have_text(in_dutch("File a signal"))
    watcher.get_by_label(in_dutch("Site id (TS-…)")).fill(quarry.public_id)
    themes = watcher.get_by_role("group", name=in_dutch("Themes"))
    themes.get_by_label(in_dutch("Child labour"), exact=True).check()
    watcher.get_by_label(in_dutch("What happened?")).fill(WHAT_HAPPENED)
    urgency = watcher.get_by_role("group", name=in_dutch("How urgent is it?"))
    urgency.get_by_label(in_dutch("Urgent"), exact=True).check()
    watcher.get_by_label(in_dutch("Attachments")).set_input_files(
        {"name": "interviews.pdf", "mimeType": "application/pdf", "buffer": b"%PDF-1.4 ..."}
    )
    watcher.locator("#main form").get_by_role("button", name=in_dutch("File the signal")).click()
    expect(watcher.locator(".messages")).to_contain_text(
        in_dutch("Thank you. The secretariat has your signal and will route it.")
    )
    expect(watcher.get_by_role("heading", level=1)).to_contain_text(in_dutch("Signal"))
    expect(watcher.get_by_role("heading", level=1)).to_contain_text(in_dutch("received"))
    facts = watcher.locator("#main dl.facts")
    expect(facts).to_contain_text(quarry.public_id)
    expect(facts).to_contain_text(in_dutch("Child labour"))
    expect(facts).to_contain_text(WHAT_HAPPENED)
    expect(facts.get_by_role("link", name="interviews.pdf")).to_be_visible()
    expect(watcher.locator("#main")).to_contain_text(
        in_dutch("The secretariat has not routed the signal yet.")
    )
    signal = Signal.objects.get()
    assert (signal.site, signal.urgency, signal.themes) == (quarry, "urgent", ["child_labour"])

    # The coordinator opens it from the list and routes it: to the two buyers.
    office = new_page()
    _log_in_with_code(office, coordinator, secretariat)
    _menu_link(office, signals).click()
    expect(_rows(office)).to_have_count(1)
    expect(_rows(office)).to_contain_text(ngo.name)
    expect(_rows(office)).to_contain_text(quarry.public_id)
    _rows(office).get_by_role("link").click()
    expect(office.locator("#main dl.facts")).to_contain_text(WHAT_HAPPENED)
    expect(office.locator("#main")).to_contain_text(
        in_dutch_plural(
            "%(count)s member company reports this site.",
            "%(count)s member companies report this site.",
            2,
        )
    )
    office.get_by_role("button", name=in_dutch("Route to the companies buying here")).click()
    expect(office.locator(".messages")).to_contain_text(
        in_dutch_plural(
            "The signal is routed to %(count)s company.",
            "The signal is routed to %(count)s companies; each sees only its own link.",
            2,
        )
    )
    expect(_rows(office)).to_have_count(2)  # the secretariat sees whom
    expect(_rows(office).filter(has_text=first.name)).to_have_count(1)
    expect(_rows(office).filter(has_text=second.name)).to_have_count(1)
    expect(office.locator("#main")).not_to_contain_text(third.name)

    # The first company's administrator, on a phone: the signal, its own link, not the
    # other buyer; it answers.
    company = new_page(PHONE)
    _log_in_company(company, first_admin, first)
    _menu_link(company, signals).click()
    expect(company.get_by_role("heading", level=1)).to_have_text(
        in_dutch("Signals about your suppliers")
    )
    expect(_rows(company)).to_have_count(1)
    expect(_rows(company)).to_contain_text("Shree Ganesh Kota Stone")
    expect(_rows(company)).to_contain_text(ngo.name)
    expect(_rows(company)).to_contain_text(in_dutch("awaiting your answer"))
    _fits(company, PHONE["width"])
    _rows(company).get_by_role("link").click()
    main = company.locator("#main")
    expect(company.get_by_role("heading", level=1)).to_have_text(
        in_dutch("A signal about your supplier")
    )
    expect(main.locator(".notice")).to_contain_text(
        in_dutch(ANSWER_BY).split("%(date)s")[0].strip()
    )
    expect(main).to_contain_text(WHAT_HAPPENED)
    expect(main).to_contain_text(f"{in_dutch('Your link to the site:')} Shree Ganesh Kota Stone")
    for hidden in (second.name, "Rajasthan Stone Exports", third.name):
        expect(company.locator("body")).not_to_contain_text(hidden)
    with company.expect_download() as download:
        main.get_by_role("link", name="interviews.pdf").click()
    assert download.value.suggested_filename == "interviews.pdf"
    expect(main).to_contain_text(in_dutch("No messages yet."))
    _fits(company, PHONE["width"])
    company.get_by_label(in_dutch("Message")).fill(ANSWER)
    company.get_by_role("button", name=in_dutch("Send"), exact=True).click()
    _message_sent(company)
    answer = company.locator("article.message", has_text=ANSWER)
    expect(answer.locator("header")).to_contain_text(in_dutch("You"))
    expect(main.locator(".notice")).to_have_count(0)  # answered: no more "please answer"

    # The third company buys elsewhere: nothing for it.
    bystander = new_page()
    _log_in_company(bystander, third_admin, third)
    _menu_link(bystander, signals).click()
    expect(bystander.locator("#main")).to_contain_text(in_dutch("No signals about your suppliers."))
    expect(bystander.locator("#main table")).to_have_count(0)

    # The NGO (no confidentiality statement) sees "Company 1, 2", one of them answered.
    _menu_link(watcher, signals).click()
    expect(_rows(watcher)).to_have_count(1)
    expect(_rows(watcher)).to_contain_text(in_dutch("routed to the companies").capitalize())
    _rows(watcher).get_by_role("link").click()
    routed = _rows(watcher)
    expect(routed).to_have_count(2)
    labels = [in_dutch("Company %(number)s") % {"number": n} for n in (1, 2)]
    for number, label in enumerate(labels):
        expect(routed.nth(number).locator("td").first).to_have_text(label)
    for name in (first.name, second.name, third.name, "Shree Ganesh", "Rajasthan Stone"):
        expect(watcher.locator("body")).not_to_contain_text(name)
    answered = routed.filter(has=watcher.locator("td:nth-child(4)", has_text=_today()))
    expect(answered).to_have_count(1)
    expect(routed.locator("td:nth-child(4)", has_text="—")).to_have_count(1)
    label = answered.locator("td").first.inner_text()
    answered.get_by_role("link", name=in_dutch("Conversation")).click()
    expect(watcher.get_by_role("heading", level=1)).to_have_text(
        in_dutch("Conversation with %(label)s") % {"label": label}
    )
    heard = watcher.locator("article.message", has_text=ANSWER)
    expect(heard.locator("header")).to_contain_text(label)
    expect(watcher.locator("body")).not_to_contain_text(first.name)
    watcher.get_by_label(in_dutch("Message")).fill(REPLY)
    watcher.get_by_role("button", name=in_dutch("Send"), exact=True).click()
    _message_sent(watcher)
    expect(watcher.locator("article.message")).to_have_count(2)
    expect(watcher.locator("article.message").last).to_contain_text(REPLY)

    # Back on the phone, the company reads the NGO's reply under its answer.
    company.reload()
    conversation = company.locator("article.message")
    expect(conversation).to_have_count(2)
    expect(conversation.first).to_contain_text(ANSWER)
    expect(conversation.last).to_contain_text(REPLY)
    expect(conversation.last.locator("header")).to_contain_text(ngo.name)
    _fits(company, PHONE["width"])

    # Exactly two routes, to the two buyers; the first answered, by its message.
    routes = SignalRoute.objects.filter(signal=signal)
    assert sorted(route.organisation.name for route in routes) == sorted([first.name, second.name])
    assert SignalRoute.objects.count() == 2
    assert {route.organisation for route in routes if route.answered_at} == {first}
    assert list(SignalMessage.objects.values_list("side", "body")) == [
        ("company", ANSWER),
        ("watcher", REPLY),
    ]
