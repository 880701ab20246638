"""Governments' tenders (Art. 7.7, 7.10, Bijlage 3): registering them, the contract
phase's deadlines and reminders, the annual tender report, the targets dashboard."""

from datetime import date, timedelta
from io import BytesIO

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from members.models import CovenantMembership
from procurement.models import Tender, TenderReminder, TenderReport
from procurement.tenders import reports, services
from trustone.access.actor import actor_for
from trustone.audit.models import AuditEntry

pytestmark = pytest.mark.django_db


def _data(**changes):
    return {
        "title": "Herinrichting Museumplein",
        "reference": "2026-031",
        "tendered_on": "2026-03-02",
        "value_band": "221k_5538k",
        "isv_applied": "yes",
        "isv_explanation": "",
        "phases": ["award", "contract"],
        "ambition": "significant",
        "contractor": "",
        "contractor_name": "Stratenmakers Noord B.V.",
        "contract_closed_on": "2026-09-07",
        **changes,
    }


def _tender(world, who="government_admin", **changes):
    values = {
        "title": "Kademuren Prinsengracht",
        "reference": "",
        "tendered_on": date(2026, 2, 2),
        "value_band": "gt_5538k",
        "isv_applied": True,
        "isv_explanation": "",
        "phases": ["contract"],
        "ambition": "basis",
        "contractor": None,
        "contractor_name": "Bouwcombinatie Gracht",
        "contract_closed_on": None,
        **changes,
    }
    return services.tender_save(actor=actor_for(world.users[who]), data=values, criteria_ids=[])


def test_a_government_registers_a_tender_and_sees_its_contract_deadlines(world):
    client = world.client("government_admin")
    response = client.post(reverse("procurement:tender_new"), _data())
    assert response.status_code == 302
    tender = Tender.objects.get()
    assert tender.government == world.organisations["government"]
    assert tender.phases == ["award", "contract"] and tender.isv_applied
    page = client.get(reverse("procurement:tender", args=[tender.pk])).content.decode()
    # Four and eight working weeks after Monday 7 September 2026.
    assert tender.title in page
    assert AuditEntry.objects.filter(action="tender_registered").exists()
    deadlines = client.get(reverse("procurement:tender", args=[tender.pk])).context["deadlines"]
    assert (deadlines.risk_analysis, deadlines.plan_of_action) == (
        date(2026, 10, 5),
        date(2026, 11, 2),
    )


def test_apply_or_explain_and_every_wrong_field_is_named(world):
    client = world.client("government_admin")
    response = client.post(
        reverse("procurement:tender_new"),
        _data(title="", isv_applied="no", isv_explanation="", value_band="x"),
    )
    assert response.status_code == 400
    errors = response.context["form"].errors
    assert {"title", "value_band"} <= set(errors)
    response = client.post(
        reverse("procurement:tender_new"), _data(isv_applied="no", isv_explanation="")
    )
    assert "isv_explanation" in response.context["form"].errors
    response = client.post(
        reverse("procurement:tender_new"),
        _data(contract_closed_on="2026-01-01"),  # before the tender
    )
    assert "contract_closed_on" in response.context["form"].errors
    assert not Tender.objects.exists()


def test_only_the_government_and_the_secretariat_see_a_tender(world):
    tender = _tender(world)
    url = reverse("procurement:tender", args=[tender.pk])
    assert world.client("government_admin").get(url).status_code == 200
    assert world.client("secretariat_member").get(url).status_code == 200
    for who in ("company_admin", "ngo_admin", "sector_admin", "committee_member"):
        assert world.client(who).get(url).status_code == 404, who
    # The secretariat reads but does not change a government's tender.
    assert (
        world.client("secretariat_admin")
        .get(reverse("procurement:tender_edit", args=[tender.pk]))
        .status_code
        == 404
    )


