"""A complaint in Chromium (issue 11): someone without an account finds the complaints page
from the footer, files an anonymous complaint in Hindi with a PDF, and is shown the
receipt code once; a wrong code is refused. A committee member opens the case from the
dashboard and asks the complainant a question; the complainant comes back with the code,
reads it and answers with text and a file; the committee reads the answer."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from datetime import timedelta

import pytest
from django.conf import settings
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.text import capfirst
from playwright.sync_api import Browser, BrowserContext, Page, expect

from complaints.models import Case, CaseAttachment, CaseEntry
from tests.conftest import make_user
from tests.factories import OrganisationFactory

from .conftest import in_dutch, in_dutch_plural, log_in

pytestmark = pytest.mark.django_db(transaction=True)

DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
WHAT_HAPPENED = "Mazdooron ko mask nahin diye jaate. Hum roz patthar ki dhool mein kaam karte hain."
QUESTION = "Hoeveel mensen werken er in de groeve, en sinds wanneer zonder mondkapjes?"
ANSWER = "Ongeveer veertig mensen, sinds de nieuwe aannemer in maart."
WRONG_CODE = "1234 5678 9012 3456 7890"


def _pdf(name: str) -> dict[str, object]:
    return {"name": name, "mimeType": "application/pdf", "buffer": b"%PDF-1.4 " + name.encode()}


@pytest.fixture
def new_page(browser: Browser, live_server) -> Iterator[Callable[..., Page]]:
    """Pages in contexts of their own (one person each, no shared cookies), closed after
    the test."""
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


def _in_dutch_date(days: int) -> str:
    with translation.override("nl"):
        return date_format(timezone.localdate() + timedelta(days=days), "DATE_FORMAT")


def _fits(page: Page, width: int) -> None:
    """Nothing sticks out sideways (a phone would scroll the whole page)."""
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    assert scroll_width <= width, f"{page.url} is {scroll_width} px wide"


# Links styled as buttons (role="button", the portal's way) are found as buttons.


def _open_complaints_page(page: Page) -> None:
    """From any page: the footer's link to the complaints and disputes page."""
    page.goto("/")
    page.locator("footer").get_by_role("link", name=in_dutch("Complaints and disputes")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(in_dutch("Complaints and disputes"))


def _enter_code(page: Page, code: str) -> None:
    page.get_by_label(in_dutch("Your receipt code")).fill(code)
    page.locator("#main form").get_by_role("button", name=in_dutch("Open"), exact=True).click()


def test_an_anonymous_complainant_files_and_answers_the_committees_question(
    new_page: Callable[..., Page],
) -> None:
    committee = OrganisationFactory(
        name="Klachten- en geschillencommissie", kind="complaints_committee"
    )
    member = make_user(committee, "member", user__full_name="Fatima El Amrani")

    # Someone without an account, on a phone, in Dutch: from the footer to the form.
    complainant = new_page(PHONE)
    _open_complaints_page(complainant)
    complainant.locator("#main").get_by_role("button", name=in_dutch("File a complaint")).click()
    expect(complainant.get_by_role("heading", level=1)).to_have_text(in_dutch("File a complaint"))
    _fits(complainant, PHONE["width"])
    language = complainant.get_by_role("group", name=in_dutch("In which language do you write?"))
    language.get_by_label(in_dutch("Another language"), exact=True).check()
    complainant.get_by_label(in_dutch("Which language?")).fill("Hindi")
    complainant.get_by_label(in_dutch("What happened?")).fill(WHAT_HAPPENED)
    complainant.get_by_label(in_dutch("Where did it happen?")).fill("Bijolia, Rajasthan")
    complainant.get_by_label(in_dutch("Evidence")).set_input_files(_pdf("foto-groeve.pdf"))
    complainant.get_by_label(in_dutch("I want to stay anonymous")).check()
    # Anonymous: no name, e-mail or telephone is asked for.
    expect(complainant.get_by_label(in_dutch("Your name"))).to_be_hidden()
    complainant.get_by_role("button", name=in_dutch("Send the complaint")).click()

    # The receipt code, shown this once.
    expect(complainant.get_by_role("heading", level=1)).to_have_text(
        in_dutch("Your complaint is received")
    )
    code = complainant.locator("[data-testid=receipt-code]").inner_text().strip()
    assert re.fullmatch(r"\d{4}( \d{4}){4}", code), code
    digits = code.replace(" ", "")
    case = Case.objects.get()
    assert (case.kind, case.language, case.is_anonymous) == ("complaint", "Hindi", True)
    assert case.contact is None
    expect(complainant.locator("#main")).to_contain_text(case.reference)
    _fits(complainant, PHONE["width"])

    # The receipt page asks for the code and never shows it; a wrong code is refused.
    complainant.get_by_role("button", name=in_dutch("Open my complaint with the code")).click()
    expect(complainant.get_by_role("heading", level=1)).to_have_text(
        in_dutch("Open your complaint")
    )
    for shown in (code, digits):
        assert shown not in complainant.content()
    _enter_code(complainant, WRONG_CODE)
    expect(complainant.locator("#main .field-error")).to_contain_text(
        in_dutch("This receipt code is not right. Check the 20 digits and try again.")
    )
    expect(complainant.get_by_role("heading", level=1)).to_have_text(
        in_dutch("Open your complaint")
    )
    assert code not in complainant.content()

    # A committee member: the dashboard's task leads to the new case.
    office = new_page()
    log_in(office, member.email)
    expect(office.get_by_role("heading", level=1)).to_have_text(committee.name)
    office.get_by_role(
        "link",
        name=in_dutch_plural(
            "%(count)s case to decide on admissibility",
            "%(count)s cases to decide on admissibility",
            1,
        ),
    ).click()
    expect(office.get_by_role("heading", level=1)).to_have_text(in_dutch("Cases"))
    rows = office.locator("#main table tbody tr")
    expect(rows).to_have_count(1)
    rows.get_by_role("link", name=case.reference).click()
    expect(office.get_by_role("heading", level=1)).to_have_text(case.reference)
    filed = office.locator("#main article").filter(
        has=office.get_by_role("heading", name=in_dutch("The complaint as filed"))
    )
    expect(filed).to_contain_text(WHAT_HAPPENED)
    expect(filed).to_contain_text("Hindi")
    expect(filed).to_contain_text(
        in_dutch("Anonymous: the complainant reads and answers through the receipt code only.")
    )
    expect(
        office.locator("article.message").get_by_role("link", name="foto-groeve.pdf")
    ).to_be_visible()

    # It asks the complainant a question: the step "request for information".
    step = capfirst(in_dutch("request for information"))
    office.get_by_label(in_dutch("Step")).select_option(label=step)
    office.get_by_label(in_dutch("Decision, reasons or request")).fill(QUESTION)
    office.get_by_label(in_dutch("Whom does the committee ask?")).select_option(
        label=in_dutch("the complainant")
    )
    office.get_by_role("button", name=in_dutch("Record the step")).click()
    expect(office.locator(".messages")).to_contain_text(
        in_dutch("The step is recorded in the case file.")
    )
    request = office.locator("article.message", has_text=QUESTION)
    expect(request.locator("header")).to_contain_text(step)
    expect(request.locator("header")).to_contain_text(
        in_dutch("to %(audience)s") % {"audience": in_dutch("the complainant")}
    )
    reply_by = _in_dutch_date(settings.COMPLAINTS_DEADLINE_DAYS["reply"])
    expect(request).to_contain_text(reply_by)

    # The complainant comes back with the code, reads the question and answers.
    _open_complaints_page(complainant)
    complainant.get_by_role("button", name=in_dutch("Open with the receipt code")).click()
    _enter_code(complainant, code)
    expect(complainant.get_by_role("heading", level=1)).to_contain_text(case.reference)
    main = complainant.locator("#main")
    expect(main.locator("p.notice")).to_contain_text(
        in_dutch("The committee asks for your reply by %(date)s.") % {"date": reply_by}
    )
    question = complainant.locator("article.message", has_text=QUESTION)
    expect(question.locator("header")).to_contain_text(in_dutch("The committee"))
    expect(main).not_to_contain_text(code)
    _fits(complainant, PHONE["width"])
    complainant.get_by_label(in_dutch("Your message")).fill(ANSWER)
    complainant.get_by_label(in_dutch("Evidence")).set_input_files(_pdf("verklaring.pdf"))
    complainant.get_by_role("button", name=in_dutch("Send to the committee")).click()
    expect(complainant.locator(".messages")).to_contain_text(
        in_dutch("Your message is sent to the committee.")
    )
    answer = complainant.locator("article.message", has_text=ANSWER)
    expect(answer.locator("header")).to_contain_text(in_dutch("You"))
    expect(answer.get_by_role("link", name="verklaring.pdf")).to_be_visible()
    expect(main.locator("p.notice")).to_have_count(0)  # answered: the clock stopped

    # The committee member reads the answer and its file.
    office.reload()
    heard = office.locator("article.message", has_text=ANSWER)
    expect(heard.locator("header")).to_contain_text(in_dutch("Complainant"))
    with office.expect_download() as download:
        heard.get_by_role("link", name="verklaring.pdf").click()
    assert download.value.suggested_filename == "verklaring.pdf"

    case.refresh_from_db()
    assert case.status == "received" and case.reply_due is None
    assert list(CaseEntry.objects.values_list("side", "audience", "step")) == [
        ("complainant", "complainant", ""),
        ("committee", "complainant", "information"),
        ("complainant", "complainant", ""),
    ]
    assert CaseAttachment.objects.count() == 2
