"""Reads for everyone: a member company's published plan of action, without any link
between a supplier and the company (DOMAIN §5, Art. 5.12 and 6.6).

Decision — what "published" means. Art. 6.6 has the secretariat publish the plans, and
the secretariat is the filter of DOMAIN §5. So a plan is published once the secretariat
has decided the assessment of the report version it is in (full or plan-of-action
assessment alike): the moment its level reaches the public listing too. The public reads
the plan in the frozen snapshot of the member's latest such version (latest reporting
period, then latest version): never a draft, never a version still being assessed,
never the plan as the company is editing it now. A newer version replaces the published
plan only once it is decided in turn. Only member companies (full and associated
members) on the public listing (`members.public.listed_organisations`: declaration
signed, membership not ended) have the page; for anyone else — not yet signed, ended,
supporting members, governments, other organisations — it is not found.

What the public reads, per risk in order of priority: its theme (or other issue), the
production region, the ratings and the priority, the justification, and its actions
with their indicator, target, deadline, status and progress. Every text goes through
`assessments.rules.redaction` with the names, addresses and places of the company's
suppliers: the facilities of the frozen supplier list and of its current one (archived
ones too), and the registry's sites these are. The risk's link to a facility is not
shown at all. The action's owner is left out: it names a person or department of the
company (or at a supplier), which the public has no need of (data minimisation).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from django.db.models import Func, IntegerField, OuterRef, QuerySet
from django.db.models.fields.json import KeyTransform
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from members.models import Organisation
from members.public import MemberPage, listed_organisations
from supplychain.models import Facility
from trustone.access.errors import NotFound

from ..models import ActionStatus, AssessmentStatus, Rating, Report, ReportStatus, Theme
from ..rules import risk_severity
from ..rules.redaction import PLACE, SUPPLIER, Redaction, redact, redaction_for

#: The membership types that report a plan of action: member companies.
PLAN_MEMBER_TYPES = ("full", "associated")

NOT_PUBLISHED = gettext_lazy(
    "No plan of action has been published yet. The secretariat publishes a company's "
    "plan once it has assessed the company's report."
)


def _label(choices: Any, value: Any) -> str:
    try:
        return str(choices(value).label)
    except ValueError:
        return str(value)


@dataclass(frozen=True)
class PublicAction:
    description: str
    indicator: str
    target: str
    deadline: date | None
    status: str
    progress: str

    @property
    def status_label(self) -> str:
        return _label(ActionStatus, self.status)


@dataclass(frozen=True)
class PublicRisk:
    theme: str
    other_theme: str
    region: str
    scale: int
    scope: int
    irremediability: int
    likelihood: int
    justification: str
    actions: tuple[PublicAction, ...]

    @property
    def theme_label(self) -> str:
        if self.theme == Theme.OTHER and self.other_theme:
            return self.other_theme
        return _label(Theme, self.theme)

    @property
    def severity(self) -> int:
        return risk_severity(
            scale=self.scale, scope=self.scope, irremediability=self.irremediability
        )

    @property
    def priority(self) -> int:
        return self.severity * self.likelihood

    def ratings(self) -> Iterator[tuple[str, int, str]]:
        """(criterion, rating 1–3, its label) for scale, scope, irremediability and
        likelihood."""
        for name in ("scale", "scope", "irremediability", "likelihood"):
            value = getattr(self, name)
            yield name, value, _label(Rating, value)


@dataclass(frozen=True)
class PublicPlan:
    organisation: Organisation
    year: int | None  # the reporting period; None while no plan is published
    assessed_on: date | None
    risks: tuple[PublicRisk, ...]

    @property
    def is_published(self) -> bool:
        return self.year is not None


def placeholders() -> dict[str, str]:
    """What a supplier's name and a place are replaced by, in the current language."""
    return {SUPPLIER: _("[supplier]"), PLACE: _("[place]")}


def published_reports() -> QuerySet[Report]:
    """Submitted report versions whose assessment the secretariat has decided, latest
    period and version first."""
    return Report.objects.filter(
        status=ReportStatus.SUBMITTED,
        snapshot__isnull=False,
        assessment__status=AssessmentStatus.DECIDED,
    ).order_by("-period__year", "-version")


