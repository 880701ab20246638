"""Isolation cases: governments' tenders (Art. 7.7, 7.10), their annual tender reports,
the targets dashboard, the procurement report, and the tender signals (Art. 7.12).

A tender belongs to the world's government: that government reads and changes it, the
secretariat (every role) reads it and changes nothing. No company sees a tender, not even
the member company that won its contract. A second government's tender and report are
here too, so that the world's government is tried against a government it is not
(`OTHER_GOVERNMENT`: only the secretariat reads them). Tender signals: the reporter's
organisation and the secretariat read one; only the coordinator notes and closes it."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone

from .case import COMPANY, EVERYONE, SECRETARIAT_ADMIN, SECRETARIAT_ALL, Case
from .data import _covenant

GOVERNMENT = ("government_admin",)
#: The government that owns the object, and the secretariat in every role.
TENDER_READERS = (*GOVERNMENT, *SECRETARIAT_ALL)
#: Who may report a tender: everyone logged in but a plain secretariat member (issue 9).
REPORTERS = tuple(who for who in EVERYONE if who != "secretariat_member")
#: The tender signal is reported by "company_admin": its organisation follows it.
SIGNAL_READERS = (*COMPANY, *SECRETARIAT_ALL)


def _last_year() -> int:
    return timezone.localdate().year - 1


def _make_tender(government: Any, author: Any, title: str) -> Any:
    from procurement.models import Tender

    return Tender.objects.create(
        government=government,
        created_by=author,
        title=title,
        reference="2025-017",
        tendered_on=date(_last_year(), 3, 2),
        value_band="gt_5538k",
        phases=["contract"],
        ambition="basis",
        isv_applied=True,
        contractor_name="Bouwcombinatie Gracht",
        contract_closed_on=date(_last_year(), 6, 2),
    )


def _member_company(world: Any) -> Any:
    """The world's company as a member of the covenant: a contractor a tender links to
    and the bidder check finds."""
    _covenant(world)
    return world.organisations["company"]


def _tender(world: Any) -> Any:
    """The world's government's tender, won by the world's company (a member)."""
    cached = getattr(world, "_tender", None)
    if cached is None:
        company = _member_company(world)
        cached = _make_tender(
            world.organisations["government"],
            world.users["government_admin"],
            "Kademuren Prinsengracht",
        )
        cached.contractor = company
        cached.contractor_name = company.name
        cached.save()
        world._tender = cached
    return cached


def _tender_with_statement(world: Any) -> Any:
    """The tender with the bidder check of its contractor stored as a statement."""
    from procurement.bidders import bidder_by_slug
    from procurement.statements import statement_issue

    tender = _tender(world)
    if tender.statement_id is None:
        result = bidder_by_slug(_member_company(world).slug)
        assert result is not None
        tender.statement = statement_issue(organisation_result=result)
        tender.save(update_fields=["statement"])
    return tender


def _other_government(world: Any) -> Any:
    """A second government, with a user of its own (not an actor of the world)."""
    from tests.conftest import make_user
    from tests.factories import OrganisationFactory

    cached = getattr(world, "_other_government", None)
    if cached is None:
        cached = OrganisationFactory(name="Gemeente Zwolle", slug="zwolle", kind="government")
        world._other_government = cached
        world._other_government_user = make_user(cached, "admin")
    return cached


def _other_tender(world: Any) -> Any:
    """The second government's tender, with a stored statement."""
    from procurement.bidders import bidder_by_slug
    from procurement.statements import statement_issue

    cached = getattr(world, "_other_tender", None)
    if cached is None:
        government = _other_government(world)
        cached = _make_tender(government, world._other_government_user, "Stadsplein Zwolle")
        result = bidder_by_slug(_member_company(world).slug)
        assert result is not None
        cached.statement = statement_issue(organisation_result=result)
        cached.save(update_fields=["statement"])
        world._other_tender = cached
    return cached


