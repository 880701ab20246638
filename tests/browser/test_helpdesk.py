"""The helpdesk in Chromium: a company asks with an attachment, the secretariat answers
from its inbox and publishes the answer in the FAQ, the company reads the answer."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core import mail
from playwright.sync_api import Browser, Page, expect

from assessments.models import FaqEntry, HelpdeskThread
from tests.conftest import TEST_TOTP_SECRET, make_user
from tests.factories import OrganisationFactory

from .conftest import log_in, totp_code

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_question_is_asked_answered_and_shared_in_the_faq(
    page: Page, browser: Browser, live_server, tmp_path: Path
) -> None:
    company = OrganisationFactory(name="Hollandse Hardsteen B.V.")
    member = make_user(company, "member")
    secretariat = OrganisationFactory(name="Secretariaat TruStone", kind="secretariat")
    officer = make_user(secretariat, "admin")
    scan = tmp_path / "auditrapport.pdf"
    scan.write_bytes(b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")

    # The company asks from its own pages, with an attachment.
    log_in(page, member.email)
    page.locator("nav").get_by_role("link", name="Vraag het secretariaat").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Vraag het secretariaat")
    expect(page.locator(".empty")).to_be_visible()
    page.locator("#id_kind").select_option("question")
    page.locator("#id_subject").fill("Telt een circulaire keten mee?")
    page.locator("#id_body").fill("Wij kopen gebruikte kasseien. Telt die keten als bekend?")
    page.locator("#id_attachment").set_input_files(str(scan))
    page.locator("#main form button[type=submit]").click()
    expect(page.locator(".messages")).to_contain_text("secretariaat")
    expect(page.get_by_role("heading", level=1)).to_have_text("Telt een circulaire keten mee?")
    expect(page.get_by_role("link", name="auditrapport.pdf")).to_be_visible()
    assert any("Telt een circulaire keten mee?" in m.subject for m in mail.outbox)

    # The secretariat answers from the shared inbox.
    office = browser.new_context(base_url=live_server.url, locale="nl-NL")
    office.set_default_timeout(15_000)
    desk = office.new_page()
    log_in(desk, officer.email)
    desk.get_by_label("Code").fill(totp_code(TEST_TOTP_SECRET))
    desk.locator("#main").get_by_role("button", name="Inloggen").click()
    desk.goto("/reports/helpdesk/")
    row = desk.locator("tbody tr", has_text="Telt een circulaire keten mee?")
    expect(row).to_contain_text("Hollandse Hardsteen B.V.")
    row.get_by_role("link").click()
    with desk.expect_download() as download:
        desk.get_by_role("link", name="auditrapport.pdf").click()
    assert Path(download.value.path()).read_bytes().startswith(b"%PDF")
    mail.outbox.clear()
    desk.locator("#id_body").fill("Ja: circulaire ketens tellen als volledig bekend (art. 5.7).")
    desk.get_by_role("button", name="Antwoord versturen").click()
    expect(desk.locator(".messages")).to_be_visible()
    assert [m.to for m in mail.outbox] == [[member.email]]
    assert HelpdeskThread.objects.get().is_answered

    # … and shares it in the FAQ, in both languages, without the company's name.
    desk.locator("#main details summary").click()
    desk.locator("#id_question_nl").fill("Telt een circulaire keten mee?")
    desk.locator("#id_question_en").fill("Does a circular chain count?")
    desk.locator("#id_answer_nl").fill("Ja, als volledig bekend.")
    desk.locator("#id_answer_en").fill("Yes, as fully known.")
    desk.locator("#main details form button[type=submit]").click()
    expect(desk.locator(".messages")).to_contain_text("veelgestelde vragen")
    assert FaqEntry.objects.count() == 1
    office.close()

    # The company reads the answer; the waiting list of the inbox is empty again.
    page.reload()
    expect(page.locator("#main")).to_contain_text("Ja: circulaire ketens tellen")
    page.goto("/reports/faq/")
    expect(page.locator("#main")).to_contain_text("Telt een circulaire keten mee?")
    expect(page.locator("#main")).not_to_contain_text("Hollandse Hardsteen")
