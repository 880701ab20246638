"""Reads of the plan of action: risks in order of priority, and one risk or action of the
actor's own company's report."""

from __future__ import annotations

from trustone.access.actor import Actor
from trustone.access.errors import NotFound

from ... import rules
from ...models import Action, Report, Risk


def risks_by_priority(report: Report) -> list[Risk]:
    """The report's risks with their actions, highest priority first. Two queries."""
    risks = list(
        Risk.objects.filter(report=report)
        .select_related("facility", "updated_by")
        .prefetch_related("actions")
    )
    for risk in risks:
        risk.priority = rules.risk_priority(  # type: ignore[attr-defined]
            scale=risk.scale,
            scope=risk.scope,
            irremediability=risk.irremediability,
            likelihood=risk.likelihood,
        )
    return sorted(risks, key=lambda r: (-r.priority, r.pk))  # type: ignore[attr-defined]


def access_risk(actor: Actor, risk_id: int) -> Risk:
    """A risk in a report of the actor's own company; not found otherwise."""
    risk = Risk.objects.select_related("report__organisation").filter(pk=risk_id).first()
    if risk is None or not actor.acts_for(risk.report.organisation):
        raise NotFound
    return risk


def access_action(actor: Actor, action_id: int) -> Action:
    action = (
        Action.objects.select_related("risk__report__organisation").filter(pk=action_id).first()
    )
    if action is None or not actor.acts_for(action.risk.report.organisation):
        raise NotFound
    return action
