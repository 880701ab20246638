"""Writes of the plan of action: risks and actions of a draft report, and carrying last
year's plan forward into a new draft."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from trustone.access.actor import Actor
from trustone.services import model_update

from ...models import Action, ActionStatus, Report, ReportStatus, Risk
from ..selectors.reports import ensure_editable

#: What a company may set on the risks and actions of its plan (the form and the API).
RISK_FIELDS = (
    "theme",
    "other_theme",
    "region",
    "facility",
    "scale",
    "scope",
    "irremediability",
    "likelihood",
    "justification",
)


ACTION_FIELDS = ("description", "owner", "indicator", "target", "deadline", "status", "progress")


@transaction.atomic
def risk_save(*, actor: Actor, report: Report, risk: Risk | None = None, **fields: Any) -> Risk:
    ensure_editable(actor, report)
    facility = fields.get("facility")
    if facility is not None and facility.organisation_id != report.organisation_id:
        raise ValidationError({"facility": _("Choose one of your own facilities.")})
    if fields.get("theme") == "other" and not fields.get("other_theme", "").strip():
        raise ValidationError({"other_theme": _("Name the other issue.")})
    risk, _changed = model_update(
        risk or Risk(report=report), fields=RISK_FIELDS, data=fields, user=actor.user
    )
    return risk


@transaction.atomic
def risk_delete(*, actor: Actor, risk: Risk) -> None:
    ensure_editable(actor, risk.report)
    risk.delete()


@transaction.atomic
def action_save(*, actor: Actor, risk: Risk, action: Action | None = None, **fields: Any) -> Action:
    ensure_editable(actor, risk.report)
    action, _changed = model_update(
        action or Action(risk=risk), fields=ACTION_FIELDS, data=fields, user=actor.user
    )
    return action


@transaction.atomic
def action_delete(*, actor: Actor, action: Action) -> None:
    ensure_editable(actor, action.risk.report)
    action.delete()


def plan_carry_forward(*, report: Report) -> int:
    """Copy the risks with unfinished actions of the company's latest submitted report of
    an earlier period into a new report, so that progress on them can be reported.
    Returns the number of actions carried forward."""
    previous = (
        Report.objects.filter(
            organisation=report.organisation,
            period__year__lt=report.period.year,
            status=ReportStatus.SUBMITTED,
        )
        .order_by("-period__year", "-version")
        .first()
    )
    if previous is None:
        return 0
    carried = 0
    for risk in Risk.objects.filter(report=previous).prefetch_related("actions"):
        open_actions = [
            a
            for a in risk.actions.all()
            if a.status in (ActionStatus.PLANNED, ActionStatus.IN_PROGRESS)
        ]
        if not open_actions:
            continue
        copy = Risk.objects.create(
            report=report,
            theme=risk.theme,
            other_theme=risk.other_theme,
            region=risk.region,
            facility=risk.facility,
            scale=risk.scale,
            scope=risk.scope,
            irremediability=risk.irremediability,
            likelihood=risk.likelihood,
            justification=risk.justification,
        )
        Action.objects.bulk_create(
            Action(
                risk=copy,
                description=a.description,
                owner=a.owner,
                indicator=a.indicator,
                target=a.target,
                deadline=a.deadline,
                status=a.status,
                progress=a.progress,
                carried_from=a,
            )
            for a in open_actions
        )
        carried += len(open_actions)
    return carried
