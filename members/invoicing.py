"""Annual invoicing (Bijlage 4): a job issues one invoice per member and year, with a
PDF, using the tariff schedule valid on the invoice date. Idempotent: a member that
already has its invoice for the year is skipped."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from typing import Any

from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Count, Q, QuerySet
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from trustone.access.actor import Actor
from trustone.access.errors import NotFound
from trustone.jobs.models import Job
from trustone.jobs.services import job_finish, job_progress
from trustone.pdf import render_pdf
from trustone.spreadsheets import spreadsheet_row

from . import rules
from .models import CovenantMembership, Invoice, Organisation, Tariff

INVOICED_TYPES = ("full", "associated", "supporting", "collective")


def tariff_schedule() -> list[rules.Tariff]:
    """The tariff schedules as the secretariat maintains them, for the pure fee rules."""
    return [
        rules.Tariff(
            valid_from=row.valid_from,
            limited_base=row.limited_base,
            full_base=row.full_base,
            full_base_chains=row.full_base_chains,
            per_extra_chain=row.per_extra_chain,
            max_chains_counted=row.max_chains_counted,
            per_establishment=row.per_establishment,
            max_establishments_counted=row.max_establishments_counted,
            first_year_cap=row.first_year_cap,
            second_year_cap=row.second_year_cap,
            collective_per_member=row.collective_per_member,
            collective_discounts=tuple(
                (int(threshold), Decimal(str(fraction)))
                for threshold, fraction in row.collective_discounts
            ),
        )
        for row in Tariff.objects.order_by("valid_from")
    ] or list(rules.COVENANT_SCHEDULE)


def members_to_invoice(year: int) -> QuerySet[CovenantMembership]:
    """Memberships that run at some point in `year`."""
    return (
        CovenantMembership.objects.filter(
            member_type__in=INVOICED_TYPES,
            joined_on__isnull=False,
            joined_on__year__lte=year,
        )
        .filter(Q(ends_on__isnull=True) | Q(ends_on__gt=date(year, 1, 1)))
        .select_related("organisation", "collective_via")
        .order_by("organisation__name")
    )


def invoice_lines(
    membership: CovenantMembership, *, year: int, issued_on: date, schedule: list[rules.Tariff]
) -> list[dict[str, str]]:
    """The lines of a member's invoice (description, amount), amounts as strings."""
    tariff = rules.tariff_on(issued_on, schedule)
    if membership.member_type == "collective":
        members = membership.collective_member_count or 0
        gross = tariff.collective_per_member * members
        total = rules.collective_fee(members=members, invoice_date=issued_on, schedule=schedule)
        lines = [
            {
                "description": _("Collective membership: %(members)s members × € %(rate)s")
                % {"members": members, "rate": tariff.collective_per_member},
                "amount": str(gross.quantize(rules.CENT)),
            }
        ]
        if total != gross:
            discount = rules.collective_discount(members=members, tariff=tariff)
            lines.append(
                {
                    "description": _("Discount for a collective membership (%(percent)s %%)")
                    % {"percent": (discount * 100).normalize()},
                    "amount": str((total - gross).quantize(rules.CENT)),
                }
            )
        return lines
    if membership.joined_on is None:  # members_to_invoice() gives joined members only
        raise ValueError(f"{membership.organisation} has not joined")
    year_of_membership = rules.membership_year(joined_on=membership.joined_on, invoice_year=year)
    fee = rules.annual_fee(
        member_type=membership.member_type,
        full_due_diligence=membership.full_due_diligence,
        chains=membership.chains,
        establishments=membership.establishments,
        membership_year=year_of_membership,
        invoice_date=issued_on,
        schedule=schedule,
    )
    regime = (
        _("full due diligence") if membership.full_due_diligence else _("limited due diligence")
    )
    description = _("Annual fee %(year)s: %(type)s, %(regime)s (membership year %(n)s)") % {
        "year": year,
        "type": membership.get_member_type_display(),
        "regime": regime,
        "n": year_of_membership,
    }
    if membership.member_type == "supporting":
        description = _("Annual contribution %(year)s: supporting member") % {"year": year}
    lines = [{"description": description, "amount": str(fee)}]
    if membership.collective_via is not None:
        lines.append(
            {
                "description": _("Paid by the collective membership of %(organisation)s")
                % {"organisation": membership.collective_via.name},
                "amount": str(-min(fee, tariff.collective_per_member)),
            }
        )
    return lines


