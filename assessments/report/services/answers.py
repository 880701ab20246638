"""Writes of the questionnaire: one answer, saved as the company user goes."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from trustone.access.actor import Actor
from trustone.access.errors import NotFound

from ...models import Answer, AnswerOption, Question, Report
from ..selectors.reports import ensure_editable


@transaction.atomic
def answer_save(
    *, actor: Actor, report: Report, question_code: str, option_code: str, explanation: str
) -> Answer:
    """Save one answer as the user goes (a company user of the report's company)."""
    report = Report.objects.select_for_update().get(pk=report.pk)
    ensure_editable(actor, report)
    question = Question.objects.filter(
        framework=report.framework, code=question_code, source="answered"
    ).first()
    if question is None:
        raise NotFound
    option = None
    if option_code:
        option = AnswerOption.objects.filter(question=question, code=option_code).first()
        if option is None:
            raise ValidationError({"option": _("Choose one of the answers.")})
    answer, _created = Answer.objects.update_or_create(
        report=report,
        question=question,
        defaults={
            "option": option,
            "explanation": explanation.strip()[:10000],
            "updated_at": timezone.now(),
            "updated_by": actor.user,
        },
    )
    return answer