def published_plan_risks() -> QuerySet[Any]:
    """For the public listing (registered in AppConfig.ready): the number of risks in the
    member's published plan (a one-column subquery on OuterRef("pk"))."""
    risks = Func(
        KeyTransform("plan", "snapshot"), function="jsonb_array_length", output_field=IntegerField()
    )
    return (
        published_reports()
        .filter(organisation=OuterRef("pk"))
        .annotate(risk_count=risks)
        .values("risk_count")[:1]
    )


def plan_page() -> MemberPage:
    """The published plan as a page of the member (registered in AppConfig.ready): the
    listing links it where the member's published plan has risks."""
    return MemberPage(
        key="plan_of_action",
        label=gettext_lazy("Plan of action"),
        link_text=gettext_lazy("Read the published plan of action"),
        empty_text=NOT_PUBLISHED,
        url_name="plans:member_plan",
        available=published_plan_risks,
        member_types=PLAN_MEMBER_TYPES,
    )


def plan_member(slug: str) -> Organisation:
    """Anyone: a member company on the public listing, by slug; not found for anything
    else (not listed, ended, not a company)."""
    organisation = (
        listed_organisations()
        .filter(slug=slug, covenant__member_type__in=PLAN_MEMBER_TYPES)
        .only("id", "name", "slug")
        .first()
    )
    if organisation is None:
        raise NotFound
    return organisation


def published_plan(slug: str) -> PublicPlan:
    """Anyone: the published plan of action of a listed member company, every mention of
    its suppliers replaced; an empty plan while none is published. Not found for an
    organisation that is not a listed member company. Three queries."""
    organisation = plan_member(slug)
    report = (
        published_reports()
        .filter(organisation=organisation)
        .select_related("period", "assessment")
        .only("snapshot", "period__year", "assessment__decided_at")
        .first()
    )
    if report is None or not report.snapshot:
        return PublicPlan(organisation, None, None, ())
    snapshot: dict[str, Any] = report.snapshot
    redaction = supplier_redaction(organisation, snapshot)
    replaced_by = placeholders()

    def public(text: Any) -> str:
        return redact(str(text or ""), redaction, placeholders=replaced_by)

    risks = [
        PublicRisk(
            theme=str(risk.get("theme", "")),
            other_theme=public(risk.get("other_theme")),
            region=public(risk.get("region")),
            scale=int(risk["scale"]),
            scope=int(risk["scope"]),
            irremediability=int(risk["irremediability"]),
            likelihood=int(risk["likelihood"]),
            justification=public(risk.get("justification")),
            actions=tuple(
                PublicAction(
                    description=public(action.get("description")),
                    indicator=public(action.get("indicator")),
                    target=public(action.get("target")),
                    deadline=_date(action.get("deadline")),
                    status=str(action.get("status", "")),
                    progress=public(action.get("progress")),
                )
                for action in risk.get("actions", [])
            ),
        )
        for risk in snapshot.get("plan", [])
    ]
    risks.sort(key=lambda risk: -risk.priority)  # stable: the company's order within a priority
    decided_at: datetime | None = report.assessment.decided_at
    return PublicPlan(
        organisation,
        report.period.year,
        decided_at.date() if decided_at else None,
        tuple(risks),
    )


def _date(value: Any) -> date | None:
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        return None


def supplier_redaction(organisation: Organisation, snapshot: dict[str, Any]) -> Redaction:
    """What to remove from the plan of `snapshot`: the names, addresses and places of the
    facilities in its frozen supplier list and of the organisation's facilities now
    (archived ones too: a plan keeps referring to them), and of the registry's sites
    these are. One query."""
    facilities: list[dict[str, Any]] = []
    for chain in snapshot.get("chains", []):
        facilities += [chain[role] for role in ("factory", "quarry") if chain.get(role)]
    names = [str(risk.get("facility") or "") for risk in snapshot.get("plan", [])]
    for facility in Facility.objects.filter(organisation=organisation).select_related(
        "site__merged_into"
    ):
        for place in (facility, facility.site, facility.site and facility.site.merged_into):
            if place is not None:
                facilities.append(
                    {"name": place.name, "address": place.address, "place": place.place}
                )
    return redaction_for(
        names=[*names, *(str(f.get("name") or "") for f in facilities)],
        addresses=[str(f.get("address") or "") for f in facilities],
        places=[str(f.get("place") or "") for f in facilities],
        own_names=[organisation.name],
    )
