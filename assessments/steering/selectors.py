"""Reads for the steering group's dashboard. Who may read it: every user of the steering
group and every secretariat user (the coordinator is the group's secretary). What it
shows is what a governance body needs to decide: company names for the delays it decides
on; no volumes, suppliers, company names on signals, or complaint contents."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import Count, Min, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from members.models import Organisation
from supplychain.lists import tables
from supplychain.lists.selectors import publication_latest
from supplychain.models import ListKind, ListPublication, Signal, SignalStatus
from supplychain.signals.selectors import signal_deadline
from supplychain.themes import Theme
from trustone.access.actor import Actor
from trustone.access.errors import NotFound

from ..assessment.delays import Progress, progress_of, progress_of_members
from ..rules import steering as rules
from .overdue import OverdueItem, overdue_items


def may_see_dashboard(actor: Actor) -> bool:
    """The steering group (any role) and the secretariat (its secretary)."""
    return actor.is_steering_group or actor.is_secretariat


def require_reader(actor: Actor) -> None:
    """Not found for anyone who may not see the dashboard."""
    if not may_see_dashboard(actor):
        raise NotFound


# --- Delays and the requests for special circumstances (DOMAIN §4.5) ------------------


def is_awaiting_decision(progress: Progress) -> bool:
    """A request for special circumstances on the company's current stay, not decided."""
    case = progress.case
    return case is not None and bool(case.argument) and not case.decision


def delays_for(actor: Actor, *, on: date | None = None) -> list[Progress]:
    """The member companies that are delayed or whose delay awaits a decision, by name
    (three queries); none for anyone who may not see the dashboard."""
    require_reader(actor)
    return [
        row
        for row in progress_of_members(actor, on=on)
        if row.is_delayed or is_awaiting_decision(row)
    ]


def access_delay(actor: Actor, organisation_id: int) -> Progress:
    """One full member's delay — delayed now, or with a request or a decision on its
    current stay (an expelled company keeps its page) — for the dashboard's readers;
    the same not-found for anything else."""
    require_reader(actor)
    organisation = Organisation.objects.filter(
        pk=organisation_id, kind="company", covenant__member_type="full"
    ).first()
    progress = progress_of(organisation) if organisation is not None else None
    if progress is None:
        raise NotFound
    case = progress.case
    if not (progress.is_delayed or (case is not None and (case.argument or case.decision))):
        raise NotFound
    return progress


def steering_tasks(actor: Actor) -> list[tuple[str, str]]:
    """Dashboard task for the steering group's chair (registered in AppConfig.ready):
    the requests for special circumstances that await the group's decision."""
    if not actor.is_steering_group_chair:
        return []
    waiting = sum(1 for row in progress_of_members(actor) if is_awaiting_decision(row))
    if not waiting:
        return []
    return [
        (
            ngettext(
                "%(count)s request for special circumstances awaits the steering group's decision",
                "%(count)s requests for special circumstances await the steering group's decision",
                waiting,
            )
            % {"count": waiting},
            reverse("steering:dashboard") + "#requests",
        )
    ]


# --- Candidate regions for joint projects (DOMAIN §9) ---------------------------------


def project_regions(actor: Actor) -> tuple[ListPublication | None, list[dict[str, Any]]]:
    """The latest published list of candidate regions and its rows (counts only)."""
    require_reader(actor)
    publication = publication_latest(actor, ListKind.PROJECT_REGIONS)
    rows = [
        {
            **row,
            "country_name": tables.country_name(row["country"]),
            # stored in English; the theme names are in the catalogues
            "themes": [{**theme, "name": _(theme["name"])} for theme in row["themes"]],
        }
        for row in (publication.rows if publication else [])
    ]
    return publication, rows


# --- Signals and complaints past their deadlines (DOMAIN §6) --------------------------


@dataclass(frozen=True)
class OverdueSignal:
    pk: int
    filed_on: date
    country: Any
    themes: list[str]
    urgency: str
    status: str
    deadline_name: str
    deadline: date
    days_overdue: int
    late_answers: int


def overdue_signals(actor: Actor, *, today: date | None = None) -> list[OverdueSignal]:
    """Open signals past a deadline — not routed in time, no outcome in time, or company
    answers overdue — most overdue first, without company names or sites (one query)."""
    require_reader(actor)
    today = today or timezone.localdate()
    late = Q(routes__answered_at__isnull=True, routes__respond_by__lt=today)
    signals = (
        Signal.objects.exclude(status=SignalStatus.CLOSED)
        .annotate(
            late_answers=Count("routes", filter=late),
            first_late_answer=Min("routes__respond_by", filter=late),
        )
        .only("id", "filed_at", "country", "themes", "urgency", "status", "routed_at")
        .order_by("filed_at", "id")
    )
    theme_names = dict(Theme.choices)
    rows = []
    for signal in signals:
        passed: list[tuple[date, str]] = []
        due = signal_deadline(signal)
        if due is not None and due < today:
            name = _("routing") if signal.routed_at is None else _("outcome")
            passed.append((due, name))
        if signal.first_late_answer is not None:
            passed.append((signal.first_late_answer, _("companies' first answers")))
        if not passed:
            continue
        deadline, name = min(passed)
        rows.append(
            OverdueSignal(
                pk=signal.pk,
                filed_on=timezone.localdate(signal.filed_at),
                country=signal.country,
                themes=[str(theme_names.get(theme, theme)) for theme in signal.themes],
                urgency=signal.get_urgency_display(),
                status=signal.get_status_display(),
                deadline_name=name,
                deadline=deadline,
                days_overdue=rules.days_overdue(deadline, today),
                late_answers=signal.late_answers,
            )
        )
    return sorted(rows, key=lambda row: (-row.days_overdue, row.pk))


def overdue_registered(actor: Actor) -> list[OverdueItem]:
    """What the apps above assessments registered (complaints: cases past a deadline),
    most overdue first."""
    require_reader(actor)
    items = [item for source in overdue_items for item in source(actor)]
    return sorted(items, key=lambda item: (-item.days_overdue, item.reference))
