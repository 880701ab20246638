"""Reads for the steering group's dashboard: membership movements (who joined, gave
notice, left or was expelled) and the progress of the initiative over the years (members
and parties, member companies per level, the average due-diligence score). Counts and
averages only, apart from the movements, which the public listing shows anyway. A fixed
number of queries, whatever the number of members."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from members.models import (
    ApplicationStatus,
    CovenantMembership,
    LevelAssignment,
    PartyApplication,
    Termination,
    TerminationKind,
)
from trustone.access.actor import Actor

from ..models import Assessment, AssessmentStatus
from ..rules import steering as rules
from .selectors import require_reader

LEVELS = range(0, 6)  # 0: not yet classified


@dataclass
class Year:
    year: int
    joined: int = 0
    notice: int = 0
    expelled: int = 0
    other_ended: int = 0
    companies: int = 0
    parties: int = 0
    #: Full members counted at the end of the year, per level (index 0: not classified).
    levels: list[int] = field(default_factory=lambda: [0] * len(LEVELS))
    average_score: Decimal | None = None
    scored_companies: int = 0

    @property
    def left(self) -> int:
        return self.notice + self.expelled + self.other_ended

    @property
    def full_members(self) -> int:
        return sum(self.levels)


@dataclass(frozen=True)
class Movement:
    on: date
    organisation: str
    what: str  # joined, notice, expelled, ended
    label: str
    ends_on: date | None = None


def _memberships() -> list[Any]:
    """(organisation, kind, member type, joined on, ends on) of every signed membership."""
    return list(
        CovenantMembership.objects.filter(joined_on__isnull=False).values_list(
            "organisation_id", "organisation__kind", "member_type", "joined_on", "ends_on"
        )
    )


def _terminations() -> list[tuple[int, str, str, date, date, date | None]]:
    return list(
        Termination.objects.order_by("ends_on", "id").values_list(
            "organisation_id",
            "organisation__name",
            "kind",
            "notice_on",
            "ends_on",
            "steering_group_decided_on",
        )
    )


def _level_histories() -> dict[int, list[tuple[date, int]]]:
    histories: dict[int, list[tuple[date, int]]] = defaultdict(list)
    for organisation_id, decided_on, level in LevelAssignment.objects.order_by(
        "decided_on", "id"
    ).values_list("organisation_id", "decided_on", "level"):
        histories[organisation_id].append((decided_on, level))
    return histories


def _scores() -> list[Any]:
    """(company, report year, DD score) of decided assessments, the last decided last."""
    return list(
        Assessment.objects.filter(status=AssessmentStatus.DECIDED, dd_score__isnull=False)
        .order_by("decided_at", "id")
        .values_list("report__organisation_id", "report__period__year", "dd_score")
    )


def years_of(actor: Actor, *, today: date | None = None) -> list[Year]:
    """Per year since the first membership: joined and left (by kind of termination),
    member companies and parties at the end of the year, full members per level, and the
    average DD score of the decided assessments of that report year (four queries)."""
    require_reader(actor)
    today = today or timezone.localdate()
    memberships, terminations = _memberships(), _terminations()
    histories, scores = _level_histories(), _scores()
    first = min((joined for *_rest, joined, _ends in memberships), default=None)
    years = {year: Year(year) for year in rules.years_from(first, today)}
    for _organisation, _kind, _type, joined_on, _ends_on in memberships:
        if joined_on.year in years:
            years[joined_on.year].joined += 1
    for _organisation, _name, kind, _notice_on, ends_on, _decided in terminations:
        if ends_on > today or ends_on.year not in years:
            continue
        row = years[ends_on.year]
        if kind == TerminationKind.NOTICE:
            row.notice += 1
        elif kind == TerminationKind.EXPULSION:
            row.expelled += 1
        else:
            row.other_ended += 1
    for row in years.values():
        on = rules.year_end(row.year, today)
        for organisation, kind, member_type, joined_on, ends_on in memberships:
            if not rules.is_member_on(joined_on, ends_on, on):
                continue
            if kind == "company":
                row.companies += 1
            else:
                row.parties += 1
            if kind == "company" and member_type == "full":
                level = rules.level_on(histories.get(organisation, []), on)
                row.levels[level or 0] += 1
    averages = rules.average_per_year(scores)
    contributors: dict[int, set[int]] = defaultdict(set)
    for company, year, _score in scores:
        contributors[year].add(company)
    for year, average in averages.items():
        if year in years:
            years[year].average_score = average
            years[year].scored_companies = len(contributors[year])
    return [years[year] for year in sorted(years)]


def recent_movements(actor: Actor, *, today: date | None = None) -> list[Movement]:
    """The last twelve months: who joined, gave notice, was expelled or left, newest
    first (two queries). The names are those the public listing shows."""
    require_reader(actor)
    today = today or timezone.localdate()
    since = today - timedelta(days=365)
    joined: Any = CovenantMembership.objects.filter(
        joined_on__gte=since, joined_on__lte=today
    ).values_list("organisation__name", "joined_on")
    movements = [
        Movement(on=joined_on, organisation=name, what="joined", label=_("joined"))
        for name, joined_on in joined
    ]
    labels = dict(TerminationKind.choices)
    for _organisation, name, kind, notice_on, ends_on, decided_on in _terminations():
        if kind == TerminationKind.NOTICE and not since <= notice_on <= today:
            # notice given earlier: the end of the membership is the movement
            on, what, label = ends_on, "ended", _("left after notice")
        elif kind == TerminationKind.NOTICE:
            on, what, label = notice_on, "notice", _("gave notice")
        elif kind == TerminationKind.EXPULSION:
            on, what, label = decided_on or notice_on, "expelled", _("expelled")
        else:
            on, what, label = ends_on, "ended", str(labels.get(kind, kind))
        if since <= on <= today:
            movements.append(Movement(on, name, what, label, ends_on))
    return sorted(movements, key=lambda item: (item.on, item.organisation), reverse=True)


def pending_applications(actor: Actor) -> list[dict[str, Any]]:
    """Applications to become a party (Art. 14) that the steering group has yet to decide:
    the organisation, its kind and country, and how far it got (no contact data)."""
    require_reader(actor)
    return [
        {
            "organisation_name": application.organisation_name,
            "kind": application.get_organisation_kind_display(),
            "country": application.get_country_display(),
            "status": application.get_status_display(),
            "submitted_on": timezone.localdate(application.created_at),
            "parties_informed_on": application.parties_informed_on,
        }
        for application in PartyApplication.objects.filter(
            status__in=(ApplicationStatus.SUBMITTED, ApplicationStatus.PARTIES_INFORMED)
        )
        .order_by("created_at", "id")
        .only(
            "organisation_name",
            "organisation_kind",
            "country",
            "status",
            "created_at",
            "parties_informed_on",
        )
    ]
