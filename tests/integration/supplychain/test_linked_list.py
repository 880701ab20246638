"""The linked list (Art. 6.3): built from the registry as a published version; shown to
an NGO's or union's users while their statement is in force, filtered, on a map, exported
with a watermark; every view and export logged."""

import csv
import io
from datetime import date, timedelta

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook
from pypdf import PdfReader

from supplychain.lists.building import list_publish
from supplychain.lists.services import statement_record
from supplychain.models import Chain, Facility, ListPublication, Site
from supplychain.registry.matcher import facilities_match
from tests.factories import CovenantMembershipFactory
from trustone.audit.models import AuditEntry

pytestmark = pytest.mark.django_db


@pytest.fixture
def registry(world):
    """Two listed members buying from one quarry, one of them also from a factory."""
    for key in ("company", "other_company"):
        CovenantMembershipFactory(organisation=world.organisations[key], joined_on=date(2025, 1, 1))
    quarry = {"kind": "quarry", "country": "IN", "latitude": 25.16, "longitude": 75.33}
    a = Facility.objects.create(
        organisation=world.organisations["company"],
        name="Bijolia Sandstone Quarry",
        place="Bijolia",
        **quarry,
    )
    b = Facility.objects.create(
        organisation=world.organisations["other_company"], name="Bijoliya Sandstone Mines", **quarry
    )
    factory = Facility.objects.create(
        organisation=world.organisations["company"],
        kind="factory",
        name="Xiamen Granite Co.",
        place="Shuitou",
        country="CN",
    )
    Chain.objects.create(
        organisation=world.organisations["company"], product="Kandla Grey", quarry=a
    )
    Chain.objects.create(
        organisation=world.organisations["other_company"], product="Raj Green", quarry=b
    )
    Chain.objects.create(
        organisation=world.organisations["company"], product="G654", factory=factory
    )
    facilities_match()
    list_publish("linked")
    return world


def sign(world):
    return statement_record(
        organisation=world.organisations["ngo"],
        signed_by=world.users["ngo_admin"],
        signer_name="Anna de Wit",
        signer_function="Directeur",
        language="nl",
    )


def test_the_list_links_companies_to_sites(registry) -> None:
    rows = ListPublication.objects.get().rows
    assert Site.objects.count() == 2
    companies = {(row["name"], row["company"], tuple(row["products"])) for row in rows}
    assert companies == {
        ("Bijolia Sandstone Quarry", registry.organisations["company"].name, ("Kandla Grey",)),
        ("Bijolia Sandstone Quarry", registry.organisations["other_company"].name, ("Raj Green",)),
        ("Xiamen Granite Co.", registry.organisations["company"].name, ("G654",)),
    }


def test_a_build_without_changes_publishes_no_new_version(registry) -> None:
    first = ListPublication.objects.get()
    publication, new = list_publish("linked")
    assert (publication.pk, new) == (first.pk, False)
    registry.organisations["other_company"].covenant.ends_on = timezone.localdate()
    registry.organisations["other_company"].covenant.save()
    publication, new = list_publish("linked")
    assert new and publication.row_count == 2  # a member that left is no longer in it
    assert ListPublication.objects.count() == 2  # what was published before stays


def test_the_command_prints_the_lists(registry) -> None:
    out = io.StringIO()
    call_command("build_lists", stdout=out)
    assert out.getvalue().splitlines() == [
        "linked: 3 rows (unchanged)",
        "aggregated: 0 rows (published)",  # two buyers: nothing passes disclosure control
        "quarry_areas: 0 rows (published)",
        "project_regions: 0 rows (published)",
    ]


def test_without_a_statement_in_force_a_page_explains_how_to_get_one(registry) -> None:
    response = registry.client("ngo_member").get(reverse("lists:linked"))
    assert response.status_code == 200
    page = response.content.decode()
    assert reverse("lists:statement") in page
    assert "Bijolia" not in page and registry.organisations["company"].name not in page
    assert registry.client("ngo_member").get(reverse("lists:linked_export")).status_code == 404


def test_an_expired_statement_closes_the_list(registry) -> None:
    statement = sign(registry)
    statement.expires_on = timezone.localdate() - timedelta(days=1)
    statement.save()
    response = registry.client("ngo_member").get(reverse("lists:linked"))
    assert response.status_code == 200 and "Bijolia" not in response.content.decode()


def test_the_ngo_sees_filters_and_every_view_is_logged(registry) -> None:
    sign(registry)
    client = registry.client("ngo_member")
    page = client.get(reverse("lists:linked")).content.decode()
    assert "Bijolia Sandstone Quarry" in page and "Xiamen Granite Co." in page
    assert 'id="linked-points"' in page
    filtered = client.get(reverse("lists:linked"), {"country": "CN"}).content.decode()
    assert "Xiamen Granite Co." in filtered and "Bijolia Sandstone Quarry" not in filtered
    by_company = client.get(
        reverse("lists:linked"), {"company": registry.organisations["other_company"].name}
    ).content.decode()
    assert "Raj Green" in by_company and "Kandla Grey" not in by_company
    nothing = client.get(reverse("lists:linked"), {"product": "marmer"}).content.decode()
    assert "Bijolia Sandstone Quarry" not in nothing
    views = AuditEntry.objects.filter(action="linked_list_viewed")
    assert views.count() == 4
    assert views.filter(data__country="CN").exists()


def test_exports_carry_the_viewer_and_the_date(registry) -> None:
    sign(registry)
    client = registry.client("ngo_member")
    name = registry.users["ngo_member"].full_name or registry.users["ngo_member"].email
    response = client.get(reverse("lists:linked_export"), {"format": "csv", "country": "IN"})
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert name in rows[0][0] and registry.organisations["ngo"].name in rows[0][0]
    assert timezone.localdate().strftime("%Y") in rows[0][0]
    assert len(rows) == 2 + 2  # the watermark, the headers, two links in India
    response = client.get(reverse("lists:linked_export"), {"format": "xlsx"})
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert name in sheet["A1"].value
    assert sheet.max_row == 2 + 3
    response = client.get(reverse("lists:linked_export"), {"format": "pdf", "country": "CN"})
    assert response["Content-Type"] == "application/pdf"
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert name in text and "Xiamen Granite Co." in text and "Bijolia" not in text
    exports = AuditEntry.objects.filter(action="linked_list_exported")
    assert sorted(e.data["format"] for e in exports) == ["csv", "pdf", "xlsx"]


def test_a_facility_waiting_for_a_decision_is_not_in_the_list(registry) -> None:
    Facility.objects.filter(name="Bijoliya Sandstone Mines").update(site=None, site_link="")
    publication, new = list_publish("linked")
    assert new and publication.row_count == 2
