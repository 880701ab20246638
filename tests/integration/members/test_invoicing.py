"""Annual invoicing: a real Celery worker issues invoices computed by the fee rule."""

import csv
import io
from datetime import date
from decimal import Decimal

import pytest
from celery.contrib.testing.worker import start_worker
from django.urls import reverse
from pypdf import PdfReader

from members.invoicing import invoice_issue, tariff_schedule
from members.models import Invoice, Tariff
from tests.factories import CovenantMembershipFactory, OrganisationFactory
from tests.integration.trustone.test_jobs import wait_for
from trustone import celery_app
from trustone.jobs.models import Job


@pytest.fixture
def celery_worker(transactional_db):
    with start_worker(
        celery_app,
        pool="solo",
        perform_ping_check=False,
        shutdown_timeout=30,
        queues=["default", "reports", "lists"],
    ):
        yield


def members(world):
    sector = OrganisationFactory(name="Algemene Natuursteen Vereniging", kind="sector_organisation")
    CovenantMembershipFactory(
        organisation=sector,
        member_type="collective",
        collective_member_count=120,
        joined_on=date(2025, 3, 1),
    )
    CovenantMembershipFactory(
        organisation=world.organisations["company"],
        member_type="full",
        chains=5,
        full_due_diligence=True,
        joined_on=date(2024, 6, 1),
    )
    CovenantMembershipFactory(
        organisation=world.organisations["other_company"],
        member_type="associated",
        establishments=3,
        chains=0,
        full_due_diligence=False,
        joined_on=date(2026, 2, 1),
    )
    collective = OrganisationFactory(name="Steenhouwerij Jansen")
    CovenantMembershipFactory(
        organisation=collective,
        member_type="associated",
        establishments=2,
        full_due_diligence=False,
        collective_via=sector,
        joined_on=date(2025, 4, 1),
    )
    unsigned = OrganisationFactory(name="Nog niet getekend")
    CovenantMembershipFactory(organisation=unsigned, joined_on=None)
    return sector, collective


@pytest.mark.worker
def test_annual_invoicing_job_issues_each_members_invoice_once(world, celery_worker) -> None:
    sector, collective = members(world)
    client = world.client("secretariat_admin")
    response = client.post(reverse("members:invoices"), {"year": "2026", "issued_on": "2026-01-31"})
    job = wait_for(Job.objects.get(), timeout=60)
    assert response.url == reverse("jobs:detail", args=[job.pk])
    assert job.status == "succeeded", job.error
    amounts = dict(Invoice.objects.values_list("organisation__name", "amount"))
    assert amounts == {
        # Full DD, 5 chains, membership year 3: 1200 + 3 × 400.
        "Van der Steen Natuursteen B.V.": Decimal("2400.00"),
        # Associated, limited, 3 establishments, year 1: 400 + 600 = 1000, capped at 800.
        "Graniet Import Nederland B.V.": Decimal("800.00"),
        # Collective: 120 × 400 less 5 %.
        "Algemene Natuursteen Vereniging": Decimal("45600.00"),
        # Covered by the collective (400 paid): 400 + 2 × 200 = 800 in year 2, less 400.
        "Steenhouwerij Jansen": Decimal("400.00"),
    }
    invoice = Invoice.objects.get(organisation=world.organisations["company"])
    assert invoice.number.startswith("TS-2026-")
    assert invoice.tariff_valid_from == date(2025, 3, 1)
    with invoice.pdf.open("rb") as file:
        text = "".join(page.extract_text() for page in PdfReader(file).pages)
    assert invoice.number in text and "2400.00" in text

    # Running it again issues nothing new.
    client.post(reverse("members:invoices"), {"year": "2026", "issued_on": "2026-02-15"})
    wait_for(Job.objects.order_by("-id").first(), timeout=60)
    assert Invoice.objects.count() == 4


@pytest.mark.django_db
def test_a_new_tariff_schedule_does_not_change_issued_invoices(world) -> None:
    members(world)
    membership = world.organisations["company"].covenant
    invoice = invoice_issue(
        membership, year=2026, issued_on=date(2026, 1, 31), schedule=tariff_schedule()
    )
    Tariff.objects.filter(valid_from=date(2025, 3, 1)).update(full_base=Decimal("9999"))
    invoice.refresh_from_db()
    assert invoice.amount == Decimal("2400.00")
    # And 2027 invoices use the 2027 schedule (+10 %).
    next_year = invoice_issue(
        membership, year=2027, issued_on=date(2027, 1, 31), schedule=tariff_schedule()
    )
    assert next_year.amount == Decimal("2640.00")


@pytest.mark.django_db
def test_member_admin_sees_own_invoices_and_bookkeeping_export(world) -> None:
    members(world)
    invoice_issue(
        world.organisations["company"].covenant,
        year=2026,
        issued_on=date(2026, 1, 31),
        schedule=tariff_schedule(),
    )
    page = world.client("company_admin").get(reverse("members:membership"))
    assert [i.organisation.slug for i in page.context["invoices"]] == ["vds"]
    other = world.client("other_company_admin").get(reverse("members:membership"))
    assert list(other.context["invoices"]) == []
    member_view = world.client("company_member").get(reverse("members:membership"))
    assert list(member_view.context["invoices"]) == []

    export = world.client("secretariat_admin").get(
        reverse("members:invoices_export"), {"year": "2026"}
    )
    rows = list(csv.reader(io.StringIO(export.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][0] == "invoice_number"
    assert rows[1][3:] == ["Van der Steen Natuursteen B.V.", "", "NL", "full", "2400.00"]
