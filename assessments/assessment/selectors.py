"""Reads of the assessment: the secretariat's queue, who may assess which report (the
coordinator, or the assessor granted on it), scorecards from the frozen snapshot, the
company's decided assessments and the dashboard tasks."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import timedelta
from typing import Any

from django.db.models import Exists, F, OuterRef, Q, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from members.models import LevelAssignment, User
from members.selectors import active_people
from trustone.access.actor import Actor
from trustone.access.errors import NotFound
from trustone.access.grants import granted_objects, has_grant

from .. import rules
from ..models import (
    Assessment,
    AssessmentStatus,
    Evidence,
    Report,
    ReportStatus,
    ScoreAdjustment,
)
from ..permissions import ASSESS
from .scoring import Scorecard, scorecard

QUEUE_FILTERS = ("q", "period", "status", "assessor", "size", "level", "overdue")


def is_coordinator(actor: Actor) -> bool:
    """The coordinator: an administrator of the secretariat."""
    return actor.is_secretariat and actor.is_admin


def may_assess(actor: Actor, assessment: Assessment) -> bool:
    """The coordinator, or the assessor the report is assigned to (object grant); a
    secretariat member who is not an assessor never assesses, whatever it was granted."""
    return is_coordinator(actor) or (
        actor.is_assessor and has_grant(user=actor.user, permission=ASSESS, obj=assessment)
    )


def assessments_with_report() -> QuerySet[Assessment]:
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
        assessments_with_report()
        .filter(report__status=ReportStatus.SUBMITTED)
        .exclude(superseded("report__"))
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
    assessment = assessments_with_report().filter(pk=assessment_id).first()
    if assessment is None or not may_assess(actor, assessment):
        raise NotFound
    return assessment


def assessments_of_company(actor: Actor) -> QuerySet[Assessment]:
    """The decided assessments of the company the actor acts for (never another's)."""
    if actor.organisation is None or actor.organisation_kind != "company":
        return Assessment.objects.none()
    return assessments_with_report().filter(
        report__organisation=actor.organisation, status=AssessmentStatus.DECIDED
    )


def access_company_assessment(actor: Actor, assessment_id: int) -> Assessment:
    """A decided assessment of the actor's own company; not found otherwise."""
    assessment = assessments_of_company(actor).filter(pk=assessment_id).first()
    if assessment is None:
        raise NotFound
    return assessment


def assessors(actor: Actor) -> QuerySet[Any]:
    """The secretariat's coordinators and assessors, to assign; for the coordinator."""
    if not is_coordinator(actor):
        return User.objects.none()
    return active_people(actor.organisation, roles=("admin", "assessor")).order_by(
        "full_name", "email"
    )


def assigned_to(actor: Actor) -> QuerySet[Assessment]:
    """The open assessments assigned to the actor (an assessor or the coordinator)."""
    if not (actor.is_assessor or actor.is_secretariat_admin) or actor.user is None:
        return Assessment.objects.none()
    return granted_objects(
        user=actor.user,
        permission=ASSESS,
        queryset=assessments_with_report().exclude(status=AssessmentStatus.DECIDED),
    )


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


def access_letter_assessment(actor: Actor, assessment_id: int) -> Assessment:
    """A decided assessment, for its letter: the company's own; at the secretariat, for
    the coordinator and the assessor granted on it."""
    if actor.is_secretariat:
        assessment = (
            assessments_with_report()
            .filter(pk=assessment_id, status=AssessmentStatus.DECIDED)
            .first()
        )
        if assessment is None or not may_assess(actor, assessment):
            raise NotFound
        return assessment
    return access_company_assessment(actor, assessment_id)


def evidence_by_question(report: Report) -> dict[str, list[Any]]:
    """The report's evidence files per question code (the secretariat reads them)."""
    files: dict[str, list[Any]] = {}
    for item in Evidence.objects.filter(report=report).select_related("question"):
        files.setdefault(item.question.code, []).append(item)
    return files


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
