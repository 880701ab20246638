"""The membership lifecycle in the browser: signing the declaration, giving notice, the
public listing and the bidder check a municipal buyer uses."""

from __future__ import annotations

import io
import re
from datetime import date, timedelta

import pytest
from django.core import mail
from django.utils import timezone
from playwright.sync_api import Page, expect
from pypdf import PdfReader

from members.disputes import register_dispute_check, unregister_dispute_check
from members.models import CovenantMembership, Declaration, Organisation, Termination
from members.rules import add_months, earliest_notice_date, notice_outcome
from tests.conftest import make_user
from tests.factories import CovenantMembershipFactory, LevelFactory, OrganisationFactory

from .conftest import log_in

pytestmark = pytest.mark.django_db(transaction=True)

DUTCH_MONTHS = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
]


def dutch_date(day: date) -> str:
    """A date as the templates show it (`j F Y` in Dutch): "1 januari 2028"."""
    return f"{day.day} {DUTCH_MONTHS[day.month - 1]} {day.year}"


def pdf_text(content: bytes) -> str:
    return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


def definition(page: Page, term: str):
    """The <dd> that belongs to the <dt> `term` in a facts list."""
    return page.locator(f"dl.facts dt:text-is('{term}') + dd")


# --- Signing the declaration --------------------------------------------------------


def test_company_admin_signs_the_declaration(page: Page) -> None:
    company = OrganisationFactory(name="Steenhouwerij De Hoeksteen B.V.", city="Tilburg")
    CovenantMembershipFactory(organisation=company, joined_on=None)
    admin = make_user(company, "admin", user__full_name="Marieke de Vries")
    today = timezone.localdate()

    log_in(page, admin.email)
    expect(page.get_by_role("heading", level=1)).to_have_text("Steenhouwerij De Hoeksteen B.V.")
    page.get_by_role("link", name="Onderteken de verklaring van uw organisatie").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Verklaring ondertekenen")
    declaration = page.locator("article.declaration-text")
    expect(declaration).to_contain_text("D. Verklaring bedrijven betreffende Initiatief TruStone")
    expect(declaration).to_contain_text("Ondergetekende verklaart kennis te hebben genomen")
    expect(page.locator("#main")).to_contain_text(
        "U ondertekent namens Steenhouwerij De Hoeksteen B.V."
    )
    # Name and date are filled in already.
    expect(page.get_by_label("Naam van de ondertekenaar")).to_have_value("Marieke de Vries")
    expect(page.locator("#id_signed_on")).to_have_value(today.isoformat())
    page.get_by_label("Functie").fill("Algemeen directeur")
    sign = page.locator("#main").get_by_role("button", name="Verklaring ondertekenen")

    # Forgetting the box: the error sits next to it and nothing is stored.
    sign.click()
    expect(page.locator("#id_agreed_error")).to_have_text(
        "Vink het vakje aan om in te stemmen met de verklaring."
    )
    expect(page.get_by_label("Functie")).to_have_value("Algemeen directeur")
    assert not Declaration.objects.exists()
    assert CovenantMembership.objects.get(organisation=company).joined_on is None

    page.get_by_label(
        "Ik heb de verklaring gelezen en onderteken deze namens mijn organisatie."
    ).check()
    sign.click()

    expect(page.locator(".messages")).to_contain_text(
        "Dank u. Uw verklaring is ondertekend; u ontvangt een kopie per e-mail."
    )
    expect(page).to_have_url(re.compile(r"/membership/$"))
    expect(definition(page, "Lid sinds")).to_have_text(dutch_date(today))
    expect(page.locator("#main")).to_contain_text(
        f"Ondertekend door Marieke de Vries (Algemeen directeur) op {dutch_date(today)}."
    )
    # Signed once: the dashboard task is gone.
    page.get_by_role("link", name="Overzicht", exact=True).click()
    expect(page.get_by_text("Er staat op dit moment niets voor u klaar.")).to_be_visible()
    page.get_by_role("link", name="Lidmaatschap", exact=True).click()

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Ondertekende verklaring downloaden (PDF)").click()
    download = download_info.value
    assert download.suggested_filename == "trustone-declaration-D.pdf"
    with open(download.path(), "rb") as pdf_file:
        content = pdf_file.read()
    assert content.startswith(b"%PDF")
    assert "Steenhouwerij De Hoeksteen B.V." in pdf_text(content)

    stored = Declaration.objects.get()
    assert (stored.organisation, stored.chapter, stored.language) == (company, "D", "nl")
    assert (stored.signer_name, stored.signer_function) == (
        "Marieke de Vries",
        "Algemeen directeur",
    )
    assert stored.signed_by == admin
    assert CovenantMembership.objects.get(organisation=company).joined_on == today
    copy = mail.outbox[-1]
    assert copy.to == [admin.email]
    assert copy.attachments[0][0] == "trustone-declaration-D.pdf"


