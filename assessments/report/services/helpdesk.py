"""Writes of the helpdesk: a company starts a thread, either side replies (with an
attachment), each side is told by e-mail; the coordinator publishes FAQ entries."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from members.selectors import secretariat_admins
from trustone.access.actor import Actor
from trustone.access.errors import require
from trustone.attachments import check_attachment

from ...models import FaqEntry, HelpdeskMessage, HelpdeskThread
from ..selectors.helpdesk import answers_helpdesk


def _add_message(*, actor: Actor, thread: HelpdeskThread, body: str, upload: Any) -> Any:
    if not body.strip():
        raise ValidationError({"body": _("Write your message.")})
    check_attachment(upload)
    message = HelpdeskMessage(
        thread=thread, author=actor.user, body=body.strip(), from_secretariat=actor.is_secretariat
    )
    if upload is not None:
        message.attachment_name = upload.name[:200]
        message.attachment.save(upload.name, upload, save=False)
    message.save()
    return message


@transaction.atomic
def thread_start(
    *,
    actor: Actor,
    subject: str,
    body: str,
    kind: str = "question",
    report: Any = None,
    upload: Any = None,
) -> HelpdeskThread:
    """A company user asks the secretariat; the secretariat is e-mailed."""
    if not (actor.organisation is not None and actor.organisation_kind == "company"):
        raise PermissionDenied
    if not subject.strip():
        raise ValidationError({"subject": _("Give your question a subject.")})
    thread = HelpdeskThread.objects.create(
        organisation=actor.organisation,
        subject=subject.strip()[:200],
        kind=kind,
        report=report,
        created_by=actor.user,
    )
    _add_message(actor=actor, thread=thread, body=body, upload=upload)
    transaction.on_commit(lambda: _notify_secretariat(thread))
    return thread


@transaction.atomic
def thread_reply(*, actor: Actor, thread: HelpdeskThread, body: str, upload: Any = None) -> Any:
    """A reply by the company or the secretariat; the other side is e-mailed."""
    require(answers_helpdesk(actor) or actor.acts_for(thread.organisation))
    message = _add_message(actor=actor, thread=thread, body=body, upload=upload)
    HelpdeskThread.objects.filter(pk=thread.pk).update(
        is_answered=actor.is_secretariat, updated_at=timezone.now()
    )
    if actor.is_secretariat:
        transaction.on_commit(lambda: _notify_company(thread))
    else:
        transaction.on_commit(lambda: _notify_secretariat(thread))
    return message


def _notify_secretariat(thread: HelpdeskThread) -> None:
    recipients = sorted(secretariat_admins().values_list("email", flat=True))
    if recipients:
        with translation.override("nl"):
            send_mail(
                _("Helpdesk: %(subject)s (%(organisation)s)")
                % {"subject": thread.subject, "organisation": thread.organisation.name},
                _("A new message in the helpdesk; read it in the portal."),
                None,
                recipients,
            )


def _notify_company(thread: HelpdeskThread) -> None:
    if thread.created_by is None:
        return
    with translation.override("nl"):
        send_mail(
            _("The secretariat answered: %(subject)s") % {"subject": thread.subject},
            _("The TruStone secretariat answered your question; read it in the portal."),
            None,
            [thread.created_by.email],
        )


@transaction.atomic
def faq_publish(
    *, actor: Actor, question_nl: str, question_en: str, answer_nl: str, answer_en: str
) -> FaqEntry:
    """A secretariat administrator publishes an answer worth sharing (without naming the
    company)."""
    require(actor.is_secretariat_admin)
    entry = FaqEntry(
        question_nl=question_nl.strip(),
        question_en=question_en.strip(),
        answer_nl=answer_nl.strip(),
        answer_en=answer_en.strip(),
    )
    entry.full_clean()
    entry.save()
    return entry
