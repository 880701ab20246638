"""The helpdesk: companies ask the secretariat (or ask feedback on a draft plan of
action); the secretariat answers from a shared inbox; good answers become FAQ entries."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from trustone.access import policies
from trustone.access.actor import Actor
from trustone.access.errors import NotFound, require

from ..models import FaqEntry, HelpdeskMessage, HelpdeskThread
from .evidence import check_upload


def answers_helpdesk(actor: Actor) -> bool:
    """The secretariat's administrators and assessors work the helpdesk inbox; another
    secretariat member does not read what companies share there."""
    return policies.SECRETARIAT_ASSESSING.allows(actor)


def threads_visible_to(actor: Actor) -> QuerySet[HelpdeskThread]:
    """The shared inbox for the helpdesk team; a company's own questions for its users."""
    threads = HelpdeskThread.objects.select_related("organisation", "created_by")
    if answers_helpdesk(actor):
        return threads
    if actor.organisation is None or actor.organisation_kind != "company":
        return HelpdeskThread.objects.none()
    return threads.filter(organisation=actor.organisation)


def access_thread(actor: Actor, thread_id: int) -> HelpdeskThread:
    thread = threads_visible_to(actor).filter(pk=thread_id).first()
    if thread is None:
        raise NotFound
    return thread


def _add_message(*, actor: Actor, thread: HelpdeskThread, body: str, upload: Any) -> Any:
    if not body.strip():
        raise ValidationError({"body": _("Write your message.")})
    check_upload(upload)
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
    from members.selectors import secretariat_admins

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


def messages_of(actor: Actor, thread: HelpdeskThread) -> QuerySet[HelpdeskMessage]:
    """The messages of a thread the actor may see (access_thread first)."""
    return HelpdeskMessage.objects.filter(thread=access_thread(actor, thread.pk)).select_related(
        "author"
    )


def access_attachment(actor: Actor, message_id: int) -> HelpdeskMessage:
    """A message with an attachment in a thread the actor may see; not found otherwise."""
    message = HelpdeskMessage.objects.filter(pk=message_id).exclude(attachment="").first()
    if message is None:
        raise NotFound
    access_thread(actor, message.thread_id)
    return message


def faq_entries() -> QuerySet[FaqEntry]:
    """The published FAQ: public."""
    return FaqEntry.objects.all()
