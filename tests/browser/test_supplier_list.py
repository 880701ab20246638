"""The supplier list in Chromium: the map picker and an upload with errors, then fixed."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from supplychain.models import Chain, Facility
from tests.conftest import make_user
from tests.factories import OrganisationFactory

from .conftest import in_dutch_plural, log_in

pytestmark = pytest.mark.django_db(transaction=True)

HEADER = (
    "product;fabriek_naam;fabriek_adres;fabriek_plaats;fabriek_land;fabriek_breedtegraad;"
    "fabriek_lengtegraad;groeve_naam;groeve_land;land_winning;land_verwerking;"
    "inkoopvolume_euro;circulair"
)


def test_a_click_on_the_map_fills_in_the_coordinates(page: Page) -> None:
    company = OrganisationFactory(name="Mosa Graniet Maastricht")
    user = make_user(company, "member")
    log_in(page, user.email)
    page.get_by_role("link", name="Leverancierslijst").click()
    page.get_by_role("link", name="Groeve toevoegen").click()
    page.locator("#id_name").fill("Chimakurthy quarry")
    page.locator("#id_country").select_option("IN")
    page.locator("#map-picker").click(position={"x": 200, "y": 150})
    expect(page.locator("#id_latitude")).not_to_have_value("")
    expect(page.locator("#id_longitude")).not_to_have_value("")
    page.locator("#main").get_by_role("button", name="Opslaan").click()
    expect(page.locator(".messages")).to_contain_text("Chimakurthy quarry")
    facility = Facility.objects.get()
    assert facility.kind == "quarry"
    assert -90 <= facility.latitude <= 90 and -180 <= facility.longitude <= 180


def test_an_upload_with_errors_is_fixed_and_imported(page: Page, tmp_path: Path) -> None:
    company = OrganisationFactory(name="Brabant Sierbestrating B.V.")
    user = make_user(company, "admin")
    bad = tmp_path / "leverancierslijst.csv"
    bad.write_text(
        HEADER + "\n"
        "Kandla Grey;Shree Ganesh;RIICO;Kota;Atlantis;25.18;75.83;Bijolia;IN;IN;IN;1000;nee\n"
        "G654;Xiamen Granite;;Shuitou;China;118.43;24.73;;;CN;CN;veel;nee\n",
        encoding="utf-8",
    )
    log_in(page, user.email)
    page.goto("/supplier-list/upload/")
    page.locator("#id_file").set_input_files(str(bad))
    page.locator("#main").get_by_role("button", name="Bestand controleren").click()
    problems = page.locator(".problems tbody tr")
    expect(problems).to_have_count(3)
    expect(problems.nth(0)).to_contain_text("fabriek_land")
    expect(problems.nth(0)).to_contain_text("onbekend land Atlantis")
    expect(problems.nth(1)).to_contain_text("verwisseld")
    expect(problems.nth(2)).to_contain_text("veel is geen getal")
    assert not Chain.objects.exists()

    good = tmp_path / "leverancierslijst-goed.csv"
    good.write_text(
        HEADER + "\n"
        "Kandla Grey;Shree Ganesh;RIICO;Kota;India;25.18;75.83;Bijolia;IN;IN;IN;1000;nee\n"
        "G654;Xiamen Granite;;Shuitou;China;24.73;118.43;;;CN;CN;3000;nee\n",
        encoding="utf-8",
    )
    page.locator("#id_file").set_input_files(str(good))
    page.locator("#main").get_by_role("button", name="Bestand controleren").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Het bestand is geldig")
    page.get_by_role("button", name=re.compile("Leverancierslijst importeren")).click()
    expect(page.locator(".messages")).to_contain_text(
        in_dutch_plural(
            "%(count)s chain has been imported.", "%(count)s chains have been imported.", 2
        )
    )
    expect(page.locator(".insight")).to_contain_text("100,0 %")
    assert Chain.objects.count() == 2


def test_the_insight_follows_the_chain_while_it_is_typed(page: Page) -> None:
    company = OrganisationFactory(name="Limburgse Natuursteen")
    user = make_user(company, "member")
    known = Facility.objects.create(
        organisation=company, kind="factory", name="Known Works", country="IN", address="Kota"
    )
    Chain.objects.create(organisation=company, product="G654", volume_eur=300)
    log_in(page, user.email)
    page.goto("/supplier-list/chains/new/")
    factory = page.locator('[data-insight="factory"]')
    expect(factory).to_have_text("0,0 %")
    page.locator("#id_product").fill("Kandla Grey")
    page.locator("#id_factory").select_option(str(known.pk))
    page.locator("#id_volume_eur").fill("100")
    # 100 of 400 euro has a known factory: 25 %, before saving anything.
    expect(factory).to_contain_text("25,0 %")
    expect(page.locator("#insight")).to_contain_text("niveau 1 vraagt 50 %")
    page.locator("#id_volume_eur").fill("900")
    expect(factory).to_contain_text("75,0 %")
    expect(page.locator("#insight")).to_contain_text("Genoeg voor niveau 2")
    assert Chain.objects.count() == 1
    page.locator("#main").get_by_role("button", name="Opslaan").click()
    expect(page.locator(".insight")).to_contain_text("75,0 %")
    assert Chain.objects.count() == 2