def _make_report(government: Any, year: int, status: str) -> Any:
    from procurement.models import TenderReport

    report = TenderReport(government=government, year=year, status=status)
    if status != "draft":
        report.snapshot = {"tenders": [], "shares": {}, "targets": {}}
        report.note = "Geen aanbestedingen met natuursteen."
        report.submitted_at = timezone.now()
        report.pdf.save(f"tender-report-{year}.pdf", ContentFile(b"%PDF-1.4 test"), save=False)
    report.save()
    return report


def _draft_report(world: Any) -> Any:
    """The world's government's draft report for last year."""
    cached = getattr(world, "_draft_report", None)
    if cached is None:
        _tender(world)
        cached = world._draft_report = _make_report(
            world.organisations["government"], _last_year(), "draft"
        )
    return cached


def _submitted_report(world: Any) -> Any:
    """The world's government's submitted report for the year before last."""
    cached = getattr(world, "_submitted_report", None)
    if cached is None:
        cached = world._submitted_report = _make_report(
            world.organisations["government"], _last_year() - 1, "submitted"
        )
    return cached


def _other_report(world: Any) -> Any:
    """The second government's submitted report."""
    cached = getattr(world, "_other_report", None)
    if cached is None:
        cached = world._other_report = _make_report(
            _other_government(world), _last_year(), "submitted"
        )
    return cached


def _tender_signal(world: Any) -> Any:
    """A tender of the world's government, reported by the world's company."""
    from procurement.models import TenderSignal

    cached = getattr(world, "_tender_signal", None)
    if cached is None:
        government = world.organisations["government"]
        cached = world._tender_signal = TenderSignal.objects.create(
            reported_by=world.users["company_admin"],
            reported_by_organisation=world.organisations["company"],
            government=government,
            government_name=government.name,
            tender_title="Bestrating Vredenburg",
            description="Natuursteen uit India zonder ISV.",
        )
    return cached


def _tenders(world: Any) -> Any:
    from procurement.models import Tender

    return list(
        Tender.objects.order_by("id").values_list(
            "id",
            "government_id",
            "title",
            "reference",
            "ambition",
            "isv_applied",
            "contractor_id",
            "contractor_name",
            "statement_id",
        )
    )


def _statements(world: Any) -> Any:
    from procurement.models import BidderStatement

    return (_tenders(world), list(BidderStatement.objects.order_by("id").values_list("id")))


def _reports(world: Any) -> Any:
    from procurement.models import TenderReport

    return list(
        TenderReport.objects.order_by("id").values_list(
            "id", "government_id", "year", "version", "status", "note", "comments"
        )
    )


def _tender_signals(world: Any) -> Any:
    from procurement.models import TenderSignal, TenderSignalNote

    return (
        list(TenderSignal.objects.order_by("id").values_list("id", "status", "outcome")),
        list(TenderSignalNote.objects.order_by("id").values_list("id", "signal_id", "body")),
    )


def _tender_form(world: Any) -> dict[str, Any]:
    return {
        "title": "Kademuren Prinsengracht, fase 2",
        "reference": "2026-031",
        "tendered_on": date(_last_year(), 9, 1).isoformat(),
        "value_band": "221k_5538k",
        "isv_applied": "yes",
        "isv_explanation": "",
        "phases": ["award", "contract"],
        "ambition": "significant",
        "contractor": _member_company(world).pk,
        "contractor_name": "",
        "contract_closed_on": "",
    }


def _url(name: str, obj: Any) -> Any:
    return lambda w: reverse(f"procurement:{name}", args=[obj(w).pk])