def test_a_winning_member_is_linked_to_the_listing(world):
    company = world.organisations["company"]
    CovenantMembership.objects.create(
        organisation=company, member_type="full", joined_on=date(2024, 1, 1)
    )
    client = world.client("government_admin")
    response = client.post(reverse("procurement:tender_new"), _data(contractor=company.pk))
    assert response.status_code == 302
    tender = Tender.objects.get()
    assert tender.contractor == company and tender.contractor_name == company.name
    page = client.get(reverse("procurement:tender", args=[tender.pk])).content.decode()
    assert reverse("members:member_detail", args=[company.slug]) in page


def test_reminders_are_sent_before_and_after_each_deadline_once(
    world, django_capture_on_commit_callbacks
):
    tender = _tender(world, contract_closed_on=date(2026, 9, 7))
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert services.reminders_send(date(2026, 9, 1)) == 0  # nothing due yet
        assert services.reminders_send(date(2026, 9, 29)) == 1  # a week before 5 October
        assert services.reminders_send(date(2026, 9, 30)) == 0  # not again
        assert services.reminders_send(date(2026, 10, 6)) == 1  # the day after it passed
        assert services.reminders_send(date(2026, 10, 27)) == 1  # the plan, due 2 November
        assert services.reminders_send(date(2026, 11, 3)) == 1  # and once it has passed
    kinds = set(TenderReminder.objects.filter(tender=tender).values_list("kind", flat=True))
    assert kinds == {"risk_soon", "risk_due", "plan_soon", "plan_due"}
    assert len(mail.outbox) == 4
    assert all(world.users["government_admin"].email in m.to for m in mail.outbox)


