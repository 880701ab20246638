"""The supplier list in the browser's HTTP terms: forms, upload, export, the command."""

import io
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from supplychain.models import Chain, Facility, SupplierListUpload
from trustone.audit.models import AuditEntry

pytestmark = pytest.mark.django_db

HEADER = [
    "product",
    "fabriek_naam",
    "fabriek_adres",
    "fabriek_plaats",
    "fabriek_land",
    "fabriek_breedtegraad",
    "fabriek_lengtegraad",
    "groeve_naam",
    "groeve_land",
    "land_winning",
    "land_verwerking",
    "inkoopvolume_euro",
    "circulair",
]


def csv_file(rows, name="lijst.csv"):
    text = "\n".join(";".join(row) for row in [HEADER, *rows])
    file = io.BytesIO(text.encode())
    file.name = name
    return file


def good_row(number=1):
    return [
        f"Kandla Grey {number}",
        f"Stone Works {number}",
        "RIICO",
        "Kota",
        "India",
        "25.18",
        "75.83",
        f"Bijolia {number % 3}",
        "IN",
        "IN",
        "IN",
        "1000",
        "nee",
    ]


def test_company_user_builds_the_list_and_sees_the_insight(world) -> None:
    client = world.client("company_member")
    client.post(
        reverse("supplychain:facility_create"),
        {
            "kind": "factory",
            "name": "Rajasthan Stone Works",
            "country": "IN",
            "latitude": "25.18",
            "longitude": "75.83",
        },
    )
    client.post(
        reverse("supplychain:facility_create"),
        {"kind": "factory", "name": "Naamloze fabriek", "country": "CN"},
    )
    identified, unknown_address = Facility.objects.order_by("id")
    client.post(
        reverse("supplychain:chain_create"),
        {"product": "Kandla Grey", "factory": identified.pk, "volume_eur": "300"},
    )
    client.post(
        reverse("supplychain:chain_create"),
        {"product": "G654", "factory": unknown_address.pk, "volume_eur": "100"},
    )
    page = client.get(reverse("supplychain:supplier_list"))
    assert page.context["factory_insight"] == Decimal("75.0")
    assert page.context["quarry_insight"] == Decimal("0.0")
    chain = Chain.objects.get(product="G654")
    assert chain.updated_by == world.users["company_member"]
    assert AuditEntry.objects.filter(action="chain_created").count() == 2


def test_the_insight_previews_a_chain_while_it_is_typed_and_saves_nothing(world) -> None:
    company = world.organisations["company"]
    known = Facility.objects.create(
        organisation=company, kind="factory", name="Known", country="IN", address="Kota"
    )
    unknown = Facility.objects.create(
        organisation=company, kind="factory", name="Unknown", country="CN"
    )
    chain = Chain.objects.create(
        organisation=company, product="G654", factory=unknown, volume_eur=Decimal("100")
    )
    Chain.objects.create(
        organisation=company, product="Kandla", factory=known, volume_eur=Decimal("100")
    )
    client = world.client("company_member")

    # Editing the unknown chain to point at the known factory: 50 % now, 100 % with it.
    response = client.post(
        reverse("supplychain:chain_insight", args=[chain.pk]),
        {"product": "G654", "factory": known.pk, "volume_eur": "100"},
    )
    assert response.status_code == 200
    factory, quarry = response.context["insight"]
    assert (factory["percent"], factory["before"], factory["reached"]) == (
        Decimal("100.0"),
        Decimal("50.0"),
        5,
    )
    assert (quarry["percent"], quarry["reached"], quarry["next_level"]) == (Decimal("0.0"), 0, 1)
    assert 'data-insight="factory">100,0 %' in response.content.decode()

    # A new chain, half typed (volume not a number yet): counted by the fields that are valid.
    response = client.post(
        reverse("supplychain:chain_create_insight"),
        {"product": "", "factory": known.pk, "volume_eur": "2x", "is_circular": "on"},
    )
    factory, quarry = response.context["insight"]
    assert (factory["percent"], quarry["percent"]) == (Decimal("50.0"), Decimal("0.0"))
    response = client.post(
        reverse("supplychain:chain_create_insight"),
        {"product": "", "factory": known.pk, "volume_eur": "200", "is_circular": "on"},
    )
    factory, quarry = response.context["insight"]
    assert (factory["percent"], quarry["percent"]) == (Decimal("75.0"), Decimal("50.0"))
    assert Chain.objects.count() == 2
    chain.refresh_from_db()
    assert chain.factory_id == unknown.pk


