"""Reads of the signals. Who sees what (DOMAIN §6):

- the NGO or union that filed a signal sees it, its status and, per routed company,
  whether and when it answered — the company's name only where its linked list already
  shows who buys from that site;
- a routed company sees the signal and its own link to the site, never which other
  members got it;
- the secretariat sees everything (its coordinator routes and closes).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.conf import settings
from django.db.models import Q, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from members.public import listed_organisations
from trustone.access.actor import Actor
from trustone.access.errors import NotFound

from ..lists.selectors import WATCHERS, linked_list_for, may_see_linked_list
from ..models import Facility, Signal, SignalAttachment, SignalMessage, SignalRoute, SignalStatus
from ..rules.signals import is_overdue, outcome_due, response_due


def _watcher(actor: Actor) -> bool:
    return actor.organisation is not None and actor.organisation_kind in WATCHERS


def signals_visible_to(actor: Actor) -> QuerySet[Signal]:
    """Every signal for the secretariat; an NGO's or union's own for its users."""
    signals = Signal.objects.select_related("organisation", "site", "filed_by")
    if actor.is_secretariat:
        return signals
    if _watcher(actor):
        return signals.filter(organisation=actor.organisation)
    return signals.none()


def access_signal(actor: Actor, signal_id: int) -> Signal:
    signal = signals_visible_to(actor).filter(pk=signal_id).first()
    if signal is None:
        raise NotFound
    return signal


def routes_visible_to(actor: Actor) -> QuerySet[SignalRoute]:
    """A company's own routes; the routes of an NGO's or union's signals; all for the
    secretariat."""
    routes = SignalRoute.objects.select_related(
        "signal__organisation", "signal__site", "organisation", "facility"
    )
    if actor.is_secretariat:
        return routes
    if actor.organisation is not None and actor.organisation_kind == "company":
        return routes.filter(organisation=actor.organisation)
    if _watcher(actor):
        return routes.filter(signal__organisation=actor.organisation)
    return routes.none()


def access_route(actor: Actor, route_id: int) -> SignalRoute:
    route = routes_visible_to(actor).filter(pk=route_id).first()
    if route is None:
        raise NotFound
    return route


def known_links(actor: Actor) -> set[tuple[str, str]] | None:
    """Which (site id, company) links the actor already knows: None (all) for the
    secretariat; for an NGO or union, those of the linked list it may see; else none."""
    if actor.is_secretariat:
        return None
    if not may_see_linked_list(actor):
        return set()
    publication = linked_list_for(actor)
    rows = publication.rows if publication else []
    return {(row["site"], row["company"]) for row in rows}


def access_attachment(actor: Actor, attachment_id: int) -> SignalAttachment:
    """A signal's attachment, for whoever sees the signal: its NGO or union, the
    secretariat, and the companies it was routed to when the coordinator shares it."""
    attachment = (
        SignalAttachment.objects.filter(pk=attachment_id)
        .filter(
            Q(signal__in=signals_visible_to(actor))
            | Q(signal__routes__in=routes_visible_to(actor), is_shared=True)
        )
        .first()
    )
    if attachment is None:
        raise NotFound
    return attachment


def access_message(actor: Actor, message_id: int) -> SignalMessage:
    message = SignalMessage.objects.filter(
        pk=message_id, route__in=routes_visible_to(actor)
    ).first()
    if message is None:
        raise NotFound
    return message


def messages_of(actor: Actor, route: SignalRoute) -> QuerySet[SignalMessage]:
    route = access_route(actor, route.pk)
    return route.messages.select_related("author")


def routing_candidates(signal: Signal) -> list[tuple[Any, Facility]]:
    """(company, its facility) for every listed member company that reports the signal's
    site — a company once, with the first of its facilities there."""
    if signal.site_id is None:
        return []
    facilities = (
        Facility.objects.filter(
            site_id=signal.site_id,
            archived_at__isnull=True,
            organisation__in=listed_organisations().filter(kind="company"),
        )
        .select_related("organisation")
        .order_by("?")  # "Company 1, 2 …" must not follow the alphabet
    )
    found: dict[int, tuple[Any, Facility]] = {}
    for facility in facilities:
        found.setdefault(facility.organisation_id, (facility.organisation, facility))
    return list(found.values())


def route_is_overdue(route: SignalRoute, today: date | None = None) -> bool:
    return is_overdue(
        route.respond_by, done=route.answered_at is not None, today=today or timezone.localdate()
    )


def signal_deadline(signal: Signal) -> date | None:
    """The deadline an open signal is held to: routed by the day a company's first answer
    would be due (the urgency's days from filing), then an outcome SIGNAL_OUTCOME_DAYS
    after routing. None for a closed signal."""
    if signal.status == SignalStatus.CLOSED:
        return None
    if signal.routed_at is None:
        return response_due(
            timezone.localdate(signal.filed_at), signal.urgency, settings.SIGNAL_RESPONSE_DAYS
        )
    return outcome_due(timezone.localdate(signal.routed_at), settings.SIGNAL_OUTCOME_DAYS)


def signal_is_overdue(signal: Signal, today: date | None = None) -> bool:
    """Not yet routed when a company's first answer would already be due (the urgency's
    days from filing), or routed without an outcome after SIGNAL_OUTCOME_DAYS."""
    due = signal_deadline(signal)
    return due is not None and is_overdue(due, done=False, today=today or timezone.localdate())


def signal_tasks(actor: Actor) -> list[tuple[str, str]]:
    """Dashboard tasks (registered in AppConfig.ready): a company's unanswered signals;
    the secretariat's signals to route and overdue ones; an NGO's or union's routed
    signals with how many companies answered."""
    if actor.organisation is not None and actor.organisation_kind == "company":
        return [
            (
                _("Answer the signal about %(site)s")
                % {"site": route.signal.site or route.signal.region},
                reverse("signals:route", args=[route.pk]),
            )
            for route in routes_visible_to(actor).filter(
                answered_at__isnull=True, signal__status=SignalStatus.ROUTED
            )
        ]
    if actor.is_secretariat_admin:
        open_signals = signals_visible_to(actor).exclude(status=SignalStatus.CLOSED)
        to_route = open_signals.filter(status=SignalStatus.RECEIVED).count()
        overdue = sum(1 for signal in open_signals if signal_is_overdue(signal))
        tasks = []
        if to_route:
            tasks.append(
                (
                    ngettext(
                        "%(count)s signal to triage and route",
                        "%(count)s signals to triage and route",
                        to_route,
                    )
                    % {"count": to_route},
                    reverse("signals:list"),
                )
            )
        if overdue:
            tasks.append(
                (
                    ngettext("%(count)s signal overdue", "%(count)s signals overdue", overdue)
                    % {"count": overdue},
                    reverse("signals:list"),
                )
            )
        return tasks
    if _watcher(actor):
        return [
            (
                _("%(answered)s of %(routed)s companies answered your signal about %(site)s")
                % {
                    "answered": sum(1 for r in signal.routes.all() if r.answered_at),
                    "routed": len(signal.routes.all()),
                    "site": signal.site or signal.region,
                },
                reverse("signals:detail", args=[signal.pk]),
            )
            for signal in signals_visible_to(actor)
            .filter(status=SignalStatus.ROUTED)
            .prefetch_related("routes")
        ]
    return []
