"""Reads of the helpdesk: the threads and messages an actor may read (the company its own,
the secretariat's helpdesk team all), attachments and the published FAQ."""

from __future__ import annotations

from django.db.models import QuerySet

from trustone.access import policies
from trustone.access.actor import Actor
from trustone.access.errors import NotFound

from ...models import FaqEntry, HelpdeskMessage, HelpdeskThread


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
