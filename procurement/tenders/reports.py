"""The annual tender report (Art. 7.7): a government prepares it as a draft, submits it
(frozen: its tenders as they were, with a PDF); the secretariat's coordinator may return
it with comments, and the government then submits a new version. A submitted version is
never changed."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from members.selectors import active_people, secretariat_admins
from trustone.access.actor import Actor
from trustone.access.errors import require
from trustone.audit.services import audit_record
from trustone.mail import mail_users
from trustone.pdf import render_pdf

from ..models import AmbitionLevel, Tender, TenderReport, TenderReportStatus
from .selectors import is_government
from .targets import government_years


def _year_tenders(government: Any, year: int) -> Any:
    return (
        Tender.objects.filter(government=government, tendered_on__year=year)
        .select_related("contractor", "catalogue", "statement")
        .prefetch_related("criteria")
        .order_by("tendered_on", "id")
    )


def tender_snapshot(tender: Tender) -> dict[str, Any]:
    """A tender as the report freezes it (plain values)."""
    return {
        "id": tender.pk,
        "title": tender.title,
        "reference": tender.reference,
        "tendered_on": tender.tendered_on.isoformat(),
        "value_band": tender.value_band,
        "phases": list(tender.phases),
        "ambition": tender.ambition,
        "catalogue": tender.catalogue.version if tender.catalogue else None,
        "criteria": [criterion.code for criterion in tender.criteria.all()],
        "isv_applied": tender.isv_applied,
        "isv_explanation": tender.isv_explanation,
        "contractor": tender.contractor_name,
        "contractor_is_member": tender.contractor_id is not None,
        "contract_closed_on": (
            tender.contract_closed_on.isoformat() if tender.contract_closed_on else None
        ),
        "statement": tender.statement.code if tender.statement else None,
    }


def report_tenders(report: TenderReport) -> list[dict[str, Any]]:
    """The tenders of the report: frozen once submitted, live while a draft."""
    if report.status != TenderReportStatus.DRAFT:
        tenders: list[dict[str, Any]] = report.snapshot.get("tenders", [])
        return tenders
    return [tender_snapshot(tender) for tender in _year_tenders(report.government, report.year)]


@transaction.atomic
def report_start(*, actor: Actor, year: int) -> TenderReport:
    """A government opens its report for `year`: the open draft, or a new version after
    the secretariat returned the last one. A submitted report is not reopened."""
    require(is_government(actor))
    if year < 2016 or year > timezone.localdate().year:
        raise ValidationError({"year": _("Choose a year that has begun.")})
    latest = (
        TenderReport.objects.select_for_update()
        .filter(government=actor.organisation, year=year)
        .order_by("-version")
        .first()
    )
    if latest is not None and latest.status == TenderReportStatus.DRAFT:
        return latest
    if latest is not None and latest.status == TenderReportStatus.SUBMITTED:
        raise ValidationError(
            {"year": _("The report for this year is submitted; the secretariat can return it.")}
        )
    assert actor.organisation is not None  # a government user acts for its government
    report = TenderReport.objects.create(
        government=actor.organisation,
        year=year,
        version=(latest.version + 1) if latest else 1,
    )
    audit_record(actor=actor, action="tender_report_started", target=report)
    return report


@transaction.atomic
def report_note_save(*, actor: Actor, report: TenderReport, note: str) -> TenderReport:
    require(is_government(actor) and actor.acts_for(report.government_id))
    if report.status != TenderReportStatus.DRAFT:
        raise ValidationError(_("A submitted report cannot be changed."))
    report.note = note.strip()
    report.save(update_fields=["note"])
    return report


@transaction.atomic
def report_submit(*, actor: Actor, report: TenderReport) -> TenderReport:
    """An administrator of the government submits the draft: its tenders and targets are
    frozen in the report and a PDF is made; the secretariat is told."""
    require(is_government(actor) and actor.is_admin and actor.acts_for(report.government_id))
    report = TenderReport.objects.select_for_update().get(pk=report.pk)
    if report.status != TenderReportStatus.DRAFT:
        raise ValidationError(_("This report is already submitted."))
    tenders = [tender_snapshot(t) for t in _year_tenders(report.government, report.year)]
    if not tenders and not report.note.strip():
        raise ValidationError(
            {"note": _("No tenders with natural stone this year? Say so in the explanation.")}
        )
    governments = type(report.government).objects.filter(pk=report.government_id)
    years = government_years(governments, Tender.objects.filter(government=report.government))
    rows = years[0][1] if years else []
    year_row = next((row for row in rows if row.year == report.year), None)
    report.snapshot = {
        "tenders": tenders,
        "shares": {k: str(v) for k, v in year_row.shares.items()} if year_row else {},
        "targets": (
            {k: str(v) for k, v in year_row.targets.items()}
            if year_row and year_row.targets
            else {}
        ),
    }
    report.status = TenderReportStatus.SUBMITTED
    report.submitted_at = timezone.now()
    report.submitted_by = actor.person
    labels = dict(AmbitionLevel.choices)
    with translation.override("nl"):
        pdf_rows = [{**t, "ambition_label": str(labels.get(t["ambition"], ""))} for t in tenders]
    pdf = render_pdf(
        "pdf/procurement/tender_report.html",
        {"report": report, "tenders": pdf_rows, "year_row": year_row},
        language="nl",
    )
    report.pdf.save(
        f"tender-report-{report.government.slug}-{report.year}-v{report.version}.pdf",
        ContentFile(pdf),
        save=False,
    )
    report.save()
    audit_record(actor=actor, action="tender_report_submitted", target=report)
    transaction.on_commit(lambda: _mail(report.pk, "submitted"))
    return report


@transaction.atomic
def report_return(*, actor: Actor, report: TenderReport, comments: str) -> TenderReport:
    """The coordinator returns a submitted report with comments; the government then
    submits a new version (this one stays as it was submitted)."""
    require(actor.is_secretariat_admin)
    report = TenderReport.objects.select_for_update().get(pk=report.pk)
    if report.status != TenderReportStatus.SUBMITTED:
        raise ValidationError(_("Only a submitted report can be returned."))
    if not comments.strip():
        raise ValidationError({"comments": _("Say what the government should change.")})
    report.status = TenderReportStatus.RETURNED
    report.returned_at = timezone.now()
    report.returned_by = actor.person
    report.comments = comments.strip()
    report.save()
    audit_record(actor=actor, action="tender_report_returned", target=report)
    transaction.on_commit(lambda: _mail(report.pk, "returned"))
    return report


def _mail(report_id: int, event: str) -> None:
    report = TenderReport.objects.select_related("government").get(pk=report_id)
    people = secretariat_admins() if event == "submitted" else active_people(report.government)
    mail_users(
        people,
        lambda: (
            _("TruStone: annual tender report %(year)s of %(government)s")
            % {"year": report.year, "government": report.government.name}
        ),
        "procurement/email/tender_report.txt",
        {"report": report, "event": event},
    )
