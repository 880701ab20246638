"""Writes of the assessment workflow: opening and scoring submitted reports, assigning an
assessor (an object grant), adjustments with reasons, the assessor's proposal and the
coordinator's decision, which becomes the company's level."""

from __future__ import annotations

from decimal import Decimal
from itertools import islice
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from members.levels import current_level, latest_levels, level_assignment_add
from members.models import LevelSource
from trustone.access.actor import Actor
from trustone.access.grants import grant, revoke
from trustone.audit.services import audit_record
from trustone.mail import mail_users
from trustone.services import model_update

from .. import rules
from ..models import (
    Assessment,
    AssessmentKind,
    AssessmentStatus,
    Report,
    ReportStatus,
    ScoreAdjustment,
)
from ..permissions import ASSESS
from .scoring import Scorecard, scorecard
from .selectors import (
    assessment_histories,
    assessments_with_report,
    assessors,
    is_coordinator,
    may_assess,
    scorecard_of,
    superseded,
)

SCORE_FIELDS = ("dd_score", "factory_insight", "quarry_insight", "computed_level", "scored_at")


def _store_scores(assessment: Assessment, card: Scorecard) -> None:
    assessment.dd_score = card.dd_score.quantize(Decimal("0.0001"))
    assessment.factory_insight = card.factory_insight.quantize(Decimal("0.0001"))
    assessment.quarry_insight = card.quarry_insight.quantize(Decimal("0.0001"))
    assessment.computed_level = card.level
    assessment.scored_at = timezone.now()


def _new_assessments(reports: list[Report]) -> list[Assessment]:
    """Unsaved assessments of submitted reports of member companies, with the kind due
    per DOMAIN §4.4 (a report that comes in when nothing is due is assessed in full).
    Associated members' reports are not levelled (they are checked by sample). Three
    queries, whatever the number of reports."""
    organisation_ids = {report.organisation_id for report in reports}
    levels = latest_levels(organisation_ids)
    histories = assessment_histories(organisation_ids)
    assessments = []
    for report in reports:
        covenant = getattr(report.organisation, "covenant", None)
        if report.status != ReportStatus.SUBMITTED or (covenant and covenant.member_type != "full"):
            continue
        previous = rules.previous_due(histories.get(report.organisation_id, {}), report.period.year)
        due = rules.assessment_due(
            level=levels.get(report.organisation_id) or 0,
            size_class=(report.snapshot or {}).get("size_class", "medium"),
            previous=previous,
            supplies_public_clients=bool(covenant and covenant.supplies_public_clients),
        )
        kind = AssessmentKind.PLAN_OF_ACTION if due == rules.PLAN_OF_ACTION else AssessmentKind.FULL
        assessment = Assessment(report=report, kind=kind)
        _store_scores(assessment, scorecard(report.snapshot or {}))
        assessments.append(assessment)
    return assessments


def assessment_open(*, report: Report) -> Assessment | None:
    """Put a submitted report of a member company in the queue, scored (once)."""
    existing = Assessment.objects.filter(report=report).first()
    if existing is not None:
        return existing
    new = _new_assessments([report])
    if not new:
        return None
    new[0].save()
    return new[0]


def assessments_score(*, period_year: int | None = None, progress: Any = None) -> int:
    """Open missing assessments and rescore every undecided one (idempotent: running it
    twice gives the same scores). Returns the number scored."""
    waiting = (
        Report.objects.filter(status=ReportStatus.SUBMITTED, assessment__isnull=True)
        .exclude(superseded())
        .select_related("organisation__covenant", "period")
    )
    if period_year is not None:
        waiting = waiting.filter(period__year=period_year)
    reports = waiting.iterator(chunk_size=500)
    while chunk := list(islice(reports, 500)):
        # ignore_conflicts: a report opened meanwhile (submitted just now) keeps its own.
        Assessment.objects.bulk_create(_new_assessments(chunk), ignore_conflicts=True)
    open_assessments = (
        Assessment.objects.exclude(status=AssessmentStatus.DECIDED)
        .filter(report__status=ReportStatus.SUBMITTED)
        .exclude(superseded("report__"))
    )
    if period_year is not None:
        open_assessments = open_assessments.filter(report__period__year=period_year)
    adjustments: dict[int, list[ScoreAdjustment]] = {}
    for adjustment in ScoreAdjustment.objects.filter(assessment__in=open_assessments):
        adjustments.setdefault(adjustment.assessment_id, []).append(adjustment)
    total = open_assessments.count()
    batch: list[Assessment] = []
    fields = ["dd_score", "factory_insight", "quarry_insight", "computed_level", "scored_at"]
    for done, assessment in enumerate(
        open_assessments.select_related("report").iterator(chunk_size=500), start=1
    ):
        _store_scores(assessment, scorecard_of(assessment, adjustments.get(assessment.pk, [])))
        batch.append(assessment)
        if len(batch) >= 500:
            Assessment.objects.bulk_update(batch, fields)
            batch = []
            if progress:
                progress(done, total)
    Assessment.objects.bulk_update(batch, fields)
    return total


