"""E-mail about cases. A message says only that there is something to read, with the
case's reference and a link: no complaint text ever leaves the portal by e-mail."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from members.selectors import active_people
from trustone.mail import mail_users

from ..models import Audience, Case, CaseEntry, CaseKind, Side
from ..selectors import case_people

TEMPLATE = "complaints/email/case.txt"


def committee_people(case: Case) -> list[Any]:
    """The committee's members and the case's staff, less anyone recused."""
    return case_people(case)


def _complainants(case: Case) -> list[Any]:
    if case.filed_by_organisation is None:
        return []
    people = list(active_people(case.filed_by_organisation, role="admin"))
    if case.filed_by is not None and case.filed_by.is_active:
        people.append(case.filed_by)
    return people


def _respondents(case: Case) -> list[Any]:
    return list(active_people(case.respondent, role="admin")) if case.respondent else []


def _mail_anonymous_complainant(case: Case, event: str = "news") -> None:
    """A complainant who left an e-mail address is told there is news (in the language
    of the complaint when the portal has it), never what it is."""
    from .filing import unsealed

    email = unsealed(case.contact).get("email", "")
    if not email:
        return
    language = case.language if case.language in dict(settings.LANGUAGES) else "en"
    context = {"case": case, "event": event, "to": "complainant", "portal_url": settings.PORTAL_URL}
    with translation.override(language):
        send_mail(
            _("TruStone complaints committee: news about your complaint"),
            render_to_string(TEMPLATE, context),
            None,
            [email],
        )


def notify_filed(case_id: int) -> None:
    case = Case.objects.select_related("respondent", "filed_by_organisation").get(pk=case_id)
    mail_users(
        committee_people(case),
        lambda: _("TruStone: new case %(reference)s") % {"reference": case.reference},
        TEMPLATE,
        {"case": case, "event": "filed", "to": "committee"},
    )
    if case.kind == CaseKind.DISPUTE:
        mail_users(
            _respondents(case),
            lambda: _("TruStone: a dispute involving your organisation"),
            TEMPLATE,
            {"case": case, "event": "filed", "to": "respondent"},
        )
    elif case.contact:
        _mail_anonymous_complainant(case, event="filed")


def notify_entry(entry_id: int) -> None:
    entry = CaseEntry.objects.select_related(
        "case__respondent", "case__filed_by_organisation", "case__filed_by"
    ).get(pk=entry_id)
    case = entry.case

    def subject() -> str:
        return _("TruStone: news in case %(reference)s") % {"reference": case.reference}

    if entry.side in (Side.COMPLAINANT, Side.RESPONDENT) or entry.audience == Audience.INTERNAL:
        people = [user for user in committee_people(case) if user.pk != entry.author_id]
        mail_users(people, subject, TEMPLATE, {"case": case, "event": "news", "to": "committee"})
        return
    if entry.audience in (Audience.COMPLAINANT, Audience.PARTIES):
        if case.kind == CaseKind.DISPUTE:
            mail_users(
                _complainants(case),
                subject,
                TEMPLATE,
                {"case": case, "event": "news", "to": "party"},
            )
        else:
            _mail_anonymous_complainant(case)
    if entry.audience in (Audience.RESPONDENT, Audience.PARTIES):
        mail_users(
            _respondents(case), subject, TEMPLATE, {"case": case, "event": "news", "to": "party"}
        )
