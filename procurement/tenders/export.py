"""The procurement report for the mid-term review (Art. 7.14): every government's
tenders per year against its targets, and the tenders themselves, as XLSX and PDF."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from members.models import Organisation
from trustone.pdf import render_pdf
from trustone.spreadsheets import xlsx_bytes

from ..models import AmbitionLevel, Tender, TenderPhase, ValueBand
from .targets import government_years


def _tenders(tenders: QuerySet[Tender]) -> QuerySet[Tender]:
    return tenders.select_related("government", "contractor").order_by(
        "government__name", "tendered_on", "id"
    )


def report_sheets(
    governments: QuerySet[Organisation], tenders: QuerySet[Tender]
) -> list[tuple[str, list[list[Any]]]]:
    """The two sheets: targets per government and year; the tenders."""
    levels = dict(AmbitionLevel.choices)
    phases = dict(TenderPhase.choices)
    bands = dict(ValueBand.choices)
    targets: list[list[Any]] = [
        [
            _("Government"),
            _("Year"),
            _("Tenders"),
            _("Basis %"),
            _("Significant %"),
            _("Ambitious %"),
            _("Years of membership"),
            _("Target Basis %"),
            _("Target Significant %"),
            _("Target Ambitious %"),
            _("Targets met"),
        ]
    ]
    for government, rows in government_years(governments, tenders):
        for row in rows:
            goal = row.targets or {}
            targets.append(
                [
                    government.name,
                    row.year,
                    row.total,
                    row.shares["basis"],
                    row.shares["significant"],
                    row.shares["ambitious"],
                    row.years_of_membership,
                    goal.get("basis"),
                    goal.get("significant"),
                    goal.get("ambitious"),
                    "" if row.meets is None else (_("yes") if row.meets else _("no")),
                ]
            )
    listing: list[list[Any]] = [
        [
            _("Government"),
            _("Tender"),
            _("Reference"),
            _("Date"),
            _("Estimated value"),
            _("Phases"),
            _("Ambition level"),
            _("ISV applied"),
            _("Why not"),
            _("Contractor"),
            _("Contractor is a member"),
        ]
    ]
    for tender in _tenders(tenders):
        listing.append(
            [
                tender.government.name,
                tender.title,
                tender.reference,
                tender.tendered_on,
                str(bands.get(tender.value_band, tender.value_band)),
                ", ".join(str(phases[p]) for p in tender.phases if p in phases),
                str(levels.get(tender.ambition, tender.ambition)),
                _("yes") if tender.isv_applied else _("no"),
                tender.isv_explanation,
                tender.contractor_name,
                _("yes") if tender.contractor_id else _("no"),
            ]
        )
    return [(_("Targets"), targets), (_("Tenders"), listing)]


def report_xlsx(governments: QuerySet[Organisation], tenders: QuerySet[Tender]) -> bytes:
    return xlsx_bytes(report_sheets(governments, tenders))


def report_pdf(
    governments: QuerySet[Organisation], tenders: QuerySet[Tender], *, language: str
) -> bytes:
    with translation.override(language):
        sheets = report_sheets(governments, tenders)
    return render_pdf(
        "pdf/procurement/procurement_report.html",
        {
            "targets": sheets[0][1],
            "tenders": sheets[1][1],
            "made_at": timezone.localtime(),
        },
        language=language,
    )