CASES: list[Case] = [
    # Tenders.
    Case(
        "the tenders (own government's, or every government's)",
        url_name="procurement:tenders",
        url=lambda w: (_tender(w), _other_tender(w), reverse("procurement:tenders"))[2],
        allowed=TENDER_READERS,
    ),
    Case(
        "the form to register a tender",
        url_name="procurement:tender_new",
        url=lambda w: (_member_company(w), reverse("procurement:tender_new"))[1],
        allowed=GOVERNMENT,
    ),
    Case(
        "register a tender",
        method="post",
        url_name="procurement:tender_new",
        url=lambda w: reverse("procurement:tender_new"),
        data=_tender_form,
        allowed=GOVERNMENT,
        state=_tenders,
    ),
    Case(
        "the targets dashboard",
        url_name="procurement:targets",
        url=lambda w: (_tender(w), _other_tender(w), reverse("procurement:targets"))[2],
        allowed=TENDER_READERS,
    ),
    Case(
        "the procurement report (XLSX)",
        url_name="procurement:procurement_report",
        url=lambda w: (_tender(w), reverse("procurement:procurement_report", args=["xlsx"]))[1],
        allowed=SECRETARIAT_ALL,
    ),
    Case(
        "the procurement report (PDF)",
        url_name="procurement:procurement_report",
        url=lambda w: (_tender(w), reverse("procurement:procurement_report", args=["pdf"]))[1],
        allowed=SECRETARIAT_ALL,
    ),
    Case(
        "a tender (never a company's, not even its contractor's)",
        url_name="procurement:tender",
        url=_url("tender", _tender_with_statement),
        allowed=TENDER_READERS,
    ),
    Case(
        "a tender to edit",
        url_name="procurement:tender_edit",
        url=_url("tender_edit", _tender),
        allowed=GOVERNMENT,
    ),
    Case(
        "edit a tender",
        method="post",
        url_name="procurement:tender_edit",
        url=_url("tender_edit", _tender),
        data=_tender_form,
        allowed=GOVERNMENT,
        state=_tenders,
    ),
    Case(
        "remove a tender",
        method="post",
        url_name="procurement:tender_delete",
        url=_url("tender_delete", _tender),
        allowed=GOVERNMENT,
        state=_tenders,
    ),
    Case(
        "the bidder check of a tender",
        url_name="procurement:tender_bidder_check",
        url=_url("tender_bidder_check", _tender),
        allowed=GOVERNMENT,
    ),
    Case(
        "store a bidder check with a tender",
        method="post",
        url_name="procurement:tender_bidder_check",
        url=_url("tender_bidder_check", _tender),
        data=lambda w: {"company": _member_company(w).slug},
        allowed=GOVERNMENT,
        state=_statements,
    ),
    Case(
        "the statement stored with a tender (PDF)",
        url_name="procurement:tender_statement",
        url=_url("tender_statement", _tender_with_statement),
        allowed=TENDER_READERS,
    ),
    # Another government's tender: the world's government is not its government.
    Case(
        "another government's tender",
        url_name="procurement:tender",
        url=_url("tender", _other_tender),
        allowed=SECRETARIAT_ALL,
    ),
    Case(
        "the statement stored with another government's tender (PDF)",
        url_name="procurement:tender_statement",
        url=_url("tender_statement", _other_tender),
        allowed=SECRETARIAT_ALL,
    ),
    # Annual tender reports.
    Case(
        "the annual tender reports (own government's, or every submitted one)",
        url_name="procurement:tender_reports",
        url=lambda w: (
            _draft_report(w),
            _submitted_report(w),
            _other_report(w),
            reverse("procurement:tender_reports"),
        )[3],
        allowed=TENDER_READERS,
    ),
    Case(
        "start an annual tender report",
        method="post",
        url_name="procurement:tender_report_new",
        url=lambda w: (_tender(w), reverse("procurement:tender_report_new"))[1],
        data=lambda w: {"year": _last_year()},
        allowed=GOVERNMENT,
        state=_reports,
    ),
    Case(
        "a draft annual tender report (the secretariat reads submitted ones only)",
        url_name="procurement:tender_report",
        url=_url("tender_report", _draft_report),
        allowed=GOVERNMENT,
    ),
    Case(
        "save a draft annual tender report",
        method="post",
        url_name="procurement:tender_report",
        url=_url("tender_report", _draft_report),
        data=lambda w: {"action": "save", "note": "Twee aanbestedingen met natuursteen."},
        allowed=GOVERNMENT,
        state=_reports,
    ),
    Case(
        "submit an annual tender report",
        method="post",
        url_name="procurement:tender_report",
        url=_url("tender_report", _draft_report),
        data=lambda w: {"action": "submit", "note": "Twee aanbestedingen met natuursteen."},
        allowed=GOVERNMENT,
        state=_reports,
    ),
    Case(
        "a submitted annual tender report",
        url_name="procurement:tender_report",
        url=_url("tender_report", _submitted_report),
        allowed=TENDER_READERS,
    ),
    Case(
        "return a submitted annual tender report",
        method="post",
        url_name="procurement:tender_report",
        url=_url("tender_report", _submitted_report),
        data=lambda w: {"action": "return", "comments": "Vul de criteria aan."},
        allowed=SECRETARIAT_ADMIN,
        state=_reports,
    ),
    Case(
        "a submitted annual tender report (PDF)",
        url_name="procurement:tender_report_pdf",
        url=_url("tender_report_pdf", _submitted_report),
        allowed=TENDER_READERS,
    ),
    Case(
        "another government's annual tender report",
        url_name="procurement:tender_report",
        url=_url("tender_report", _other_report),
        allowed=SECRETARIAT_ALL,
    ),
    Case(
        "another government's annual tender report (PDF)",
        url_name="procurement:tender_report_pdf",
        url=_url("tender_report_pdf", _other_report),
        allowed=SECRETARIAT_ALL,
    ),
    # Tender signals.
    Case(
        "the tender signals (own organisation's, or all)",
        url_name="procurement:tender_signals",
        url=lambda w: (_tender_signal(w), reverse("procurement:tender_signals"))[1],
        allowed=EVERYONE,
    ),
    Case(
        "the form to report a tender",
        url_name="procurement:tender_signal_new",
        url=lambda w: reverse("procurement:tender_signal_new"),
        allowed=EVERYONE,
    ),
    Case(
        "report a tender",
        method="post",
        url_name="procurement:tender_signal_new",
        url=lambda w: reverse("procurement:tender_signal_new"),
        data=lambda w: {
            "government": w.organisations["government"].pk,
            "government_name": "",
            "tender_title": "Herinrichting Neude",
            "url": "https://www.tenderned.nl/aankondigingen/123",
            "description": "Natuursteen zonder due-diligencecriteria.",
        },
        allowed=REPORTERS,
        state=_tender_signals,
    ),
    Case(
        "a tender signal (its reporter's organisation and the secretariat)",
        url_name="procurement:tender_signal",
        url=_url("tender_signal", _tender_signal),
        allowed=SIGNAL_READERS,
    ),
    Case(
        "record the conversation about a tender signal",
        method="post",
        url_name="procurement:tender_signal",
        url=_url("tender_signal", _tender_signal),
        data=lambda w: {"action": "note", "body": "Gebeld met de inkoper."},
        allowed=SECRETARIAT_ADMIN,
        state=_tender_signals,
    ),
    Case(
        "close a tender signal",
        method="post",
        url_name="procurement:tender_signal",
        url=_url("tender_signal", _tender_signal),
        data=lambda w: {"action": "close", "outcome": "De gemeente past de ISV voortaan toe."},
        allowed=SECRETARIAT_ADMIN,
        state=_tender_signals,
    ),
]

#: Cases about one object of the world's government: a user of a second government is
#: refused each of them as well (`tests/isolation/test_other_government.py`).
OWN_GOVERNMENT_CASES: list[Case] = [
    case
    for case in CASES
    if "government_admin" in case.allowed
    and case.url_name
    in {
        "procurement:tender",
        "procurement:tender_edit",
        "procurement:tender_delete",
        "procurement:tender_bidder_check",
        "procurement:tender_statement",
        "procurement:tender_report",
        "procurement:tender_report_pdf",
    }
]