def test_swapped_coordinates_are_refused_with_a_reason(world) -> None:
    response = world.client("company_member").post(
        reverse("supplychain:facility_create"),
        {
            "kind": "quarry",
            "name": "Bijolia",
            "country": "IN",
            "latitude": "120",
            "longitude": "25",
        },
    )
    assert response.status_code == 400
    assert "latitude" in response.context["form"].errors
    assert not Facility.objects.exists()


def test_a_facility_in_a_chain_cannot_be_removed(world) -> None:
    client = world.client("company_admin")
    facility = Facility.objects.create(
        organisation=world.organisations["company"], kind="factory", name="In gebruik", country="IN"
    )
    Chain.objects.create(organisation=world.organisations["company"], product="X", factory=facility)
    client.post(reverse("supplychain:facility_delete", args=[facility.pk]))
    assert Facility.objects.filter(pk=facility.pk).exists()


def test_a_chain_cannot_use_another_companys_facility(world) -> None:
    foreign = Facility.objects.create(
        organisation=world.organisations["other_company"],
        kind="factory",
        name="Concurrent",
        country="IN",
    )
    response = world.client("company_admin").post(
        reverse("supplychain:chain_create"), {"product": "X", "factory": foreign.pk}
    )
    assert response.status_code == 400
    assert not Chain.objects.exists()


def test_another_company_never_sees_the_list(world) -> None:
    Facility.objects.create(
        organisation=world.organisations["company"],
        kind="factory",
        name="Geheime Fabriek",
        country="IN",
    )
    page = world.client("other_company_admin").get(reverse("supplychain:supplier_list"))
    assert "Geheime Fabriek" not in page.content.decode()
    export = world.client("other_company_admin").get(
        reverse("supplychain:export"), {"format": "csv"}
    )
    assert "Geheime Fabriek" not in export.content.decode("utf-8-sig")


def test_an_invalid_upload_shows_every_problem_and_changes_nothing(world) -> None:
    Chain.objects.create(organisation=world.organisations["company"], product="Bestaand")
    bad = good_row(2)
    bad[4] = "Atlantis"
    bad[11] = "veel"
    response = world.client("company_admin").post(
        reverse("supplychain:upload"), {"file": csv_file([good_row(1), bad, good_row(1)])}
    )
    assert response.status_code == 400
    found = [(p.row, p.column) for p in response.context["problems"]]
    assert found == [(3, "fabriek_land"), (3, "inkoopvolume_euro"), (4, "")]
    assert list(Chain.objects.values_list("product", flat=True)) == ["Bestaand"]
    assert not SupplierListUpload.objects.exists()


def test_a_valid_upload_is_confirmed_then_replaces_the_list(world) -> None:
    Chain.objects.create(organisation=world.organisations["company"], product="Oud")
    client = world.client("company_admin")
    response = client.post(
        reverse("supplychain:upload"), {"file": csv_file([good_row(n) for n in range(1, 7)])}
    )
    assert response.status_code == 200
    assert (
        response.context["chains"],
        response.context["factories"],
        response.context["quarries"],
        response.context["existing"],
    ) == (6, 6, 3, 1)
    assert Chain.objects.count() == 1  # nothing yet
    upload = response.context["upload"]
    client.post(reverse("supplychain:upload_confirm", args=[upload.pk]))
    assert Chain.objects.count() == 6
    assert Facility.objects.filter(kind="quarry").count() == 3
    # A second confirmation of the same file is refused.
    client.post(reverse("supplychain:upload_confirm", args=[upload.pk]))
    assert Chain.objects.count() == 6


def test_xlsx_upload_and_export_round_trip(world) -> None:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(HEADER)
    sheet.append(good_row(1)[:11] + [2500.5, "ja"])
    content = io.BytesIO()
    workbook.save(content)
    content.seek(0)
    content.name = "lijst.xlsx"
    client = world.client("company_admin")
    response = client.post(reverse("supplychain:upload"), {"file": content})
    client.post(reverse("supplychain:upload_confirm", args=[response.context["upload"].pk]))
    chain = Chain.objects.get()
    assert (chain.volume_eur, chain.is_circular) == (Decimal("2500.50"), True)
    exported = client.get(reverse("supplychain:export"))
    rows = list(load_workbook(io.BytesIO(exported.content)).worksheets[0].values)
    assert rows[0][0] == "product" and rows[1][0] == "Kandla Grey 1"


