"""Every demo role (and a visitor) walks the pages reachable from its menu and its
dashboard, at 1280 px and at 390 px: no page scrolls sideways, no visible element is wider
than the screen (unless it sits in its own scroll box), and axe-core finds no serious or
critical WCAG 2.1 A/AA violation.

Bounded: same-origin GET links only, no downloads, at most MAX_PAGES pages per role; a
public page is checked once (by the visitor), not again for every role."""

from __future__ import annotations

import re
import time
from urllib.parse import urldefrag, urlparse

import pytest
from playwright.sync_api import Browser, Page

from members.demo import DEMO_PASSWORD, DEMO_TOTP_SECRET, seed_demo

from .conftest import totp_code

pytestmark = pytest.mark.django_db(transaction=True)

AXE_URL = "/static/vendor/axe-core/axe.min.js"
WIDTHS = (1280, 390)
MAX_PAGES = 40
#: Not pages: downloads, files, the API, leaving, switching language, the Django admin.
SKIP = re.compile(
    r"/(logout|admin|api|static|media|i18n)/|\.(pdf|csv|xlsx|zip|json)$"
    r"|/(pdf|export|download|statement|evidence|template|letter)/?",
)
PUBLIC = re.compile(r"^/($|members/|bidder-check/|verify/|apply/|faq/|accounts/)")

#: Elements wider than the screen, or sticking out of it, that are not inside a box that
#: scrolls (or clips) sideways. Off-screen skip links (left: -9999px) are meant to be.
OVERFLOW_JS = """
() => {
  const width = document.documentElement.clientWidth;
  const scrolls = (el) => {
    for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
      const x = getComputedStyle(p).overflowX;
      if (x === 'auto' || x === 'scroll' || x === 'hidden' || x === 'clip') return true;
    }
    return false;
  };
  const found = [];
  for (const el of document.body.querySelectorAll('*')) {
    if (el.classList.contains('skip-link')) continue;
    const box = el.getBoundingClientRect();
    if (!box.width || !box.height) continue;
    const style = getComputedStyle(el);
    if (style.visibility === 'hidden' || style.display === 'none') continue;
    if ((box.width > width + 1 || box.right > width + 1) && !scrolls(el)) {
      const classes = typeof el.className === 'string' ? el.className.trim() : '';
      const name = el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
        (classes ? '.' + classes.split(/\\s+/).join('.') : '');
      found.push(`${name} (${Math.round(box.left)}–${Math.round(box.right)} px)`);
    }
  }
  return {scrollWidth: document.documentElement.scrollWidth, width, found: found.slice(0, 5)};
}
"""

AXE_JS = """
async () => {
  const result = await axe.run(document, {
    runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']},
    resultTypes: ['violations'],
  });
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => {
      const where = v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ');
      return `${v.id} (${v.impact}): ${where}`;
    });
}
"""


def _log_in(page: Page, email: str) -> None:
    page.goto("/accounts/login/")
    page.get_by_label("E-mailadres").fill(email)
    page.get_by_label("Wachtwoord").fill(DEMO_PASSWORD)
    page.locator("#main").get_by_role("button", name="Inloggen").click()
    page.wait_for_load_state()
    if "/2fa/" in page.url:
        page.get_by_label("Code").fill(totp_code(DEMO_TOTP_SECRET))
        page.locator("#main").get_by_role("button", name="Inloggen").click()
        page.wait_for_url(lambda url: "/accounts/" not in url)


def _links(page: Page, selector: str, origin: str) -> list[str]:
    hrefs = page.eval_on_selector_all(selector, "els => els.map((a) => a.href)")
    paths = []
    for href in hrefs:
        url = urlparse(urldefrag(href)[0])
        if f"{url.scheme}://{url.netloc}" != origin or SKIP.search(url.path):
            continue
        paths.append(url.path + (f"?{url.query}" if url.query else ""))
    return list(dict.fromkeys(paths))


def _check(page: Page, path: str, *, accessibility: bool) -> list[str]:
    """What is wrong with `path` at each width."""
    problems = []
    response = page.goto(path)
    if response is None or "text/html" not in response.headers.get("content-type", ""):
        return []
    if response.status >= 400:
        return [f"{path}: HTTP {response.status}"]
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        overflow = page.evaluate(OVERFLOW_JS)
        if overflow["scrollWidth"] > overflow["width"] or overflow["found"]:
            problems.append(
                f"{path} at {width} px: page {overflow['scrollWidth']} px wide; "
                f"too wide: {', '.join(overflow['found']) or '—'}"
            )
        if accessibility and width == WIDTHS[0]:
            # From the portal's own static files: the Content Security Policy allows no
            # inline script.
            page.add_script_tag(url=AXE_URL)
            problems += [f"{path}: {v}" for v in page.evaluate(AXE_JS)]
    return problems


def _crawl(page: Page, origin: str, start: str, checked_public: set[str]) -> list[str]:
    page.set_viewport_size({"width": WIDTHS[0], "height": 900})
    page.goto(start)
    paths = [start, *_links(page, "header nav a[href]", origin)]
    page.goto("/dashboard/" if start != "/" else "/")
    paths += _links(page, "#main a[href]", origin)
    problems = []
    for path in list(dict.fromkeys(paths))[:MAX_PAGES]:
        if PUBLIC.match(path) and start != "/" and path in checked_public:
            continue
        if start == "/":
            checked_public.add(path)
        problems += _check(page, path, accessibility=True)
    return problems


def test_every_role_sees_pages_that_fit_the_screen_and_pass_axe(
    browser: Browser, live_server, framework_v1
) -> None:
    demo_users = seed_demo()
    started = time.monotonic()
    problems: list[str] = []
    checked_public: set[str] = set()
    for email in [None, *(demo.email for demo in demo_users)]:
        context = browser.new_context(base_url=live_server.url, locale="nl-NL")
        context.set_default_timeout(15_000)
        page = context.new_page()
        try:
            if email:
                _log_in(page, email)
            found = _crawl(page, live_server.url, "/dashboard/" if email else "/", checked_public)
            problems += [f"[{email or 'visitor'}] {problem}" for problem in found]
        finally:
            context.close()
    print(f"crawl: {time.monotonic() - started:.0f} s")
    assert not problems, "\n".join(problems)


def test_the_facility_form_and_its_map_pass_axe(page: Page, world) -> None:
    """The map picker is not on a menu or dashboard: checked here (its attribution links
    once failed link-in-text-block)."""
    from tests.browser.conftest import log_in

    log_in(page, world.users["company_member"].email)
    page.wait_for_url(lambda url: "/accounts/" not in url)
    problems = _check(page, "/supplier-list/facilities/new/", accessibility=True)
    page.set_viewport_size({"width": WIDTHS[0], "height": 900})
    page.wait_for_selector(".leaflet-control-attribution a")
    assert not problems, "\n".join(problems)
