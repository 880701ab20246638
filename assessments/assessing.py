"""Assessing submitted reports (DOMAIN §4): the queue, assessors assigned through an
object grant, scores from the frozen snapshot, adjustments with reasons, the proposal
by the assessor and the decision by the coordinator, which becomes the company's level."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import timedelta
from decimal import Decimal
from itertools import islice
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Exists, F, OuterRef, Q, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from trustone.access.actor import Actor
from trustone.access.errors import NotFound
from trustone.access.grants import grant, granted_objects, has_grant, revoke
from trustone.audit.services import audit_record
from trustone.mail import mail_users

from . import rules
from .levels import level_assignment_add
from .models import (
    Assessment,
    AssessmentKind,
    AssessmentStatus,
    LevelAssignment,
    LevelSource,
    Report,
    ReportStatus,
    ScoreAdjustment,
)
from .permissions import ASSESS
from .scoring import Scorecard, scorecard

QUEUE_FILTERS = ("q", "period", "status", "assessor", "size", "level", "overdue")


# --- Who may do what ------------------------------------------------------------------


def is_coordinator(actor: Actor) -> bool:
    """The coordinator: an administrator of the secretariat."""
    return actor.is_secretariat and actor.is_admin


def may_assess(actor: Actor, assessment: Assessment) -> bool:
    """The coordinator, or the assessor the report is assigned to (object grant); a
    secretariat member who is not an assessor never assesses, whatever it was granted."""
    return is_coordinator(actor) or (
        actor.is_assessor and has_grant(user=actor.user, permission=ASSESS, obj=assessment)
    )


def _assessments() -> QuerySet[Assessment]:
    return Assessment.objects.select_related(
        "report__organisation__covenant", "report__period", "report__framework", "assessor"
    )


#: An assessment is overdue when it is still open this long after the report deadline.
OVERDUE_AFTER = timedelta(days=90)


def superseded(prefix: str = "") -> Exists:
    """A newer version of the same company's report for the same period exists (the
    report was returned or the company started a new version): not for assessing."""
    return Exists(
        Report.objects.filter(
            organisation=OuterRef(f"{prefix}organisation"),
            period=OuterRef(f"{prefix}period"),
            version__gt=OuterRef(f"{prefix}version"),
        )
    )


def assessment_queue(actor: Actor, **filters: str) -> QuerySet[Assessment]:
    """The secretariat's queue of submitted reports: every secretariat user sees it (to
    know the workload); opening one needs `may_assess`. Filters: q (company name),
    period (year), status, assessor (user id or "none"), size, level (computed), overdue
    ("1")."""
    if not actor.is_secretariat:
        return Assessment.objects.none()
    queue = (
        _assessments().filter(report__status=ReportStatus.SUBMITTED).exclude(superseded("report__"))
    )
    if filters.get("q", "").strip():
        queue = queue.filter(report__organisation__name__icontains=filters["q"].strip())
    if filters.get("period", "").isdigit():
        queue = queue.filter(report__period__year=int(filters["period"]))
    if filters.get("status") in AssessmentStatus.values:
        queue = queue.filter(status=filters["status"])
    assessor = filters.get("assessor", "")
    if assessor == "none":
        queue = queue.filter(assessor__isnull=True)
    elif assessor.isdigit():
        queue = queue.filter(assessor_id=int(assessor))
    if filters.get("level", "").isdigit():
        queue = queue.filter(computed_level=int(filters["level"]))
    if filters.get("size") in ("large", "medium", "small"):
        queue = queue.filter(report__snapshot__size_class=filters["size"])
    if filters.get("overdue") == "1":
        cutoff = timezone.localdate() - OVERDUE_AFTER
        queue = queue.filter(
            Q(report__submitted_at__date__gt=F("report__period__deadline"))
            | (~Q(status=AssessmentStatus.DECIDED) & Q(report__period__deadline__lt=cutoff))
        )
    return queue.order_by("report__period__year", "report__submitted_at", "pk")


def access_assessment(actor: Actor, assessment_id: int) -> Assessment:
    """An assessment the actor may assess (coordinator or assigned assessor); not found
    for anyone else, other secretariat users included."""
    assessment = _assessments().filter(pk=assessment_id).first()
    if assessment is None or not may_assess(actor, assessment):
        raise NotFound
    return assessment


def assessments_of_company(actor: Actor) -> QuerySet[Assessment]:
    """The decided assessments of the company the actor acts for (never another's)."""
    if actor.organisation is None or actor.organisation_kind != "company":
        return Assessment.objects.none()
    return _assessments().filter(
        report__organisation=actor.organisation, status=AssessmentStatus.DECIDED
    )


def access_company_assessment(actor: Actor, assessment_id: int) -> Assessment:
    """A decided assessment of the actor's own company; not found otherwise."""
    assessment = assessments_of_company(actor).filter(pk=assessment_id).first()
    if assessment is None:
        raise NotFound
    return assessment


def assessors(actor: Actor) -> QuerySet[Any]:
    """The secretariat's users, to assign; for the coordinator."""
    from members.models import User
    from members.selectors import active_people

    if not is_coordinator(actor):
        return User.objects.none()
    return (
        active_people(actor.organisation)
        .filter(
            memberships__organisation=actor.organisation,
            memberships__role__in=("admin", "assessor"),
            memberships__is_active=True,
        )
        .distinct()
        .order_by("full_name", "email")
    )


def assigned_to(actor: Actor) -> QuerySet[Assessment]:
    """The open assessments assigned to the actor (an assessor or the coordinator)."""
    if not (actor.is_assessor or actor.is_secretariat_admin) or actor.user is None:
        return Assessment.objects.none()
    return granted_objects(
        user=actor.user,
        permission=ASSESS,
        queryset=_assessments().exclude(status=AssessmentStatus.DECIDED),
    )


# --- Scores ---------------------------------------------------------------------------


def adjustments_of(assessment: Assessment) -> list[ScoreAdjustment]:
    return list(ScoreAdjustment.objects.filter(assessment=assessment).select_related("adjusted_by"))


def scorecard_of(
    assessment: Assessment, adjustments: list[ScoreAdjustment] | None = None
) -> Scorecard:
    """The scorecard from the report's snapshot and the adjustments so far."""
    return scorecard(
        assessment.report.snapshot or {},
        adjustments if adjustments is not None else adjustments_of(assessment),
        impact_indicators_met=assessment.impact_indicators_met,
    )


def _store_scores(assessment: Assessment, card: Scorecard) -> None:
    assessment.dd_score = card.dd_score.quantize(Decimal("0.0001"))
    assessment.factory_insight = card.factory_insight.quantize(Decimal("0.0001"))
    assessment.quarry_insight = card.quarry_insight.quantize(Decimal("0.0001"))
    assessment.computed_level = card.level
    assessment.scored_at = timezone.now()


def latest_levels(organisation_ids: Iterable[int]) -> dict[int, int]:
    """The current level (latest decision) per organisation id, in one query."""
    return dict(
        LevelAssignment.objects.filter(organisation_id__in=list(organisation_ids))
        .order_by("organisation_id", "-decided_on", "-id")
        .distinct("organisation_id")
        .values_list("organisation_id", "level")
    )


def current_level(organisation: Any) -> int | None:
    return latest_levels([organisation.pk]).get(organisation.pk)


def assessment_histories(organisation_ids: Iterable[int]) -> dict[int, dict[int, str]]:
    """Per organisation id: {year: kind} of its assessments (latest version per year). A
    level recorded for a year without an assessment in the portal (the first term, or
    decided on paper) counts as a full assessment that year."""
    ids = list(organisation_ids)
    histories: dict[int, dict[int, str]] = {}
    for organisation_id, year in LevelAssignment.objects.filter(
        organisation_id__in=ids
    ).values_list("organisation_id", "year"):
        histories.setdefault(organisation_id, {})[year] = rules.FULL
    for organisation_id, year, kind in (
        Assessment.objects.filter(report__organisation_id__in=ids)
        .order_by("report__period__year", "report__version")
        .values_list("report__organisation_id", "report__period__year", "kind")
    ):
        histories.setdefault(organisation_id, {})[year] = kind
    return histories


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


# --- The workflow ---------------------------------------------------------------------


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
    assessment = _assessments().get(pk=assessment_id)
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
    unknown = set(fields) - set(REVIEW_FIELDS)
    if unknown:
        raise TypeError(f"Unknown fields {unknown}")
    for name, value in fields.items():
        setattr(assessment, name, value.strip() if isinstance(value, str) else value)
    if assessment.impact_indicators_met and not assessment.impact_reason:
        raise ValidationError({"impact_reason": _("Explain why the impact indicators are met.")})
    _store_scores(assessment, scorecard_of(assessment))
    assessment.full_clean()
    assessment.save()
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

    assessment = _assessments().get(pk=assessment_id)
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


def access_letter_assessment(actor: Actor, assessment_id: int) -> Assessment:
    """A decided assessment, for its letter: the company's own; at the secretariat, for
    the coordinator and the assessor granted on it."""
    if actor.is_secretariat:
        assessment = (
            _assessments().filter(pk=assessment_id, status=AssessmentStatus.DECIDED).first()
        )
        if assessment is None or not may_assess(actor, assessment):
            raise NotFound
        return assessment
    return access_company_assessment(actor, assessment_id)


def evidence_by_question(report: Report) -> dict[str, list[Any]]:
    """The report's evidence files per question code (the secretariat reads them)."""
    from .models import Evidence

    files: dict[str, list[Any]] = {}
    for item in Evidence.objects.filter(report=report).select_related("question"):
        files.setdefault(item.question.code, []).append(item)
    return files


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


def assessment_tasks(actor: Actor) -> list[tuple[str, str]]:
    """Dashboard tasks: the coordinator's unassigned reports, an assessor's assigned ones,
    a company's assessment decided in the last 60 days."""
    queue_url = reverse("assessments:queue")
    if actor.is_secretariat:
        tasks = []
        if is_coordinator(actor):
            waiting = assessment_queue(actor, assessor="none").count()
            if waiting:
                tasks.append(
                    (
                        ngettext(
                            "%(count)s submitted report waits for an assessor",
                            "%(count)s submitted reports wait for an assessor",
                            waiting,
                        )
                        % {"count": waiting},
                        queue_url + "?assessor=none",
                    )
                )
        mine = assigned_to(actor).exclude(status=AssessmentStatus.PROPOSED).count()
        if mine:
            tasks.append(
                (
                    ngettext(
                        "%(count)s report to assess is assigned to you",
                        "%(count)s reports to assess are assigned to you",
                        mine,
                    )
                    % {"count": mine},
                    queue_url,
                )
            )
        return tasks
    recent = assessments_of_company(actor).filter(
        decided_at__gte=timezone.now() - timedelta(days=60)
    )
    return [
        (
            _("The assessment of your report on %(year)s is ready: level %(level)s")
            % {"year": item.report.period.year, "level": item.decided_level},
            reverse("assessments:assessment_result", args=[item.pk]),
        )
        for item in recent.order_by("-decided_at")
    ]
