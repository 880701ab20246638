"""Submitting a report: what is missing, the frozen version (its PDF follows from a task,
see `report_pdf`); returning a report for changes; new versions. Nothing submitted is
ever overwritten."""

from __future__ import annotations

from collections.abc import Collection
from functools import cached_property
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from supplychain.rules import insight_percentages
from supplychain.selectors import chain_insight_rows, is_identified
from trustone.access.actor import Actor
from trustone.access.errors import require
from trustone.audit.services import audit_record
from trustone.languages import portal_language

from ..assessment.services import assessment_open
from ..models import Action, Answer, Evidence, Importer, Report, ReportStatus, Risk
from . import plans, reports
from .report_pdf import report_pdf_queue


def _chains(report: Report) -> list[Any]:
    from supplychain.models import Chain

    return list(
        Chain.objects.filter(organisation=report.organisation).select_related("factory", "quarry")
    )


class _Parts:
    """What `missing_parts` and `snapshot_of` both read, read once when submitting."""

    def __init__(self, report: Report) -> None:
        self.report = report
        self.chains = _chains(report)
        self.factory, self.quarry = insight_percentages(chain_insight_rows(self.chains))
        self.size, self.full_dd = reports.company_profile(report)
        self.steps = reports.questionnaire(
            report, factory_insight=self.factory, quarry_insight=self.quarry
        )

    @cached_property
    def risks(self) -> list[Any]:
        return list(plans.risks_by_priority(self.report))


def missing_parts(report: Report, parts: _Parts | None = None) -> list[str]:
    """What still has to be done before the report can be submitted."""
    from .importers import is_associated

    if is_associated(report):
        if not report.importers.exists():
            return [_("Name the importers you buy from.")]
        return []
    parts = parts or _Parts(report)
    missing = []
    if not parts.chains:
        missing.append(_("Part 1: the supplier list has no chains."))
    unanswered = [
        q.question.code for step in parts.steps for q in step.questions if not q.is_answered
    ]
    if unanswered:
        missing.append(
            _("Part 2: questions %(codes)s are not answered.") % {"codes": ", ".join(unanswered)}
        )
    if parts.full_dd:
        if not parts.risks:
            missing.append(_("Part 3: the plan of action has no risks."))
        elif any(not risk.actions.all() for risk in parts.risks):
            missing.append(_("Part 3: every risk in the plan of action needs at least one action."))
    return missing


def snapshot_of(report: Report, parts: _Parts | None = None) -> dict[str, Any]:
    """Everything the report consists of, as plain data."""
    parts = parts or _Parts(report)
    chains, factory, quarry = parts.chains, parts.factory, parts.quarry
    size, full_dd, steps = parts.size, parts.full_dd, parts.steps

    def facility(f: Any) -> dict[str, Any] | None:
        if f is None:
            return None
        return {
            "id": f.pk,  # stable across uploads: the registry links it to a canonical site
            "kind": f.kind,
            "name": f.name,
            "address": f.address,
            "place": f.place,
            "country": f.country.code,
            "identified": is_identified(f),
            "latitude": None if f.latitude is None else str(f.latitude),
            "longitude": None if f.longitude is None else str(f.longitude),
        }

    answers = []
    for step in steps:
        for item in step.questions:
            answer = item.answer
            points = item.computed_points
            if points is None and answer is not None and answer.option is not None:
                points = answer.option.points_for(size)
            answers.append(
                {
                    "code": item.question.code,
                    "step": step.step.number,
                    "question_nl": item.question.text_nl,
                    "question_en": item.question.text_en,
                    "option": answer.option.code if answer and answer.option else None,
                    "answer_nl": answer.option.text_nl if answer and answer.option else "",
                    "answer_en": answer.option.text_en if answer and answer.option else "",
                    "explanation": answer.explanation if answer else "",
                    "evidence": [e.original_name for e in item.evidence],
                    "points": None if points is None else str(points),
                    "maximum": str(item.maximum),
                }
            )
    plan = [
        {
            "theme": risk.theme,
            "other_theme": risk.other_theme,
            "region": risk.region,
            "facility": risk.facility.name if risk.facility else "",
            "facility_id": risk.facility_id,
            "scale": risk.scale,
            "scope": risk.scope,
            "irremediability": risk.irremediability,
            "likelihood": risk.likelihood,
            "priority": risk.priority,
            "justification": risk.justification,
            "actions": [
                {
                    "description": a.description,
                    "owner": a.owner,
                    "indicator": a.indicator,
                    "target": a.target,
                    "deadline": a.deadline.isoformat(),
                    "status": a.status,
                    "progress": a.progress,
                }
                for a in risk.actions.all()
            ],
        }
        for risk in parts.risks
    ]
    return {
        "framework_version": report.framework.version,
        "size_class": size,
        "full_due_diligence": full_dd,
        "factory_insight": str(factory),
        "quarry_insight": str(quarry),
        "chains": [
            {
                "id": c.pk,
                "product": c.product,
                "factory": facility(c.factory),
                "quarry": facility(c.quarry),
                "extraction_country": c.extraction_country.code or "",
                "processing_country": c.processing_country.code or "",
                "volume_eur": None if c.volume_eur is None else str(c.volume_eur),
                "is_circular": c.is_circular,
            }
            for c in chains
        ],
        "answers": answers,
        "plan": plan,
        "importers": [
            {
                "name": i.name,
                "member": i.member.name if i.member else "",
                "has_policy": i.has_policy,
                "themes": i.themes,
                "action_taken": i.action_taken,
            }
            for i in report.importers.select_related("member")
        ],
    }