# --- Giving notice ------------------------------------------------------------------


def test_company_admin_gives_notice_and_appears_on_the_ended_list(page: Page) -> None:
    today = timezone.localdate()
    joined = today - timedelta(days=2 * 365)
    company = OrganisationFactory(name="Marmerhandel Zuid-Holland B.V.", city="Rotterdam")
    CovenantMembershipFactory(organisation=company, joined_on=joined)
    admin = make_user(company, "admin")
    expected_end = notice_outcome(
        member_kind="company", signed_on=joined, notice_on=today, dispute_pending=False
    ).ends_on
    assert expected_end is not None

    log_in(page, admin.email)
    page.get_by_role("link", name="Lidmaatschap", exact=True).click()
    expect(page.locator("#main")).to_contain_text(
        f"Uw organisatie kan opzeggen vanaf {dutch_date(earliest_notice_date(signed_on=joined))}"
    )
    page.locator("#main").get_by_role("button", name="Opzeggen").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Opzeggen")
    expect(page.locator("#main")).to_contain_text(
        f"Als u vandaag ({dutch_date(today)}) opzegt, eindigt het lidmaatschap van uw "
        f"organisatie op {dutch_date(expected_end)}."
    )
    expect(page.locator("#main strong")).to_have_text(dutch_date(expected_end))
    page.get_by_label("Redenen voor de opzegging").fill(
        "Wij stoppen per volgend jaar met de import van natuursteen uit China."
    )
    page.get_by_label("Ik bevestig de opzegging en de hierboven getoonde einddatum.").check()
    page.locator("#main").get_by_role("button", name="Opzeggen").click()

    expect(page.locator(".messages")).to_contain_text(
        f"Uw opzegging is vastgelegd. Uw lidmaatschap eindigt op {dutch_date(expected_end)}."
    )
    expect(definition(page, "Lidmaatschap eindigt op")).to_have_text(dutch_date(expected_end))
    expect(page.locator("#main")).to_contain_text(
        f"Opzegging door het lid: het lidmaatschap eindigt op {dutch_date(expected_end)}."
    )
    termination = Termination.objects.get(organisation=company)
    assert (termination.kind, termination.notice_on, termination.ends_on) == (
        "notice",
        today,
        expected_end,
    )
    assert CovenantMembership.objects.get(organisation=company).ends_on == expected_end

    # The steering group makes it public: the "ended memberships" list shows it.
    page.context.clear_cookies()
    page.goto("/members/")
    page.get_by_role("link", name="Beëindigde lidmaatschappen").click()
    row = page.get_by_role("row").filter(has_text="Marmerhandel Zuid-Holland B.V.")
    expect(row).to_contain_text("Opzegging door het lid")
    expect(row).to_contain_text(f"{dutch_date(expected_end)} (opgezegd)")


def test_notice_within_the_first_year_is_refused_with_the_earliest_date(page: Page) -> None:
    today = timezone.localdate()
    joined = add_months(today, -3)
    company = OrganisationFactory(name="Natuursteen Brabant B.V.", city="Eindhoven")
    CovenantMembershipFactory(organisation=company, joined_on=joined)
    admin = make_user(company, "admin")

    log_in(page, admin.email)
    page.goto("/membership/notice/")

    expect(page.get_by_role("heading", level=1)).to_have_text("Opzeggen")
    earliest = earliest_notice_date(signed_on=joined)
    expect(page.get_by_role("alert")).to_have_text(
        "Opzeggen is mogelijk vanaf één jaar na ondertekening van de verklaring, dus "
        f"vanaf {dutch_date(earliest)}."
    )
    expect(page.locator("#id_reason")).to_have_count(0)
    expect(page.locator("#main").get_by_role("button", name="Opzeggen")).to_have_count(0)
    page.get_by_role("link", name="Terug naar de lidmaatschapspagina").click()
    expect(page).to_have_url(re.compile(r"/membership/$"))
    assert not Termination.objects.exists()


