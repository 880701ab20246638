"""Data for the steering group's dashboard: member companies with a level history,
decided assessments with a DD score, terminations, late signals and complaints."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from django.utils import timezone

from members.models import CovenantMembership, LevelAssignment, Organisation, Termination

from .covenant import CovenantMembershipFactory
from .members import OrganisationFactory


def member(
    name: str,
    *,
    joined_on: date,
    kind: str = "company",
    member_type: str = "full",
    ends_on: date | None = None,
    levels: tuple[tuple[date, int], ...] = (),
) -> Organisation:
    """An organisation whose membership runs from `joined_on` (to `ends_on`), with the
    levels decided on the given dates."""
    organisation = OrganisationFactory(name=name, kind=kind)
    CovenantMembershipFactory(
        organisation=organisation, member_type=member_type, joined_on=joined_on, ends_on=ends_on
    )
    for decided_on, level in levels:
        LevelAssignment.objects.create(
            organisation=organisation, year=decided_on.year, level=level, decided_on=decided_on
        )
    return organisation


def terminated(
    organisation: Organisation,
    *,
    kind: str,
    notice_on: date,
    ends_on: date,
    recorded_by: Any,
) -> Termination:
    """A termination as the lifecycle records it: the membership ends on `ends_on`."""
    termination = Termination.objects.create(
        organisation=organisation,
        kind=kind,
        reason="Reden",
        notice_on=notice_on,
        ends_on=ends_on,
        steering_group_decided_on=notice_on if kind == "expulsion" else None,
        recorded_by=recorded_by,
    )
    CovenantMembership.objects.filter(organisation=organisation).update(ends_on=ends_on)
    return termination


def decided_score(organisation: Organisation, year: int, score: str, framework: Any) -> Any:
    """A decided assessment with a DD score of the company's report of `year`."""
    from assessments.models import Assessment, Report, ReportingPeriod

    period, _created = ReportingPeriod.objects.get_or_create(
        year=year, defaults={"deadline": date(year + 1, 3, 1), "framework": framework}
    )
    report = Report.objects.create(
        organisation=organisation, period=period, framework=framework, status="submitted"
    )
    return Assessment.objects.create(
        report=report, status="decided", dd_score=Decimal(score), decided_at=timezone.now()
    )


def late_signal(world: Any, *, days_ago: int, urgency: str = "routine", **fields: Any) -> Any:
    """A signal of the world's NGO about a region, filed `days_ago` days ago, not routed."""
    from .signals import signal_about

    signal = signal_about(world, None, urgency=urgency, **fields)
    signal.filed_at = timezone.now() - timedelta(days=days_ago)
    signal.save(update_fields=["filed_at"])
    return signal
