"""Bidder statements that cannot be forged: every download is stored under a random
verification code; the PDF carries the code, the address and a QR code; anyone can verify
a code, and nobody can guess one."""

import re
from datetime import date
from io import BytesIO

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from procurement import rules
from procurement.bidders import bidder_by_slug
from procurement.models import BidderStatement
from procurement.statements import statement_issue
from tests.factories import CovenantMembershipFactory, LevelFactory, OrganisationFactory
from trustone.audit.models import AuditEntry

pytestmark = pytest.mark.django_db

CODE = re.compile(r"^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$")
REFUSAL = "The TruStone portal issued no statement with this code."


def member(name="Mosa Graniet B.V.", *, level=3, ends_on=None, **extra):
    organisation = OrganisationFactory(name=name, registration_number="14056789", **extra)
    CovenantMembershipFactory(
        organisation=organisation, member_type="full", joined_on=date(2025, 4, 1), ends_on=ends_on
    )
    if level is not None:
        LevelFactory(organisation=organisation, level=level)
    return organisation


def english(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def download(client, organisation):
    return client.get(reverse("procurement:bidder_statement", args=[organisation.slug]))


def pdf_text(content: bytes) -> str:
    return "".join(page.extract_text() for page in PdfReader(BytesIO(content)).pages)


def test_a_download_stores_what_the_statement_says(client) -> None:
    organisation = member()
    response = download(english(client), organisation)
    assert response.status_code == 200
    statement = BidderStatement.objects.get()
    result = bidder_by_slug(organisation.slug)
    assert (
        statement.organisation,
        statement.is_listed,
        statement.level,
        statement.member_type,
        statement.joined_on,
        statement.ends_on,
    ) == (
        organisation,
        result.is_listed,
        result.level,
        result.member_type,
        result.joined_on,
        result.ends_on,
    )
    assert (statement.is_listed, statement.level, statement.member_type) == (True, 3, "full")
    assert abs((timezone.now() - statement.issued_at).total_seconds()) < 60
    entry = AuditEntry.objects.get(action="bidder_statement_issued")
    assert (entry.target_id, entry.user) == (str(statement.pk), None)


def test_the_pdf_carries_the_code_the_address_and_a_qr_code(client) -> None:
    organisation = member()
    response = download(english(client), organisation)
    statement = BidderStatement.objects.get()
    code = rules.statement_code_display(statement.code)
    reader = PdfReader(BytesIO(response.content))
    assert len(reader.pages) == 1
    text = pdf_text(response.content)
    assert code in text
    assert f"{settings.PORTAL_URL}/verify/{code}/" in text.replace("\n", "")
    assert "Mosa Graniet B.V." in text
    # No QR decoder is installed. WeasyPrint draws the SVG QR code as vector paths, one
    # per dark module (hundreds); the rest of the page (text, table rules) draws a few
    # dozen. test_the_pdf_template_embeds_the_qr_code_of_the_address checks which code.
    drawing = reader.pages[0].get_contents().get_data().decode("latin-1")
    assert len(re.findall(r"^[-\d.]+ [-\d.]+ m$", drawing, re.MULTILINE)) > 200


def test_the_pdf_template_embeds_the_qr_code_of_the_address(client) -> None:
    from django.template.loader import render_to_string

    from procurement import statements
    from trustone.pdf import qr_code_data_uri

    statement = statement_issue(organisation_result=bidder_by_slug(member().slug))
    url = statements.statement_verify_url(statement)
    html = render_to_string(
        "pdf/procurement/verification_statement.html",
        {"statement": statement, "code": "X", "verify_url": url, "qr_code": qr_code_data_uri(url)},
    )
    [source] = re.findall(r'<img src="([^"]+)"', html)
    assert source.startswith("data:image/svg+xml;base64,")
    assert source == qr_code_data_uri(url)  # the QR code of exactly this address


def test_the_verify_page_shows_what_was_issued(client) -> None:
    organisation = member()
    statement = statement_issue(organisation_result=bidder_by_slug(organisation.slug))
    code = rules.statement_code_display(statement.code)
    response = english(client).get(f"/verify/{code}/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "Mosa Graniet B.V." in page
    assert timezone.localtime(statement.issued_at).strftime("%Y") in page
    assert '<dt>Listed as a TruStone member</dt><dd><strong class="yes">Yes</strong>' in page
    assert "<dt>Level</dt><dd>3</dd>" in page
    assert "Full member" in page
    assert "1 April 2025" in page
    assert "is still as the statement says" in page
    assert "14056789" not in page  # only what the brief lists; no internal fields
    assert f"/verify/{code}/" == reverse("procurement:statement", args=[code])


def test_the_verify_page_notes_what_changed_since(client) -> None:
    organisation = member(level=3)
    statement = statement_issue(organisation_result=bidder_by_slug(organisation.slug))
    url = f"/verify/{rules.statement_code_display(statement.code)}/"
    LevelFactory(organisation=organisation, year=2026, level=4, decided_on=date(2026, 11, 1))
    page = english(client).get(url).content.decode()
    assert "<dt>Level</dt><dd>3</dd>" in page  # as issued
    assert "Today this company is at level 4." in page
    organisation.covenant.ends_on = date(2025, 12, 31)
    organisation.covenant.save()
    page = client.get(url).content.decode()
    assert '<strong class="yes">Yes</strong>' in page  # listed when it was issued
    assert "Today this company is no longer listed as a TruStone member." in page


def test_the_code_is_accepted_in_any_case_with_or_without_dashes(client) -> None:
    statement = statement_issue(organisation_result=bidder_by_slug(member().slug))
    code = rules.statement_code_display(statement.code)
    typed = f"  {statement.code[:8].lower()} {statement.code[8:]} "
    response = client.get(reverse("procurement:verify"), {"code": typed})
    assert response.status_code == 302
    assert response["Location"] == f"/verify/{code}/"
    assert client.get(f"/verify/{statement.code.lower()}/").status_code == 200


def test_a_wrong_and_a_malformed_code_get_the_same_refusal(client) -> None:
    statement_issue(organisation_result=bidder_by_slug(member().slug))
    english(client)
    unknown = client.get("/verify/K7Q2-M9XD-4PRT-8HZA/")
    malformed = client.get("/verify/not-a-code/")
    typed = client.get(reverse("procurement:verify"), {"code": "!!"})
    for response in (unknown, malformed, typed):
        assert response.status_code == 404
        page = response.content.decode()
        assert REFUSAL in page
        assert "Mosa Graniet" not in page
    assert [r.context["form"].errors for r in (unknown, malformed, typed)] == [
        {"code": [REFUSAL + " Check that you typed the code as it is printed on the statement."]}
    ] * 3


def test_too_many_wrong_codes_are_refused_even_a_right_one(client, settings) -> None:
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "statement_verify_failed": "3/h"}
    statement = statement_issue(organisation_result=bidder_by_slug(member().slug))
    english(client)
    for _ in range(3):
        assert client.get("/verify/K7Q2-M9XD-4PRT-8HZA/").status_code == 404
    # Right codes are not counted, and do not reset the count.
    refused = client.get(f"/verify/{statement.code}/")
    assert refused.status_code == 429
    assert "Too many wrong codes were tried from here." in refused.content.decode()
    assert "Mosa Graniet" not in refused.content.decode()
    assert client.get(reverse("procurement:verify"), {"code": "x"}).status_code == 429
    other = english(type(client)(REMOTE_ADDR="192.0.2.99"))
    assert other.get(f"/verify/{statement.code}/").status_code == 200


def test_a_right_code_is_not_counted(client, settings) -> None:
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "statement_verify_failed": "2/h"}
    statement = statement_issue(organisation_result=bidder_by_slug(member().slug))
    for _ in range(5):
        assert client.get(f"/verify/{statement.code}/").status_code == 200