def _ensure_open(assessment: Assessment) -> None:
    if assessment.status == AssessmentStatus.DECIDED:
        raise ValidationError(_("This assessment has been decided and can no longer change."))


@transaction.atomic
def assessment_assign(*, actor: Actor, assessment: Assessment, assessor: Any) -> Assessment:
    """The coordinator assigns (or re-assigns) an assessor: the only secretariat user
    besides the coordinator who may open the report's assessment."""
    if not is_coordinator(actor):
        raise PermissionDenied
    assessment = Assessment.objects.select_for_update().get(pk=assessment.pk)
    _ensure_open(assessment)
    if not assessors(actor).filter(pk=assessor.pk).exists():
        raise ValidationError({"assessor": _("Choose someone of the secretariat.")})
    previous = assessment.assessor
    if previous is not None and previous.pk != assessor.pk:
        revoke(user=previous, permission=ASSESS, obj=assessment)
    grant(user=assessor, permission=ASSESS, obj=assessment)
    assessment.assessor, assessment.assigned_at = assessor, timezone.now()
    if assessment.status == AssessmentStatus.QUEUED:
        assessment.status = AssessmentStatus.IN_PROGRESS
    assessment.save()
    audit_record(
        actor=actor, action="assessment_assigned", target=assessment, data={"assessor": assessor.pk}
    )
    if actor.user is None or assessor.pk != actor.user.pk:
        transaction.on_commit(lambda: _mail_assessor(assessment.pk))
    return assessment


def _mail_assessor(assessment_id: int) -> None:
    assessment = assessments_with_report().get(pk=assessment_id)
    mail_users(
        [assessment.assessor],
        lambda: (
            _("TruStone: a report to assess (%(organisation)s)")
            % {"organisation": assessment.report.organisation.name}
        ),
        "assessments/email/assessment_assigned.txt",
        {
            "assessment": assessment,
            "path": reverse("assessments:assess", args=[assessment.pk]),
        },
    )


@transaction.atomic
def assessment_adjust(
    *, actor: Actor, assessment: Assessment, question_code: str, points: Decimal, reason: str
) -> ScoreAdjustment:
    """Adjust one answer's points with a written reason (Art. 5.5); the original points
    and every earlier adjustment are kept."""
    if not may_assess(actor, assessment):
        raise PermissionDenied
    assessment = (
        Assessment.objects.select_for_update().select_related("report").get(pk=assessment.pk)
    )
    _ensure_open(assessment)
    if assessment.kind != AssessmentKind.FULL:
        raise ValidationError(_("A plan-of-action assessment has no scores to adjust."))
    card = scorecard_of(assessment)
    answer = card.answer(question_code)
    if answer is None:
        raise ValidationError({"question": _("This question is not part of the report.")})
    errors = {}
    if not reason.strip():
        errors["reason"] = _("Explain why the points are adjusted.")
    if points < 0 or points > answer.max_points:
        errors["points"] = _("Give between 0 and %(maximum)s points.") % {
            "maximum": answer.max_points
        }
    if errors:
        raise ValidationError(errors)
    adjustment = ScoreAdjustment(
        assessment=assessment,
        question_code=question_code,
        original_points=answer.points,
        adjusted_points=points,
        reason=reason.strip(),
        adjusted_by=actor.user,
    )
    adjustment.full_clean()
    adjustment.save()
    _store_scores(assessment, scorecard_of(assessment))
    assessment.save()
    audit_record(
        actor=actor,
        action="assessment_adjusted",
        target=assessment,
        data={"question": question_code, "from": str(answer.points), "to": str(points)},
    )
    return adjustment


REVIEW_FIELDS = (
    "impact_indicators_met",
    "impact_reason",
    "feedback_supplier_list",
    "feedback_questionnaire",
    "feedback_plan",
    "progress_sufficient",
)


@transaction.atomic
def assessment_review(*, actor: Actor, assessment: Assessment, **fields: Any) -> Assessment:
    """Save the assessor's feedback per part and the impact indicators (yes/no with a
    reason, DOMAIN §4.3); rescored, since levels 4–5 depend on them."""
    if not may_assess(actor, assessment):
        raise PermissionDenied
    assessment = (
        Assessment.objects.select_for_update().select_related("report").get(pk=assessment.pk)
    )
    _ensure_open(assessment)
    data = {
        name: value.strip() if isinstance(value, str) else value for name, value in fields.items()
    }
    met = data.get("impact_indicators_met", assessment.impact_indicators_met)
    if met and not data.get("impact_reason", assessment.impact_reason):
        raise ValidationError({"impact_reason": _("Explain why the impact indicators are met.")})
    assessment, _changed = model_update(assessment, fields=REVIEW_FIELDS, data=data)
    _store_scores(assessment, scorecard_of(assessment))  # levels 4-5 depend on the indicators
    assessment.save(update_fields=SCORE_FIELDS)
    audit_record(actor=actor, action="assessment_reviewed", target=assessment)
    return assessment


