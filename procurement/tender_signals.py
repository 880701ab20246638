"""Signals about tenders that ignore due diligence (Art. 7.12): anyone logged in reports
one; the secretariat talks to that government and records the conversation; the
coordinator closes the signal with its outcome. The reporter follows the status."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from members.models import Organisation
from members.selectors import secretariat_admins
from trustone.access.actor import Actor
from trustone.access.errors import NotFound, require
from trustone.audit.services import audit_record
from trustone.mail import mail_users

from .models import TenderSignal, TenderSignalNote, TenderSignalStatus


def governments() -> QuerySet[Organisation]:
    """The affiliated governments a signal can name."""
    return Organisation.objects.filter(kind="government", is_active=True).order_by("name")


def tender_signals_visible_to(actor: Actor) -> QuerySet[TenderSignal]:
    """Every signal for the secretariat; the ones its user or organisation reported for
    anyone else logged in."""
    signals = TenderSignal.objects.select_related("government", "reported_by_organisation")
    if actor.user is None:
        return signals.none()
    if actor.is_secretariat:
        return signals
    mine = Q(reported_by=actor.user)
    if actor.organisation is not None:
        mine |= Q(reported_by_organisation=actor.organisation)
    return signals.filter(mine)


def access_tender_signal(actor: Actor, signal_id: int) -> TenderSignal:
    signal = tender_signals_visible_to(actor).filter(pk=signal_id).first()
    if signal is None:
        raise NotFound
    return signal


@transaction.atomic
def tender_signal_file(
    *,
    actor: Actor,
    government_id: int | None,
    government_name: str,
    tender_title: str,
    url: str,
    description: str,
) -> TenderSignal:
    """Anyone logged in reports a tender that ignores due diligence; the secretariat is
    told."""
    require(actor.user is not None)
    errors: dict[str, str] = {}
    government = governments().filter(pk=government_id or 0).first() if government_id else None
    name = government.name if government else government_name.strip()
    if not name:
        errors["government_name"] = _("Name the contracting authority.")
    if not tender_title.strip():
        errors["tender_title"] = _("Name the tender.")
    if not description.strip():
        errors["description"] = _("Say what is missing in the tender.")
    if errors:
        raise ValidationError(errors)
    signal = TenderSignal(
        reported_by=actor.person,
        reported_by_organisation=actor.organisation,
        government=government,
        government_name=name,
        tender_title=tender_title.strip(),
        url=url.strip(),
        description=description.strip(),
    )
    signal.full_clean()
    signal.save()
    audit_record(actor=actor, action="tender_signal_filed", target=signal)
    transaction.on_commit(lambda: _mail(signal.pk))
    return signal


@transaction.atomic
def tender_signal_note(*, actor: Actor, signal: TenderSignal, body: str) -> TenderSignalNote:
    """The secretariat's coordinator records the conversation with the government."""
    require(actor.is_secretariat_admin)
    if not body.strip():
        raise ValidationError({"body": _("Write what was discussed.")})
    note = TenderSignalNote.objects.create(signal=signal, author=actor.person, body=body.strip())
    audit_record(actor=actor, action="tender_signal_note", target=signal)
    return note


@transaction.atomic
def tender_signal_close(*, actor: Actor, signal: TenderSignal, outcome: str) -> TenderSignal:
    """The coordinator closes the signal with its outcome, which the reporter reads."""
    require(actor.is_secretariat_admin)
    if signal.status == TenderSignalStatus.CLOSED:
        raise ValidationError(_("This signal is closed."))
    if not outcome.strip():
        raise ValidationError({"outcome": _("Give the outcome.")})
    signal.status = TenderSignalStatus.CLOSED
    signal.outcome = outcome.strip()
    signal.closed_at = timezone.now()
    signal.save()
    audit_record(actor=actor, action="tender_signal_closed", target=signal)
    return signal


def _mail(signal_id: int) -> None:
    signal = TenderSignal.objects.get(pk=signal_id)
    mail_users(
        secretariat_admins(),
        lambda: _("TruStone: a tender without due diligence was reported"),
        "procurement/email/tender_signal.txt",
        {"signal": signal},
    )
