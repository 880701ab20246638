"""Playwright driving Debian's Chromium (/usr/bin/chromium). Never skipped: a machine
without Chromium fails these tests (`make test` installs it)."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from playwright.sync_api import Browser, Page, sync_playwright

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    assert CHROMIUM.exists(), "Debian's chromium is missing: run `make test` (it installs it)"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser: Browser, live_server) -> Iterator[Page]:
    context = browser.new_context(base_url=live_server.url, locale="nl-NL")
    context.set_default_timeout(15_000)
    page = context.new_page()
    yield page
    context.close()


def totp_code(secret: str) -> str:
    """What an authenticator app shows now. Near the end of a 30-second window the code
    could expire before a loaded machine submits it: then wait for the next one."""
    if 30 - time.time() % 30 < 8:
        time.sleep(30 - time.time() % 30 + 0.1)
    return format_hotp_value(hotp_value(secret, int(time.time()) // 30))


def log_in(page: Page, email: str, password: str = "Correct-Horse-42") -> None:
    page.goto("/accounts/login/")
    page.get_by_label("E-mailadres").fill(email)
    page.get_by_label("Wachtwoord").fill(password)
    page.locator("#main").get_by_role("button", name="Inloggen").click()


#: The message after submitting a report (English source; the pages are in Dutch).
REPORT_SUBMITTED = (
    "Your report has been submitted. A PDF of what you submitted is being prepared; "
    "you will receive it by e-mail."
)


def in_dutch_plural(singular: str, plural: str, count: int) -> str:
    """What the Dutch portal shows for a counted message (source strings English)."""
    from django.utils import translation
    from django.utils.translation import ngettext

    with translation.override("nl"):
        return ngettext(singular, plural, count) % {"count": count}


def in_dutch(msgid: str) -> str:
    """What the Dutch portal shows for `msgid`: its translation, or the source until the
    catalogue has one."""
    from django.utils import translation
    from django.utils.translation import gettext

    with translation.override("nl"):
        return gettext(msgid)