def test_statement_downloads_are_rate_limited(client, settings) -> None:
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "bidder_statement": "2/h"}
    organisation = member()
    assert [download(english(client), organisation).status_code for _ in range(3)] == [
        200,
        200,
        429,
    ]
    assert BidderStatement.objects.count() == 2
    refused = download(client, organisation)
    assert "Many statements were downloaded from here" in refused.content.decode()


def test_codes_are_random_and_unique() -> None:
    result = bidder_by_slug(member().slug)
    codes = [statement_issue(organisation_result=result).code for _ in range(20)]
    assert len(set(codes)) == 20
    for code in codes:
        assert len(code) == rules.STATEMENT_CODE_LENGTH == 16
        assert set(code) <= set(rules.STATEMENT_CODE_ALPHABET)
        assert CODE.match(rules.statement_code_display(code))
    assert len(rules.STATEMENT_CODE_ALPHABET) ** rules.STATEMENT_CODE_LENGTH >= 2**80
    # 20 codes of 16 characters use many different characters (not a counter or a hash
    # of the company: two statements of the same result differ).
    assert len(set("".join(codes))) > 20


def test_the_bidder_check_links_to_the_verify_page(client) -> None:
    page = client.get(reverse("procurement:bidder_check")).content.decode()
    assert f'href="{reverse("procurement:verify")}"' in page
    assert reverse("procurement:verify") == "/verify/"


def test_a_statement_of_an_unlisted_company_verifies_as_not_listed(client) -> None:
    organisation = member("Oude Groeve B.V.", ends_on=date(2025, 12, 31), level=None)
    download(client, organisation)
    statement = BidderStatement.objects.get()
    assert (statement.is_listed, statement.level, statement.ends_on) == (
        False,
        None,
        date(2025, 12, 31),
    )
    page = english(client).get(f"/verify/{statement.code}/").content.decode()
    assert '<strong class="no">No</strong>' in page
    assert "not yet assessed" in page
    assert "Today the company's listing is still as the statement says." in page


def test_the_statement_keeps_the_company_name_it_was_issued_with(db) -> None:
    from django.test import Client

    from members.models import CovenantMembership, Organisation

    company = Organisation.objects.create(
        name="Steenhandel Oud B.V.", slug="oud", kind="company", registration_number="12345678"
    )
    CovenantMembership.objects.create(
        organisation=company, member_type="full", joined_on=date(2024, 1, 1)
    )
    statement = statement_issue(organisation_result=bidder_by_slug("oud"))
    Organisation.objects.filter(pk=company.pk).update(name="Steenhandel Nieuw B.V.")
    page = Client().get(reverse("procurement:statement", args=[statement.code]))
    assert "Steenhandel Oud B.V." in page.content.decode()
    assert statement.registration_number == "12345678"