def _next_number(year: int) -> str:
    last = (
        Invoice.objects.filter(year=year)
        .order_by("-number")
        .values_list("number", flat=True)
        .first()
    )
    sequence = int(last.rsplit("-", 1)[1]) + 1 if last else 1
    return f"TS-{year}-{sequence:05d}"


@transaction.atomic
def invoice_issue(
    membership: CovenantMembership, *, year: int, issued_on: date, schedule: list[rules.Tariff]
) -> Invoice | None:
    """Issue one member's invoice for `year` unless it exists or nothing is due."""
    organisation = Organisation.objects.select_for_update().get(pk=membership.organisation_id)
    if Invoice.objects.filter(organisation=organisation, year=year).exists():
        return None
    lines = invoice_lines(membership, year=year, issued_on=issued_on, schedule=schedule)
    amount = sum((Decimal(line["amount"]) for line in lines), Decimal("0"))
    if amount <= 0:
        return None
    invoice = Invoice(
        number=_next_number(year),
        organisation=organisation,
        year=year,
        issued_on=issued_on,
        member_type=membership.member_type,
        amount=amount,
        lines=lines,
        tariff_valid_from=rules.tariff_on(issued_on, schedule).valid_from,
    )
    pdf = render_pdf(
        "pdf/members/invoice.html",
        {"invoice": invoice, "organisation": organisation},
        language="nl",
    )
    invoice.pdf.save(f"{invoice.number}.pdf", ContentFile(pdf), save=False)
    invoice.full_clean()
    invoice.save()
    return invoice


def invoices_issue(job: Job) -> None:
    """The body of the annual invoicing job: params {"year": 2026, "issued_on": "…"}."""
    year = int(job.params["year"])
    issued_on = date.fromisoformat(job.params["issued_on"])
    schedule = tariff_schedule()
    memberships = list(members_to_invoice(year))
    total, issued = len(memberships), 0
    job_progress(job.pk, done=0, total=total)
    for index, membership in enumerate(memberships, start=1):
        if invoice_issue(membership, year=year, issued_on=issued_on, schedule=schedule):
            issued += 1
        job_progress(job.pk, done=index, total=total, message=membership.organisation.name)
    job_finish(
        job.pk,
        message=" ".join(
            (
                ngettext("%(count)s invoice issued.", "%(count)s invoices issued.", issued)
                % {"count": issued},
                ngettext(
                    "%(count)s membership already had one or owed nothing.",
                    "%(count)s memberships already had one or owed nothing.",
                    total - issued,
                )
                % {"count": total - issued},
            )
        ),
    )


def invoices_visible_to(actor: Actor) -> QuerySet[Invoice]:
    """All invoices for secretariat administrators; an organisation's own invoices for
    its admins (an assessor or a plain member sees none)."""
    if actor.is_secretariat_admin:
        return Invoice.objects.select_related("organisation")
    if actor.organisation is not None and actor.is_admin:
        return Invoice.objects.filter(organisation=actor.organisation).select_related(
            "organisation"
        )
    return Invoice.objects.none()


def access_invoice(actor: Actor, invoice_id: int) -> Invoice:
    """One invoice the actor may see; not found for anyone else's."""
    invoice = invoices_visible_to(actor).filter(pk=invoice_id).first()
    if invoice is None:
        raise NotFound
    return invoice


def invoice_years(actor: Actor) -> list[dict[str, Any]]:
    rows = invoices_visible_to(actor).values("year").annotate(count=Count("id")).order_by("-year")
    return [dict(row) for row in rows]


def invoices_csv(invoices: Iterable[Invoice]) -> str:
    """The bookkeeping export; cells that a spreadsheet would run as formulas are
    neutralised."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow(
        [
            "invoice_number",
            "invoice_date",
            "year",
            "organisation",
            "registration_number",
            "country",
            "membership_type",
            "amount_eur",
        ]
    )
    for invoice in invoices:
        writer.writerow(
            spreadsheet_row(
                [
                    invoice.number,
                    invoice.issued_on.isoformat(),
                    invoice.year,
                    invoice.organisation.name,
                    invoice.organisation.registration_number,
                    invoice.organisation.country,
                    invoice.member_type,
                    invoice.amount.quantize(Decimal("0.01")),  # a number: a credit stays one
                ]
            )
        )
    return buffer.getvalue()
