"""Reads of a company's annual report: who may see which version (the company its own,
drafts included; the coordinator and the granted assessor a submitted one), and the
questionnaire with its answers, scores and evidence."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Prefetch, QuerySet
from django.utils.translation import gettext as _

from members.selectors import size_class_of
from trustone.access.actor import Actor
from trustone.access.errors import NotFound
from trustone.access.grants import granted_objects

from ... import rules
from ...models import (
    Answer,
    AnswerOption,
    Assessment,
    Evidence,
    Question,
    Report,
    ReportStatus,
    Step,
)
from ...permissions import ASSESS

EDITABLE = (ReportStatus.DRAFT, ReportStatus.RETURNED)


def ensure_editable(actor: Actor, report: Report) -> None:
    """Changes to a report come from its own company, while the version is a draft."""
    if not actor.acts_for(report.organisation):
        raise PermissionDenied
    if report.status not in EDITABLE:
        raise ValidationError(_("This report has been submitted and can no longer be changed."))


def reports_visible_to(actor: Actor) -> QuerySet[Report]:
    """A company sees its own reports, drafts included. At the secretariat, a submitted
    report's content is for the administrators and for the assessor granted on its
    assessment; drafts stay the company's. Everyone else sees none."""
    reports = Report.objects.select_related("period", "organisation", "framework")
    if actor.is_secretariat_admin:
        return reports.exclude(status__in=EDITABLE)
    if actor.is_assessor:
        granted = granted_objects(
            user=actor.user, permission=ASSESS, queryset=Assessment.objects.all()
        )
        return reports.exclude(status__in=EDITABLE).filter(pk__in=granted.values("report_id"))
    if actor.organisation is None or actor.organisation_kind != "company":
        return Report.objects.none()
    return reports.filter(organisation=actor.organisation)


def access_report(actor: Actor, report_id: int) -> Report:
    report = reports_visible_to(actor).filter(pk=report_id).first()
    if report is None:
        raise NotFound
    return report


def access_editable_report(actor: Actor, report_id: int) -> Report:
    """A report of the actor's own company (for changes, submitting, a new version); not
    found for anyone else's, the secretariat included."""
    report = access_report(actor, report_id)
    if not actor.acts_for(report.organisation):
        raise NotFound
    return report


def company_profile(report: Report) -> tuple[str, bool]:
    """(size class, full due diligence) of the report's company; medium and category C
    until the secretariat has registered the size data."""
    covenant = getattr(report.organisation, "covenant", None)
    size = size_class_of(covenant) or "medium"
    return size, bool(covenant.full_due_diligence) if covenant is not None else True


@dataclass
class QuestionView:
    question: Question
    options: list[tuple[AnswerOption, Decimal]]
    maximum: Decimal
    answer: Answer | None
    computed_points: Decimal | None = None
    evidence: list[Any] = field(default_factory=list)

    @property
    def is_answered(self) -> bool:
        return self.computed_points is not None or (
            self.answer is not None and self.answer.option_id is not None
        )


@dataclass
class StepView:
    step: Step
    questions: list[QuestionView] = field(default_factory=list)


def questionnaire(
    report: Report, *, factory_insight: Decimal, quarry_insight: Decimal
) -> list[StepView]:
    """The steps with the questions that apply to the company, their options with the
    points for its size, its answers and evidence. Four queries."""
    size, full_dd = company_profile(report)

    evidence: dict[int, list[Any]] = {}
    for item in Evidence.objects.filter(report=report):
        evidence.setdefault(item.question_id, []).append(item)
    answers = {
        a.question_id: a for a in Answer.objects.filter(report=report).select_related("updated_by")
    }
    steps = Step.objects.filter(framework=report.framework).prefetch_related(
        Prefetch("questions", queryset=Question.objects.prefetch_related("options"))
    )
    views = []
    for step in steps:
        view = StepView(step)
        for question in step.questions.all():
            if not rules.question_applies(
                categories=question.categories, full_due_diligence=full_dd
            ):
                continue
            options = [(option, option.points_for(size)) for option in question.options.all()]
            computed = None
            if question.source == "factory_insight":
                computed = rules.computed_insight_points(
                    factory_insight, question.computed_max_points
                )
            elif question.source == "quarry_insight":
                computed = rules.computed_insight_points(
                    quarry_insight, question.computed_max_points
                )
            maximum = (
                question.computed_max_points
                if computed is not None
                else max((points for _o, points in options), default=Decimal(0))
            )
            view.questions.append(
                QuestionView(
                    question,
                    options,
                    maximum,
                    answers.get(question.pk),
                    computed,
                    evidence.get(question.pk, []),
                )
            )
        if view.questions:
            views.append(view)
    return views


def completeness(steps: list[StepView]) -> tuple[int, int]:
    """(answered, applicable) questions."""
    questions = [q for step in steps for q in step.questions]
    return sum(q.is_answered for q in questions), len(questions)


def answer_of(report: Report, question_code: str) -> Any:
    return (
        Answer.objects.select_related("updated_by", "option")
        .filter(report=report, question__code=question_code)
        .first()
    )
