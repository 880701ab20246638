"""Uploading supplier-list files through the browser: hostile files are refused with
their reason and change nothing; a company's own export imports again unchanged."""

import io
from decimal import Decimal

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from supplychain.models import Chain, Facility, SupplierListUpload
from tests.factories.spreadsheets import HOSTILE, hostile_file

pytestmark = pytest.mark.django_db


def supplier_list(organisation):
    """The company's list as plain values, without ids."""

    def facility(f):
        if f is None:
            return None
        return (f.kind, f.name, f.address, f.place, f.country.code, f.latitude, f.longitude)

    return sorted(
        (
            c.product,
            facility(c.factory),
            facility(c.quarry),
            c.extraction_country.code or "",
            c.processing_country.code or "",
            c.volume_eur,
            c.is_circular,
        )
        for c in Chain.objects.filter(organisation=organisation).select_related("factory", "quarry")
    )


def upload(client, name, content):
    file = io.BytesIO(content)
    file.name = name
    return client.post(reverse("supplychain:upload"), {"file": file})


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_a_hostile_upload_is_refused_with_its_reason_and_changes_nothing(world, name) -> None:
    company = world.organisations["company"]
    factory = Facility.objects.create(
        organisation=company, kind="factory", name="Bestaand", country="IN"
    )
    Chain.objects.create(organisation=company, product="Kandla", factory=factory)
    before = supplier_list(company)
    client = world.client("company_member")
    client.cookies["django_language"] = "en"

    response = upload(client, *hostile_file(name))

    assert response.status_code == 400
    assert HOSTILE[name][1] in " ".join(response.context["form"].errors["file"])
    assert supplier_list(company) == before
    assert Facility.objects.get().pk == factory.pk
    assert not SupplierListUpload.objects.exists()


@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
def test_an_export_imports_again_as_the_same_list(world, file_format) -> None:
    company = world.organisations["company"]
    factory = Facility.objects.create(
        organisation=company,
        kind="factory",
        name="=Stone Works",
        address="-1 Ring Road",
        place="@Kota",
        country="IN",
        latitude=Decimal("-25.180200"),
        longitude=Decimal("-75.833100"),
    )
    quarry = Facility.objects.create(
        organisation=company,
        kind="quarry",
        name="+Pedreira",
        country="BR",
        latitude=Decimal("-23.500000"),
        longitude=Decimal("-46.600000"),
    )
    Chain.objects.create(
        organisation=company,
        product="=SUM(A1:A2)",
        factory=factory,
        quarry=quarry,
        extraction_country="BR",
        processing_country="IN",
        volume_eur=Decimal("12500.50"),
    )
    Chain.objects.create(organisation=company, product="-Sagar", factory=factory, is_circular=True)
    before = supplier_list(company)
    client = world.client("company_admin")

    exported = client.get(reverse("supplychain:export"), {"format": file_format})
    if file_format == "xlsx":
        rows = list(load_workbook(io.BytesIO(exported.content)).worksheets[0].values)
        row = next(row for row in rows if row[0] == "'=SUM(A1:A2)")  # text is neutralised
        assert (row[5], row[6]) == (-25.1802, -75.8331)  # numbers stay numbers
    else:
        text = exported.content.decode("utf-8-sig")
        assert "'=SUM(A1:A2);'=Stone Works;'-1 Ring Road;'@Kota;IN;-25.180200;" in text
    response = upload(client, f"export.{file_format}", exported.content)
    assert response.status_code == 200, response.context.get("problems")
    client.post(reverse("supplychain:upload_confirm", args=[response.context["upload"].pk]))

    assert supplier_list(company) == before