def test_the_annual_report_is_frozen_when_submitted_and_returned_in_versions(
    world, django_capture_on_commit_callbacks
):
    tender = _tender(world, tendered_on=date(2025, 5, 1))
    government = world.client("government_admin")
    response = government.post(reverse("procurement:tender_report_new"), {"year": 2025})
    report = TenderReport.objects.get()
    assert response["Location"] == reverse("procurement:tender_report", args=[report.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = government.post(
            reverse("procurement:tender_report", args=[report.pk]),
            {"action": "submit", "note": "Een aanbesteding."},
        )
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.status == "submitted" and report.pdf
    text = " ".join(page.extract_text() for page in PdfReader(report.pdf.open("rb")).pages)
    assert "Kademuren Prinsengracht" in " ".join(text.split())  # cells wrap
    assert any(world.users["secretariat_admin"].email in m.to for m in mail.outbox)
    # A change to the tender afterwards does not change the submitted report.
    Tender.objects.filter(pk=tender.pk).update(title="Anders")
    page = government.get(reverse("procurement:tender_report", args=[report.pk]))
    assert "Kademuren Prinsengracht" in page.content.decode()
    # The coordinator returns it; the government prepares version 2.
    coordinator = world.client("secretariat_admin")
    response = coordinator.post(
        reverse("procurement:tender_report", args=[report.pk]),
        {"action": "return", "comments": ""},
    )
    assert response.status_code == 400
    coordinator.post(
        reverse("procurement:tender_report", args=[report.pk]),
        {"action": "return", "comments": "Vul de ISV-uitleg aan."},
    )
    report.refresh_from_db()
    assert report.status == "returned"
    government.post(reverse("procurement:tender_report_new"), {"year": 2025})
    assert list(TenderReport.objects.order_by("version").values_list("version", "status")) == [
        (1, "returned"),
        (2, "draft"),
    ]


def test_only_an_administrator_submits_and_a_draft_is_not_the_secretariats(world):
    from tests.conftest import make_user

    official = make_user(world.organisations["government"], "member")
    report = reports.report_start(actor=actor_for(official), year=2025)
    assert (
        world.client("secretariat_admin")
        .get(reverse("procurement:tender_report", args=[report.pk]))
        .status_code
        == 404
    )
    with pytest.raises(Exception):  # noqa: B017 (PermissionDenied, answered as 404)
        reports.report_submit(actor=actor_for(official), report=report)
    report.refresh_from_db()
    assert report.status == "draft"


def test_the_targets_dashboard_compares_shares_with_the_targets_in_force(world):
    government = world.organisations["government"]
    CovenantMembership.objects.create(
        organisation=government, member_type="government", joined_on=date(2022, 3, 1)
    )
    for ambition in ("basis", "basis", "significant", "ambitious"):
        _tender(world, tendered_on=date(2025, 4, 1), ambition=ambition)
    page = world.client("government_admin").get(reverse("procurement:targets"))
    (_government, rows) = page.context["governments"][0]
    row = rows[0]
    assert row.year == 2025 and row.total == 4
    assert row.shares == {"basis": 50, "significant": 25, "ambitious": 25}
    assert row.years_of_membership == 3
    assert row.targets == {"basis": 50, "significant": 30, "ambitious": 20}
    assert row.meets is True
    assert "<svg" in page.content.decode()
    # Another government's dashboard shows only its own.
    other = world.client("secretariat_admin").get(reverse("procurement:targets"))
    assert other.context["together"][0].total == 4


def test_the_government_is_reminded_on_its_dashboard(world):
    closed = timezone.localdate() - timedelta(days=25)
    _tender(world, contract_closed_on=closed)
    page = world.client("government_admin").get(reverse("members:dashboard")).content.decode()
    assert "Kademuren Prinsengracht" in page


def test_the_secretariat_exports_the_procurement_report(world):
    from openpyxl import load_workbook

    _tender(world, tendered_on=date(2025, 4, 1), ambition="significant")
    office = world.client("secretariat_member")
    response = office.get(reverse("procurement:procurement_report", args=["xlsx"]))
    assert response.status_code == 200
    workbook = load_workbook(BytesIO(response.content))
    tenders = list(workbook.worksheets[1].iter_rows(values_only=True))
    assert tenders[1][1] == "Kademuren Prinsengracht"
    targets = list(workbook.worksheets[0].iter_rows(values_only=True))
    assert targets[1][:3] == (world.organisations["government"].name, 2025, 1)
    response = office.get(reverse("procurement:procurement_report", args=["pdf"]))
    text = " ".join(page.extract_text() for page in PdfReader(BytesIO(response.content)).pages)
    assert "Kademuren Prinsengracht" in " ".join(text.split())  # cells wrap
    assert office.get(reverse("procurement:procurement_report", args=["doc"])).status_code == 404
    url = reverse("procurement:procurement_report", args=["xlsx"])
    assert world.client("government_admin").get(url).status_code == 404


def test_the_bidder_check_is_one_click_from_the_tender_and_stored_with_it(world):
    company = world.organisations["company"]
    CovenantMembership.objects.create(
        organisation=company, member_type="full", joined_on=date(2024, 1, 1)
    )
    tender = _tender(world, contractor_name=company.name)
    client = world.client("government_admin")
    page = client.get(reverse("procurement:tender_bidder_check", args=[tender.pk]))
    assert [r.organisation for r in page.context["results"]] == [company]
    response = client.post(
        reverse("procurement:tender_bidder_check", args=[tender.pk]), {"company": company.slug}
    )
    assert response.status_code == 302
    tender.refresh_from_db()
    statement = tender.statement
    assert statement.organisation == company
    pdf = client.get(reverse("procurement:tender_statement", args=[tender.pk]))
    text = "".join(page.extract_text() for page in PdfReader(BytesIO(pdf.content)).pages)
    assert company.name in " ".join(text.split())
    # Anyone can verify the stored statement's code.
    verify = world.client("anonymous").get(reverse("procurement:statement", args=[statement.code]))
    assert company.name in verify.content.decode()
    # Another government cannot check or store for this tender.
    from tests.conftest import make_user
    from tests.factories import OrganisationFactory

    other = make_user(OrganisationFactory(kind="government"), "admin")
    from django.test import Client

    outsider = Client()
    outsider.force_login(other)
    url = reverse("procurement:tender_bidder_check", args=[tender.pk])
    assert outsider.get(url).status_code == 404
    assert outsider.post(url, {"company": company.slug}).status_code == 404