def test_notice_during_a_pending_dispute_is_refused(page: Page) -> None:
    today = timezone.localdate()
    company = OrganisationFactory(name="Graniet & Hardsteen Twente B.V.", city="Enschede")
    CovenantMembershipFactory(organisation=company, joined_on=today - timedelta(days=3 * 365))
    admin = make_user(company, "admin")

    def dispute_pending(organisation: Organisation) -> bool:
        return organisation.pk == company.pk

    register_dispute_check(dispute_pending)
    try:
        log_in(page, admin.email)
        page.get_by_role("link", name="Lidmaatschap", exact=True).click()
        page.locator("#main").get_by_role("button", name="Opzeggen").click()

        expect(page.get_by_role("alert")).to_have_text(
            "Opzeggen is niet mogelijk zolang er een geschil loopt waarbij uw organisatie "
            "betrokken is."
        )
        expect(page.locator("#id_reason")).to_have_count(0)
        expect(page.locator("#main")).not_to_contain_text("eindigt het lidmaatschap")
    finally:
        unregister_dispute_check(dispute_pending)
    assert not Termination.objects.exists()
    assert CovenantMembership.objects.get(organisation=company).ends_on is None


# --- The public listing ---------------------------------------------------------------


def _listed_company(name: str, country: str, city: str, level: int | None) -> Organisation:
    organisation = OrganisationFactory(name=name, country=country, city=city)
    CovenantMembershipFactory(organisation=organisation, joined_on=date(2025, 4, 1))
    if level is not None:
        LevelFactory(
            organisation=organisation, year=2025, level=level, decided_on=date(2025, 11, 1)
        )
    return organisation


