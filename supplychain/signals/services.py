"""Writes of the signals: an NGO or union files one; the coordinator routes it to every
member company buying from the site and records the outcome; the company, the NGO or
union and the secretariat write in the conversation of each route."""

from __future__ import annotations

from datetime import date
from functools import partial
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from members.selectors import active_people, secretariat_admins
from trustone.access.actor import Actor
from trustone.access.errors import require
from trustone.attachments import attachment_content_type, check_attachment, check_attachments
from trustone.audit.services import audit_record
from trustone.mail import mail_users

from ..lists.selectors import WATCHERS
from ..models import (
    MessageSide,
    Signal,
    SignalAttachment,
    SignalMessage,
    SignalOutcome,
    SignalRoute,
    SignalStatus,
    SignalUrgency,
    Site,
)
from ..rules.signals import response_due
from ..themes import Theme
from .selectors import access_route, routing_candidates

MAX_ATTACHMENTS = 10


@transaction.atomic
def signal_file(
    *,
    actor: Actor,
    site_id: str,
    country: str,
    region: str,
    themes: list[str],
    description: str,
    since: date | None,
    affected: int | None,
    sources: str,
    urgency: str,
    attachments: list[Any],
) -> Signal:
    """A user of an NGO or union files a signal about a registry site (its public id), or
    about a region when the site is not known. The secretariat is told."""
    require(actor.organisation is not None and actor.organisation_kind in WATCHERS)
    errors: dict[str, str] = {}
    site = None
    if site_id.strip():
        site = Site.objects.filter(public_id=site_id.strip().upper(), merged_into=None).first()
        if site is None:
            errors["site_id"] = _("No site of the registry has this id (TS-…).")
    elif not region.strip():
        errors["region"] = _("Give the site's id, or at least the region or place.")
    if site is not None:
        country = str(site.country)
    if not country:
        errors["country"] = _("Choose the country.")
    if not themes or any(theme not in Theme.values for theme in themes):
        errors["themes"] = _("Choose at least one theme.")
    if not description.strip():
        errors["description"] = _("Describe what happened.")
    if since is not None and since > timezone.localdate():
        errors["since"] = _("This date is in the future.")
    if urgency not in SignalUrgency.values:
        errors["urgency"] = _("Choose how urgent it is.")
    check_attachments(attachments, at_most=MAX_ATTACHMENTS, errors=errors)
    if errors:
        raise ValidationError(errors)
    signal = Signal(
        organisation=actor.organisation,
        filed_by=actor.user,
        site=site,
        country=country,
        region=region.strip(),
        themes=[theme for theme in Theme.values if theme in themes],
        description=description.strip(),
        since=since,
        affected=affected,
        sources=sources.strip(),
        urgency=urgency,
    )
    signal.full_clean()
    signal.save()
    for upload in attachments:
        SignalAttachment.objects.create(
            signal=signal,
            file=upload,
            original_name=upload.name[:200],
            content_type=attachment_content_type(upload.name),
            size=upload.size,
        )
    audit_record(actor=actor, action="signal_filed", target=signal)
    transaction.on_commit(lambda: _mail(signal.pk, "filed"))
    return signal


@transaction.atomic
def signal_route(*, actor: Actor, signal: Signal) -> list[SignalRoute]:
    """The coordinator routes a signal about a site to every listed member company that
    reports that site (again later: only to companies not yet routed). Each is told; each
    sees only its own link."""
    require(actor.is_secretariat_admin)
    signal = Signal.objects.select_for_update().get(pk=signal.pk)
    if signal.status == SignalStatus.CLOSED:
        raise ValidationError(_("This signal is closed."))
    if signal.site_id is None:
        raise ValidationError(
            _("The signal names no site of the registry: link it to a site first.")
        )
    candidates = routing_candidates(signal)
    if not candidates:
        raise ValidationError(_("No member company reports this site."))
    now = timezone.now()
    done = set(signal.routes.values_list("organisation_id", flat=True))
    due = response_due(timezone.localdate(now), signal.urgency, settings.SIGNAL_RESPONSE_DAYS)
    routes = [
        SignalRoute.objects.create(
            signal=signal, organisation=company, facility=facility, routed_at=now, respond_by=due
        )
        for company, facility in candidates
        if company.pk not in done
    ]
    if signal.routed_at is None:
        signal.routed_at = now
    signal.status = SignalStatus.ROUTED
    signal.save(update_fields=["status", "routed_at"])
    audit_record(
        actor=actor, action="signal_routed", target=signal, data={"companies": len(routes)}
    )
    for route in routes:
        transaction.on_commit(partial(_mail_route, route.pk))
    return routes


@transaction.atomic
def signal_company_version_set(
    *, actor: Actor, signal: Signal, description: str, shared_attachment_ids: list[int]
) -> Signal:
    """The coordinator sets what the companies read of a signal: the text without what
    they must not learn (another buyer's name, a witness), and which attachments they
    get. The NGO or union and the secretariat keep reading the signal as filed."""
    require(actor.is_secretariat_admin)
    if signal.status == SignalStatus.CLOSED:
        raise ValidationError(_("This signal is closed."))
    if len(description) > 20_000:
        raise ValidationError({"company_description": _("Keep this under 20000 characters.")})
    text = description.strip()
    signal.company_description = "" if text == signal.description.strip() else text
    signal.save(update_fields=["company_description"])
    for attachment in signal.attachments.all():
        shared = attachment.pk in shared_attachment_ids
        if attachment.is_shared != shared:
            attachment.is_shared = shared
            attachment.save(update_fields=["is_shared"])
    audit_record(
        actor=actor,
        action="signal_company_version_set",
        target=signal,
        data={"edited": bool(signal.company_description), "shared": shared_attachment_ids},
    )
    return signal