def facilities_in_reports(organisation: Any, facility_ids: Collection[int]) -> set[int]:
    """Those of the organisation's facilities that a risk of any of its reports, or the
    frozen supplier list or plan of a submitted version, refers to. Registered with
    supplychain (AssessmentsConfig.ready) so that such a facility is archived, not deleted."""
    wanted = set(facility_ids)
    found = set(
        Risk.objects.filter(report__organisation=organisation, facility_id__in=wanted).values_list(
            "facility_id", flat=True
        )
    )
    snapshots = Report.objects.filter(organisation=organisation, snapshot__isnull=False)
    for snapshot in snapshots.values_list("snapshot", flat=True).iterator():
        if not snapshot:
            continue
        for chain in snapshot.get("chains", []):
            for role in ("factory", "quarry"):
                facility = chain.get(role) or {}
                if facility.get("id") in wanted:
                    found.add(facility["id"])
        for risk in snapshot.get("plan", []):
            if risk.get("facility_id") in wanted:
                found.add(risk["facility_id"])
    return found


@transaction.atomic
def report_submit(*, actor: Actor, report: Report, language: str = "nl") -> Report:
    """Freeze this version: the snapshot is stored and the assessment opened. The PDF and
    the confirmation e-mail follow from a task queued on commit (`report_pdf`), so the
    request renders nothing. Refused with the list of what is missing."""
    if not actor.acts_for(report.organisation):
        raise PermissionDenied
    report = (
        Report.objects.select_for_update()
        .select_related("organisation", "period", "framework")
        .get(pk=report.pk)
    )
    if report.status not in reports.EDITABLE:
        raise ValidationError(_("This version has already been submitted."))
    parts = _Parts(report)  # read once for the check and the snapshot
    missing = missing_parts(report, parts)
    if missing:
        raise ValidationError(missing)
    report.snapshot = snapshot_of(report, parts)
    report.status = ReportStatus.SUBMITTED
    report.submitted_at, report.submitted_by = timezone.now(), actor.user
    report.language = portal_language(language)
    report.save()
    audit_record(
        actor=actor, action="report_submitted", target=report, data={"version": report.version}
    )
    assessment_open(report=report)
    # Robust: should the broker be away, the submission stands and the beat task
    # `report_pdfs_requeue_task` queues the PDF later.
    transaction.on_commit(lambda: report_pdf_queue(report.pk), robust=True)
    return report


@transaction.atomic
def report_new_version(*, actor: Actor, report: Report, return_comment: str = "") -> Report:
    """A new draft version copying the answers and the plan of a submitted one. The
    company starts it to change its report; the secretariat to return it for changes."""
    report = Report.objects.select_for_update().get(pk=report.pk)
    if report.status != ReportStatus.SUBMITTED:
        raise ValidationError(_("Only a submitted version can get a new version."))
    if Report.objects.filter(
        organisation=report.organisation, period=report.period, version__gt=report.version
    ).exists():
        raise ValidationError(_("A newer version of this report exists already."))
    draft = Report.objects.create(
        organisation=report.organisation,
        period=report.period,
        version=report.version + 1,
        framework=report.framework,
        return_comment=return_comment,
    )
    Answer.objects.bulk_create(
        Answer(
            report=draft,
            question_id=a.question_id,
            option_id=a.option_id,
            explanation=a.explanation,
            updated_at=a.updated_at,
            updated_by_id=a.updated_by_id,
        )
        for a in Answer.objects.filter(report=report)
    )
    Importer.objects.bulk_create(
        Importer(
            report=draft,
            name=i.name,
            member_id=i.member_id,
            has_policy=i.has_policy,
            themes=i.themes,
            action_taken=i.action_taken,
        )
        for i in Importer.objects.filter(report=report)
    )
    Evidence.objects.bulk_create(
        Evidence(
            report=draft,
            question_id=e.question_id,
            file=e.file.name,
            original_name=e.original_name,
            content_type=e.content_type,
            size=e.size,
            uploaded_by_id=e.uploaded_by_id,
            created_at=e.created_at,
        )
        for e in Evidence.objects.filter(report=report)
    )
    for risk in Risk.objects.filter(report=report).prefetch_related("actions"):
        actions = list(risk.actions.all())
        risk.pk, risk.report = None, draft
        risk.save()
        for action in actions:
            action.pk, action.risk = None, risk
        Action.objects.bulk_create(actions)
    return draft


@transaction.atomic
def report_return(*, actor: Actor, report: Report, comment: str) -> Report:
    """The secretariat returns a submitted report for changes, with comments: the
    submitted version stays as it was; a new draft carries the comments. Only a
    secretariat administrator (the coordinator) returns a report."""
    require(actor.is_secretariat_admin)
    if not comment.strip():
        raise ValidationError({"comment": _("Say what has to change.")})
    draft = report_new_version(actor=actor, report=report, return_comment=comment.strip())
    Report.objects.filter(pk=report.pk).update(returned_at=timezone.now())
    audit_record(
        actor=actor, action="report_returned", target=report, data={"new_version": draft.version}
    )
    return draft
