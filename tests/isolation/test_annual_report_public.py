"""The public pages of the annual report: public by policy, and default-deny in what they
show. A published version reads the same for everyone; a version that is not published
(being generated, a draft, failed) is not found on the public URLs for anyone — not its
year's page, not its PDFs — and a draft never replaces the published version of its year."""

from __future__ import annotations

from django.urls import reverse

from .harness import EVERYONE
from .harness.annual_report import draft, make_version, published

VISITORS = ("anonymous", *EVERYONE)


def _main(response) -> str:
    """The page without the visitor's menu and language switcher."""
    content = response.content.decode()
    return content[content.index('<main id="main"') : content.index("</main>")]


def test_a_version_that_is_not_published_is_not_found_for_anyone(world) -> None:
    unpublished = [
        draft(world),
        make_version(world, year=draft(world).year - 2, status="generating"),
        make_version(world, year=draft(world).year - 3, status="failed"),
    ]
    urls = []
    for report in unpublished:
        urls.append(reverse("annual:public_report", args=[report.year]))
        for language in ("nl", "en"):
            urls.append(reverse("annual:public_pdf", args=[report.year, report.version, language]))
    for who in VISITORS:
        client = world.client(who)
        for url in urls:
            response = client.get(url)
            assert response.status_code == 404, f"{who} got {response.status_code} for {url}"
        listing = client.get(reverse("annual:public_list"))
        assert listing.status_code == 200
        for report in unpublished:
            assert reverse("annual:public_report", args=[report.year]) not in _main(listing)


def test_a_draft_of_a_published_year_stays_hidden(world) -> None:
    """Version 2 of a published year is a draft: the page shows version 1, the draft's
    PDFs are not found, for everyone."""
    first = published(world)
    second = make_version(world, year=first.year, status="draft", version=2)
    page = reverse("annual:public_report", args=[first.year])
    pages = {}
    for who in VISITORS:
        client = world.client(who)
        response = client.get(page)
        assert response.status_code == 200, f"{who} got {response.status_code}"
        assert response.context["report"] == first
        assert [v.version for v in response.context["versions"]] == [1]
        pages[who] = _main(response)
        for language in ("nl", "en"):
            url = reverse("annual:public_pdf", args=[second.year, 2, language])
            assert client.get(url).status_code == 404, f"{who} reads the draft's PDF"
            url = reverse("annual:public_pdf", args=[first.year, 1, language])
            response = client.get(url)
            assert response.status_code == 200
            assert response["Content-Type"] == "application/pdf"
        german = reverse("annual:public_pdf", args=[first.year, 1, "de"])
        assert client.get(german).status_code == 404
    assert len(set(pages.values())) == 1, "the public page differs by who asks"
