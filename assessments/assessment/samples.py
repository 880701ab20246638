"""Sample checks (DOMAIN §4.6, Art. 6.1): the secretariat draws submitted reports at
random to verify what companies supplied and the improvements they reported, and
samples the efforts of associated members. Every draw records its population and seed,
so that anyone can draw it again and get the same reports."""

from __future__ import annotations

import secrets
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.utils.translation import gettext as _

from trustone.access.actor import Actor
from trustone.access.errors import NotFound, require
from trustone.audit.services import audit_record

from .. import rules
from ..models import Report, ReportStatus, SampleDraw, SampleFinding, SampleKind
from .selectors import superseded

MEMBER_TYPES: dict[str, str] = {SampleKind.REPORTS: "full", SampleKind.ASSOCIATED: "associated"}


def population(period: Any, kind: str) -> list[int]:
    """The ids of the latest submitted reports of the period, of member companies or of
    associated members."""
    return sorted(
        Report.objects.filter(
            period=period,
            status=ReportStatus.SUBMITTED,
            organisation__covenant__member_type=MEMBER_TYPES[kind],
        )
        .exclude(superseded())
        .values_list("pk", flat=True)
    )


def draws_visible_to(actor: Actor) -> QuerySet[SampleDraw]:
    """Every draw, for secretariat administrators (who run the sample checks); nothing
    for anyone else."""
    if not actor.is_secretariat_admin:
        return SampleDraw.objects.none()
    return SampleDraw.objects.select_related("period", "drawn_by")


def access_draw(actor: Actor, draw_id: int) -> SampleDraw:
    draw = draws_visible_to(actor).filter(pk=draw_id).first()
    if draw is None:
        raise NotFound
    return draw


def sampled_reports(draw: SampleDraw) -> list[tuple[Report, SampleFinding | None]]:
    """The drawn reports with their finding (if recorded), by company name."""
    findings = {f.report_id: f for f in draw.findings.select_related("recorded_by")}
    reports = Report.objects.filter(pk__in=draw.selected).select_related("organisation")
    return [
        (report, findings.get(report.pk))
        for report in sorted(reports, key=lambda r: r.organisation.name.lower())
    ]


def is_reproduced(draw: SampleDraw) -> bool:
    """Drawing again from the recorded population and seed gives the same reports."""
    return rules.draw_sample(draw.population, draw.size, draw.seed) == sorted(draw.selected)


@transaction.atomic
def sample_draw(
    *, actor: Actor, period: Any, kind: str, size: int, seed: str = "", note: str = ""
) -> SampleDraw:
    """Draw `size` reports at random from the period's population (the secretariat)."""
    require(actor.is_secretariat_admin)
    ids = population(period, kind)
    if not ids:
        raise ValidationError(_("There are no submitted reports to draw from in this period."))
    if size < 1:
        raise ValidationError({"size": _("Draw at least one report.")})
    seed = seed.strip() or secrets.token_hex(8)
    draw = SampleDraw(
        period=period,
        kind=kind,
        size=min(size, len(ids)),
        seed=seed,
        population=ids,
        selected=rules.draw_sample(ids, size, seed),
        note=note.strip(),
        drawn_by=actor.user,
    )
    draw.full_clean()
    draw.save()
    audit_record(
        actor=actor,
        action="sample_drawn",
        target=draw,
        data={"seed": seed, "population": len(ids), "selected": draw.selected},
    )
    return draw


@transaction.atomic
def finding_record(
    *, actor: Actor, draw: SampleDraw, report_id: int, outcome: str, findings: str
) -> SampleFinding:
    """Record (or correct) what the verification of one drawn report found."""
    require(actor.is_secretariat_admin)
    if report_id not in draw.selected:
        raise NotFound
    finding = SampleFinding.objects.filter(draw=draw, report_id=report_id).first() or (
        SampleFinding(draw=draw, report_id=report_id)
    )
    finding.outcome, finding.findings, finding.recorded_by = outcome, findings.strip(), actor.person
    finding.full_clean()
    finding.save()
    audit_record(actor=actor, action="finding_recorded", target=finding, data={"outcome": outcome})
    return finding


def findings_of(report: Report) -> QuerySet[SampleFinding]:
    """The verification findings on a report (shown to the secretariat with it)."""
    return SampleFinding.objects.filter(report=report).select_related("draw", "recorded_by")