@transaction.atomic
def signal_site_set(*, actor: Actor, signal: Signal, site_id: str) -> Signal:
    """The coordinator links a signal filed about a region to the registry site it is
    about, before routing it."""
    require(actor.is_secretariat_admin)
    site = Site.objects.filter(public_id=site_id.strip().upper(), merged_into=None).first()
    if site is None:
        raise ValidationError({"site_id": _("No site of the registry has this id (TS-…).")})
    if signal.status == SignalStatus.CLOSED:
        raise ValidationError(_("This signal is closed."))
    if signal.routes.exists():
        raise ValidationError(_("The signal has been routed: its site can no longer change."))
    signal.site, signal.country = site, site.country
    signal.save(update_fields=["site", "country"])
    audit_record(
        actor=actor, action="signal_site_set", target=signal, data={"site": site.public_id}
    )
    return signal


def _side(actor: Actor, route: SignalRoute) -> str:
    if actor.is_secretariat:
        return MessageSide.SECRETARIAT
    if actor.organisation_id == route.organisation_id:
        return MessageSide.COMPANY
    return MessageSide.WATCHER


@transaction.atomic
def signal_message_post(
    *, actor: Actor, route: SignalRoute, body: str, attachment: Any = None
) -> SignalMessage:
    """A message in one company's conversation, from the company, the NGO or union, or
    the secretariat; the others are told. The company's first message is its answer."""
    route = access_route(actor, route.pk)
    require(not actor.is_secretariat or actor.is_secretariat_admin)
    if route.signal.status == SignalStatus.CLOSED:
        raise ValidationError(_("This signal is closed."))
    errors: dict[str, str] = {}
    if not body.strip():
        errors["body"] = _("Write a message.")
    try:
        check_attachment(attachment)
    except ValidationError as problem:
        errors["attachment"] = " ".join(problem.messages)
    if errors:
        raise ValidationError(errors)
    side = _side(actor, route)
    message = SignalMessage.objects.create(
        route=route,
        author=actor.person,
        side=side,
        body=body.strip(),
        attachment=attachment or "",
        attachment_name=(attachment.name[:200] if attachment else ""),
    )
    if side == MessageSide.COMPANY and route.answered_at is None:
        route.answered_at = message.created_at
        route.save(update_fields=["answered_at"])
    audit_record(actor=actor, action="signal_message_posted", target=route.signal)
    transaction.on_commit(lambda: _mail_message(message.pk))
    return message


@transaction.atomic
def signal_close(*, actor: Actor, signal: Signal, outcome: str, reason: str) -> Signal:
    """The coordinator records the outcome and closes the signal; "closed with reasons"
    needs the reasons. Its NGO or union and the routed companies are told."""
    require(actor.is_secretariat_admin)
    signal = Signal.objects.select_for_update().get(pk=signal.pk)
    if signal.status == SignalStatus.CLOSED:
        raise ValidationError(_("This signal is already closed."))
    if outcome not in SignalOutcome.values:
        raise ValidationError({"outcome": _("Choose the outcome.")})
    if outcome == SignalOutcome.CLOSED and not reason.strip():
        raise ValidationError({"reason": _("Give the reasons for closing it.")})
    signal.status, signal.outcome, signal.outcome_reason = SignalStatus.CLOSED, outcome, reason
    signal.closed_at, signal.closed_by = timezone.now(), actor.user
    signal.save(update_fields=["status", "outcome", "outcome_reason", "closed_at", "closed_by"])
    audit_record(actor=actor, action="signal_closed", target=signal, data={"outcome": outcome})
    transaction.on_commit(lambda: _mail(signal.pk, "closed"))
    return signal


# --- e-mail ------------------------------------------------------------------------------


def _mail(signal_id: int, event: str) -> None:
    signal = Signal.objects.select_related("organisation", "site").get(pk=signal_id)
    if event == "filed":
        mail_users(
            secretariat_admins(),
            lambda: _("TruStone: a new signal to triage"),
            "supplychain/email/signal.txt",
            {"signal": signal, "event": event, "to": "secretariat"},
        )
        return
    mail_users(
        active_people(signal.organisation),
        lambda: _("TruStone: your signal is closed"),
        "supplychain/email/signal.txt",
        {"signal": signal, "event": event, "to": "watcher"},
    )
    for route in signal.routes.select_related("organisation"):
        mail_users(
            active_people(route.organisation, role="admin"),
            lambda: _("TruStone: a signal about your supplier is closed"),
            "supplychain/email/signal.txt",
            {"signal": signal, "event": event, "to": "company", "route": route},
        )


def _mail_route(route_id: int) -> None:
    route = SignalRoute.objects.select_related("signal__site", "organisation").get(pk=route_id)
    mail_users(
        active_people(route.organisation, role="admin"),
        lambda: _("TruStone: a signal about one of your suppliers"),
        "supplychain/email/signal.txt",
        {"signal": route.signal, "event": "routed", "to": "company", "route": route},
    )


def _mail_message(message_id: int) -> None:
    message = SignalMessage.objects.select_related(
        "route__organisation", "route__signal__organisation"
    ).get(pk=message_id)
    route = message.route
    audiences = [
        (MessageSide.COMPANY, "company", active_people(route.organisation, role="admin")),
        (MessageSide.WATCHER, "watcher", active_people(route.signal.organisation)),
        (MessageSide.SECRETARIAT, "secretariat", secretariat_admins()),
    ]
    for side, to, people in audiences:
        if side == message.side:
            continue
        mail_users(
            [user for user in people if user.pk != message.author_id],
            lambda: _("TruStone: a new message about a signal"),
            "supplychain/email/signal.txt",
            {"signal": route.signal, "event": "message", "route": route, "to": to},
        )