def test_public_listing_with_filters_and_a_members_page(page: Page) -> None:
    hoeksteen = _listed_company("Van der Steen Natuursteen B.V.", "NL", "Utrecht", 3)
    # An earlier, public level and a first-term level that stays hidden.
    LevelFactory(organisation=hoeksteen, year=2024, level=2, decided_on=date(2025, 4, 15))
    LevelFactory(organisation=hoeksteen, year=2023, level=1, decided_on=date(2024, 6, 1))
    _listed_company("Graniet Import Nederland B.V.", "NL", "Amersfoort", 2)
    _listed_company("Hollandse Hardsteen Groep B.V.", "NL", "Zwolle", 4)
    _listed_company("Blauwe Steen Henegouwen NV", "BE", "Soignies", 3)
    _listed_company("Arduin Vlaanderen BV", "BE", "Gent", 1)
    _listed_company("Kempische Natuursteen NV", "BE", "Geel", 5)
    first_term_only = _listed_company("Limburgse Mergelgroeve B.V.", "NL", "Valkenburg", None)
    LevelFactory(organisation=first_term_only, year=2024, level=4, decided_on=date(2024, 10, 1))
    unsigned = OrganisationFactory(name="Zeeuwse Steenhandel B.V.", city="Middelburg")
    CovenantMembershipFactory(organisation=unsigned, joined_on=None)
    supporter = OrganisationFactory(name="Stichting Eerlijke Steen", kind="ngo", city="Den Haag")
    CovenantMembershipFactory(
        organisation=supporter, member_type="supporting", joined_on=date(2025, 6, 2)
    )

    page.goto("/")
    page.get_by_role("link", name="Leden", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Wie doet mee")
    count = page.locator("#main p[role=status]")
    expect(count).to_have_text("7 vermeld")
    names = page.locator("table.listing tbody tr td:first-child a")
    expect(names).to_have_text(
        [
            "Arduin Vlaanderen BV",
            "Blauwe Steen Henegouwen NV",
            "Graniet Import Nederland B.V.",
            "Hollandse Hardsteen Groep B.V.",
            "Kempische Natuursteen NV",
            "Limburgse Mergelgroeve B.V.",
            "Van der Steen Natuursteen B.V.",
        ]
    )
    expect(page.locator("#main")).not_to_contain_text("Zeeuwse Steenhandel")
    mergel = page.get_by_role("row").filter(has_text="Limburgse Mergelgroeve B.V.")
    expect(mergel.locator("td.level")).to_have_text("nog niet beoordeeld")
    expect(mergel).to_contain_text("nog geen openbare niveaus")

    # Level 3 only.
    page.locator("#id_level").select_option("3")
    page.locator("#main").get_by_role("button", name="Filteren").click()
    expect(count).to_have_text("2 vermeld")
    expect(names).to_have_text(["Blauwe Steen Henegouwen NV", "Van der Steen Natuursteen B.V."])
    expect(page.locator("#id_level")).to_have_value("3")

    # Belgian members, any level.
    page.locator("#id_level").select_option(label="Alle niveaus")
    page.locator("#id_country").select_option(label="België")
    page.locator("#main").get_by_role("button", name="Filteren").click()
    expect(count).to_have_text("3 vermeld")
    expect(names).to_have_text(
        ["Arduin Vlaanderen BV", "Blauwe Steen Henegouwen NV", "Kempische Natuursteen NV"]
    )
    expect(page.get_by_role("row").filter(has_text="Kempische")).to_contain_text("België")

    # Not assessed yet: the first-term level does not count.
    page.locator("#id_country").select_option(label="Alle landen")
    page.locator("#id_level").select_option(label="Nog niet beoordeeld")
    page.locator("#main").get_by_role("button", name="Filteren").click()
    expect(names).to_have_text(["Limburgse Mergelgroeve B.V."])

    # A name search, then nothing at all.
    page.locator("#id_level").select_option(label="Alle niveaus")
    page.locator("#id_q").fill("graniet")
    page.locator("#main").get_by_role("button", name="Filteren").click()
    expect(names).to_have_text(["Graniet Import Nederland B.V."])
    page.locator("#id_q").fill("Carrara")
    page.locator("#main").get_by_role("button", name="Filteren").click()
    expect(count).to_have_text("0 vermeld")
    expect(page.get_by_text("Geen leden voldoen aan deze filters.")).to_be_visible()

    page.get_by_role("link", name="Filters wissen").click()
    expect(count).to_have_text("7 vermeld")
    expect(page.locator("#id_q")).to_have_value("")
    expect(page.get_by_role("link", name="Filters wissen")).to_have_count(0)

    # A member's page: its level per year, without the first term.
    page.get_by_role("link", name="Van der Steen Natuursteen B.V.").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Van der Steen Natuursteen B.V.")
    expect(definition(page, "Lid sinds")).to_have_text("1 april 2025")
    expect(definition(page, "Plaats")).to_have_text("Utrecht, Nederland")
    expect(definition(page, "Huidig niveau")).to_have_text("3")
    history = page.locator("article").filter(has_text="Niveau per jaar").locator("tbody tr")
    expect(history).to_have_count(2)
    expect(history.nth(0)).to_have_text(re.compile(r"2024\s*2"))
    expect(history.nth(1)).to_have_text(re.compile(r"2025\s*3"))
    expect(page.get_by_role("img", name="2024: niveau 2, 2025: niveau 3")).to_be_visible()

    page.get_by_role("link", name="Alle leden").click()
    page.get_by_role("link", name="Begunstigende leden").click()
    expect(page.get_by_role("link", name="Begunstigende leden")).to_have_attribute(
        "aria-current", "page"
    )
    expect(count).to_have_text("1 vermeld")
    expect(page.get_by_role("cell", name="Stichting Eerlijke Steen")).to_be_visible()
    expect(page.get_by_role("cell", name="2 juni 2025")).to_be_visible()
    expect(page.locator("#main")).not_to_contain_text("Van der Steen")


# --- The bidder check -----------------------------------------------------------------


def test_municipal_buyer_checks_bidders(page: Page) -> None:
    municipality = OrganisationFactory(name="Gemeente Utrecht", kind="government")
    buyer = make_user(municipality, "admin", user__full_name="Inkoper Sanne Bakker")
    belgian = OrganisationFactory(
        name="Blauwe Steen Henegouwen NV",
        slug="blauwe-steen-henegouwen",
        country="BE",
        city="Soignies",
        registration_number="BE 0401.234.567",
    )
    CovenantMembershipFactory(organisation=belgian, joined_on=date(2025, 4, 1))
    LevelFactory(organisation=belgian, year=2025, level=4, decided_on=date(2025, 11, 1))
    ended = OrganisationFactory(
        name="Oude Groeve Natuursteen B.V.", slug="oude-groeve", registration_number="30123456"
    )
    CovenantMembershipFactory(
        organisation=ended, joined_on=date(2023, 2, 1), ends_on=date(2026, 1, 1)
    )

    log_in(page, buyer.email)  # a government: no authenticator app needed
    expect(page.get_by_role("heading", level=1)).to_have_text("Gemeente Utrecht")
    page.get_by_role("link", name="Inschrijver controleren").first.click()  # the menu's
    expect(page.get_by_role("heading", level=1)).to_have_text("Inschrijver controleren")

    search = page.get_by_label("Bedrijfsnaam, KvK-nummer of Belgisch ondernemingsnummer")
    check = page.locator("#main").get_by_role("button", name="Controleren")
    search.fill("0401.234.567")
    check.click()
    expect(page.get_by_role("heading", level=2)).to_have_text(
        f"Resultaat op {dutch_date(timezone.localdate())}"
    )
    rows = page.locator("#main table tbody tr")
    expect(rows).to_have_count(1)
    cells = rows.first.get_by_role("cell")
    expect(cells.nth(0)).to_contain_text("Blauwe Steen Henegouwen NV")
    expect(cells.nth(0)).to_contain_text("Volledig lid · BE 0401.234.567")
    expect(cells.nth(1)).to_have_text("Ja")
    expect(cells.nth(2)).to_have_text("1 april 2025")
    expect(cells.nth(3)).to_have_text("4")

    search.fill("Oude Groeve")
    check.click()
    expect(rows).to_have_count(1)
    cells = rows.first.get_by_role("cell")
    expect(cells.nth(1)).to_contain_text("Nee")
    expect(cells.nth(1)).to_contain_text("lidmaatschap beëindigd op 1 januari 2026")
    expect(cells.nth(2)).to_have_text("1 februari 2023")

    search.fill("Xqzw Marmer")
    check.click()
    expect(rows).to_have_count(0)
    expect(
        page.get_by_text(
            "Geen aangesloten bedrijf gevonden. Een bedrijf dat niet wordt gevonden, is "
            "geen lid van TruStone."
        )
    ).to_be_visible()

    search.fill("BE0401 234 567")
    check.click()
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Verificatieverklaring downloaden (PDF)").click()
    download = download_info.value
    assert download.suggested_filename.startswith("trustone-verification-blauwe-steen-henegouwen-")
    with open(download.path(), "rb") as pdf_file:
        content = pdf_file.read()
    assert content.startswith(b"%PDF")
    text = pdf_text(content)
    assert "Blauwe Steen Henegouwen NV" in text
    assert "Ja" in text

    # Systems ask the same question through the public API.
    response = page.request.get("/api/v1/public/bidder-check/?q=0401.234.567")
    assert response.ok
    assert response.json() == [
        {
            "name": "Blauwe Steen Henegouwen NV",
            "slug": "blauwe-steen-henegouwen",
            "registration_number": "BE 0401.234.567",
            "country": "BE",
            "is_listed": True,
            "member_type": "full",
            "member_since": "2025-04-01",
            "membership_ends_on": None,
            "level": 4,
            "checked_on": timezone.localdate().isoformat(),
        }
    ]
    ended_result = page.request.get("/api/v1/public/bidder-check/?q=Oude Groeve").json()
    assert [(r["name"], r["is_listed"], r["membership_ends_on"]) for r in ended_result] == [
        ("Oude Groeve Natuursteen B.V.", False, "2026-01-01")
    ]
    assert page.request.get("/api/v1/public/bidder-check/?q=Xqzw Marmer").json() == []
