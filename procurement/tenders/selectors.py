"""Reads of the tenders: a government sees its own; the secretariat every government's.
Nobody else (a company, not even the winning contractor) sees a tender."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from members.models import Organisation
from trustone.access.actor import Actor
from trustone.access.errors import NotFound

from .. import rules
from ..models import CriteriaCatalogue, Criterion, Tender, TenderPhase, TenderReport


def is_government(actor: Actor) -> bool:
    return actor.user is not None and actor.organisation_kind == "government"


def tenders_visible_to(actor: Actor) -> QuerySet[Tender]:
    """A government's own tenders; every tender for the secretariat; none for others."""
    tenders = Tender.objects.select_related("government", "contractor", "statement", "catalogue")
    if actor.user is None or actor.organisation is None:
        return tenders.none()
    if actor.is_secretariat:
        return tenders
    if is_government(actor):
        return tenders.filter(government=actor.organisation)
    return tenders.none()


def access_tender(actor: Actor, tender_id: int) -> Tender:
    """One tender the actor may see; the same not-found for missing and forbidden."""
    tender = tenders_visible_to(actor).filter(pk=tender_id).first()
    if tender is None:
        raise NotFound
    return tender


def access_own_tender(actor: Actor, tender_id: int) -> Tender:
    """A tender of the actor's own government, to change: not-found for anyone else (the
    secretariat reads tenders but does not change them)."""
    if not is_government(actor):
        raise NotFound
    return access_tender(actor, tender_id)


def criteria_of(catalogue: CriteriaCatalogue | None) -> QuerySet[Criterion]:
    if catalogue is None:
        return Criterion.objects.none()
    return catalogue.criteria.order_by("order", "id")


@dataclass(frozen=True)
class ContractDeadlines:
    risk_analysis: date
    plan_of_action: date


def contract_deadlines(tender: Tender) -> ContractDeadlines | None:
    """When the contractor's risk analysis and plan of action are due: for a tender with
    criteria in the contract phase whose contract is closed; in the government's
    country's working weeks."""
    if TenderPhase.CONTRACT not in tender.phases or tender.contract_closed_on is None:
        return None
    country = tender.government.country if tender.government.country in ("NL", "BE") else "NL"
    risk, plan = rules.contract_deadlines(tender.contract_closed_on, country=country)
    return ContractDeadlines(risk_analysis=risk, plan_of_action=plan)


def member_contractors() -> QuerySet[Organisation]:
    """The companies a contract can be won by and linked to: members of the covenant."""
    return Organisation.objects.filter(kind="company", covenant__isnull=False).order_by("name")


def reports_visible_to(actor: Actor) -> QuerySet[TenderReport]:
    """A government's annual tender reports; every submitted one for the secretariat."""
    reports = TenderReport.objects.select_related("government", "submitted_by", "returned_by")
    if actor.user is None or actor.organisation is None:
        return reports.none()
    if actor.is_secretariat:
        return reports.exclude(status="draft")
    if is_government(actor):
        return reports.filter(government=actor.organisation)
    return reports.none()


def access_report(actor: Actor, report_id: int) -> TenderReport:
    report = reports_visible_to(actor).filter(pk=report_id).first()
    if report is None:
        raise NotFound
    return report


def governments_visible_to(actor: Actor) -> QuerySet[Organisation]:
    """The governments whose targets the actor may see: all for the secretariat, its own
    for a government."""
    governments = Organisation.objects.filter(kind="government", is_active=True).select_related(
        "covenant"
    )
    if actor.is_secretariat:
        return governments.order_by("name")
    if is_government(actor):
        return governments.filter(pk=actor.organisation_id or 0)
    return governments.none()


def tender_tasks(actor: Actor) -> list[tuple[str, str]]:
    """Dashboard tasks (registered in AppConfig.ready): a government's contract deadlines
    from ten days ahead until a month after; the coordinator's submitted annual reports."""
    today = timezone.localdate()
    if is_government(actor):
        tasks = []
        recent = Tender.objects.filter(
            government=actor.organisation,
            contract_closed_on__gte=today - timedelta(days=120),
        ).select_related("government")
        for tender in recent:
            deadlines = contract_deadlines(tender)
            if deadlines is None:
                continue
            for label, due in (
                (_("Risk analysis for %(tender)s due on %(date)s"), deadlines.risk_analysis),
                (_("Plan of action for %(tender)s due on %(date)s"), deadlines.plan_of_action),
            ):
                if today - timedelta(days=30) <= due <= today + timedelta(days=10):
                    tasks.append(
                        (
                            label % {"tender": tender.title, "date": date_format(due)},
                            reverse("procurement:tender", args=[tender.pk]),
                        )
                    )
        return tasks
    if actor.is_secretariat_admin:
        count = TenderReport.objects.filter(status="submitted").count()
        if count:
            return [
                (
                    ngettext(
                        "%(count)s annual tender report to read",
                        "%(count)s annual tender reports to read",
                        count,
                    )
                    % {"count": count},
                    reverse("procurement:tender_reports"),
                )
            ]
    return []