@transaction.atomic
def assessment_propose(*, actor: Actor, assessment: Assessment, note: str = "") -> Assessment:
    """The assessor proposes the decision: the level the scores give (a plan-of-action
    assessment keeps the current level) for the coordinator to confirm."""
    if not may_assess(actor, assessment):
        raise PermissionDenied
    assessment = (
        Assessment.objects.select_for_update()
        .select_related("report__organisation")
        .get(pk=assessment.pk)
    )
    _ensure_open(assessment)
    if assessment.kind == AssessmentKind.PLAN_OF_ACTION:
        if assessment.progress_sufficient is None:
            raise ValidationError(
                {"progress_sufficient": _("Say whether the progress on the plan is sufficient.")}
            )
        level = current_level(assessment.report.organisation) or 0
    else:
        card = scorecard_of(assessment)
        _store_scores(assessment, card)
        level = card.level
    assessment.proposed_level = level
    assessment.proposal_note = note.strip()
    assessment.proposed_at, assessment.proposed_by = timezone.now(), actor.user
    assessment.status = AssessmentStatus.PROPOSED
    assessment.save()
    audit_record(
        actor=actor, action="assessment_proposed", target=assessment, data={"level": level}
    )
    return assessment


@transaction.atomic
def assessment_send_back(*, actor: Actor, assessment: Assessment, note: str) -> Assessment:
    """The coordinator sends a proposal back to the assessor with a note."""
    if not is_coordinator(actor):
        raise PermissionDenied
    assessment = Assessment.objects.select_for_update().get(pk=assessment.pk)
    if assessment.status != AssessmentStatus.PROPOSED:
        raise ValidationError(_("Only a proposed decision can be sent back."))
    if not note.strip():
        raise ValidationError({"note": _("Tell the assessor what to look at again.")})
    assessment.status = AssessmentStatus.IN_PROGRESS
    assessment.proposal_note = note.strip()
    assessment.save()
    audit_record(actor=actor, action="assessment_sent_back", target=assessment)
    return assessment


@transaction.atomic
def assessment_decide(*, actor: Actor, assessment: Assessment) -> Assessment:
    """The coordinator confirms the proposed decision: it becomes the company's level
    (a new entry in its level history), the public listing updates and the company is
    told by e-mail."""
    if not is_coordinator(actor):
        raise PermissionDenied
    assessment = (
        Assessment.objects.select_for_update()
        .select_related("report__organisation", "report__period")
        .get(pk=assessment.pk)
    )
    if assessment.status != AssessmentStatus.PROPOSED or assessment.proposed_level is None:
        raise ValidationError(_("There is no proposed decision to confirm."))
    assessment.level_assignment = level_assignment_add(
        organisation=assessment.report.organisation,
        year=assessment.report.period.year,
        level=assessment.proposed_level,
        decided_on=timezone.localdate(),
        source=LevelSource.ASSESSMENT,
        recorded_by=actor.user,
    )
    assessment.decided_level = assessment.proposed_level
    assessment.decided_at, assessment.decided_by = timezone.now(), actor.user
    assessment.status = AssessmentStatus.DECIDED
    assessment.save()
    audit_record(
        actor=actor,
        action="assessment_decided",
        target=assessment,
        data={"level": assessment.decided_level},
    )
    transaction.on_commit(lambda: _mail_company(assessment.pk))
    return assessment


def _mail_company(assessment_id: int) -> None:
    from members.selectors import active_people

    assessment = assessments_with_report().get(pk=assessment_id)
    report = assessment.report
    people = list(active_people(report.organisation, role="admin"))
    if report.submitted_by is not None and report.submitted_by.is_active:
        people.append(report.submitted_by)
    mail_users(
        people,
        lambda: (
            _("TruStone: the assessment of your report on %(year)s") % {"year": report.period.year}
        ),
        "assessments/email/assessment_decided.txt",
        {
            "assessment": assessment,
            "path": reverse("assessments:assessment_result", args=[assessment.pk]),
        },
    )


def assessments_score_job(job: Any) -> None:
    """The body of the scoring job: progress as it goes, a summary at the end."""
    from trustone.jobs.services import job_finish, job_progress

    count = assessments_score(
        period_year=job.params.get("period"),
        progress=lambda done, total: job_progress(job.pk, done=done, total=total),
    )
    audit_record(
        actor=None, user=job.started_by, action="assessments_scored", data={"count": count}
    )
    job_finish(
        job.pk,
        message=ngettext("%(count)s report scored.", "%(count)s reports scored.", count)
        % {"count": count},
    )
