"""Reads for submitting: what is still missing, the frozen snapshot of a version, and which
facilities a company's reports refer to."""

from __future__ import annotations

from collections.abc import Collection
from functools import cached_property
from typing import Any

from django.utils.translation import gettext as _

from supplychain.models import Chain
from supplychain.rules import insight_percentages
from supplychain.selectors import chain_insight_rows, is_identified

from ...models import Report, Risk
from . import plans, reports
from .importers import is_associated


def _chains(report: Report) -> list[Any]:
    return list(
        Chain.objects.filter(organisation=report.organisation).select_related("factory", "quarry")
    )


class SubmissionParts:
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


def missing_parts(report: Report, parts: SubmissionParts | None = None) -> list[str]:
    """What still has to be done before the report can be submitted."""
    if is_associated(report):
        if not report.importers.exists():
            return [_("Name the importers you buy from.")]
        return []
    parts = parts or SubmissionParts(report)
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


def snapshot_of(report: Report, parts: SubmissionParts | None = None) -> dict[str, Any]:
    """Everything the report consists of, as plain data."""
    parts = parts or SubmissionParts(report)
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