def test_template_downloads_in_both_languages(world) -> None:
    client = world.client("company_member")
    dutch = client.get(reverse("supplychain:template"), {"format": "csv"})
    assert dutch.content.decode("utf-8-sig").splitlines()[0].startswith("product;fabriek_naam")
    client.cookies["django_language"] = "en"
    english = client.get(reverse("supplychain:template"), {"format": "csv"})
    assert english.content.decode("utf-8-sig").splitlines()[0].startswith("product;factory_name")


def test_import_command_dry_run_errors_and_import(world, tmp_path, capsys) -> None:
    bad = tmp_path / "fout.csv"
    row = good_row(1)
    row[5] = "95"
    row[6] = "25"
    bad.write_text("\n".join(";".join(r) for r in [HEADER, row]), encoding="utf-8")
    with pytest.raises(CommandError, match="nothing was imported"):
        call_command("import_supplier_list", "vds", str(bad))
    assert "rij 2, kolom fabriek_breedtegraad" in capsys.readouterr().err
    assert not Chain.objects.exists()

    good = tmp_path / "goed.csv"
    good.write_text(
        "\n".join(";".join(r) for r in [HEADER, good_row(1), good_row(2)]), encoding="utf-8"
    )
    call_command("import_supplier_list", "vds", str(good), "--dry-run")
    assert not Chain.objects.exists()
    call_command("import_supplier_list", str(world.organisations["company"].pk), str(good))
    assert Chain.objects.filter(organisation=world.organisations["company"]).count() == 2


def test_the_secretariat_reads_a_companys_list(world) -> None:
    Facility.objects.create(
        organisation=world.organisations["company"],
        kind="factory",
        name="Shree Ganesh",
        country="IN",
        address="Kota",
    )
    url = reverse(
        "supplychain:organisation_supplier_list", args=[world.organisations["company"].pk]
    )
    # The live list is the coordinator's to read; an assessor reads the frozen one in the
    # report it is granted.
    assert world.client("secretariat_assessor").get(url).status_code == 404
    page = world.client("secretariat_admin").get(url)
    assert page.status_code == 200
    assert page.context["organisation"] == world.organisations["company"]
    assert "Concurrentiegevoelig" in page.content.decode()


def test_coordinates_outside_the_country_are_saved_with_a_warning(world) -> None:
    response = world.client("company_member").post(
        reverse("supplychain:facility_create"),
        {
            "kind": "factory",
            "name": "Shree Ganesh",
            "country": "IN",
            "latitude": "74.86",
            "longitude": "26.58",
        },
        follow=True,
    )
    assert response.status_code == 200
    assert Facility.objects.filter(name="Shree Ganesh").exists()
    warnings = [str(m) for m in response.context["messages"] if m.level_tag == "warning"]
    assert len(warnings) == 1
    assert "India" in warnings[0] and "omgewisseld" in warnings[0]  # the portal speaks Dutch


def test_the_upload_preview_warns_about_coordinates_outside_the_country(world) -> None:
    """A swapped pair (the Barents Sea for Kota) is named in the preview, once per
    facility; the file can still be imported, and a file without such rows warns nothing."""
    swapped = good_row(1)
    swapped[5], swapped[6] = "75.83", "25.18"
    same_factory = [*swapped]
    same_factory[0] = "Kandla Grey gezaagd"
    client = world.client("company_member")
    response = client.post(
        reverse("supplychain:upload"), {"file": csv_file([swapped, same_factory, good_row(2)])}
    )
    assert response.status_code == 200
    [warning] = response.context["warnings"]
    assert warning.startswith("Stone Works 1: ") and "India" in warning
    assert "Stone Works 1" in response.content.decode()
    assert response.context["upload"].imported_at is None  # still to be confirmed
    clean = client.post(reverse("supplychain:upload"), {"file": csv_file([good_row(3)])})
    assert clean.context["warnings"] == []
