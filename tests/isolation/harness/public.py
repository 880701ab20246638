"""Public cases: pages about one member that anyone may read. Declared PUBLIC, they are
still default-deny in what they show: every actor of the test world, and anonymous
visitors, get the same page for a listed member (nothing depends on who asks, nothing of
the member's own data that the public may not see), and the same 404 for an organisation
that is not listed."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.urls import reverse


@dataclass
class PublicCase:
    name: str
    url_name: str
    #: The URL for the member of world key `member`.
    url: Callable[[Any, str], str]
    api: bool = False
    #: What the listed member wrote that must never show (its suppliers, its owner).
    hidden: tuple[str, ...] = ()


def _slug(world: Any, member: str) -> str:
    return world.organisations[member].slug


def _published_plan(world: Any) -> None:
    """ "company" a listed full member whose decided report's plan names its supplier;
    "other_company" has the same, but its membership has ended."""
    from datetime import date

    from assessments.models import Assessment, Report, ReportingPeriod
    from members.models import CovenantMembership
    from supplychain.models import Facility
    from tests.conftest import ensure_framework_v1

    framework = ensure_framework_v1()
    period, _created = ReportingPeriod.objects.get_or_create(
        year=2026, defaults={"deadline": "2027-03-01", "framework": framework}
    )
    for key, ends_on in (("company", None), ("other_company", date(2026, 1, 1))):
        organisation = world.organisations[key]
        CovenantMembership.objects.update_or_create(
            organisation=organisation,
            defaults={"member_type": "full", "joined_on": date(2025, 4, 1), "ends_on": ends_on},
        )
        Facility.objects.create(
            organisation=organisation, kind="factory", name="Laxmi Granites", country="IN"
        )
        action = {
            "description": "Audit bij Laxmi Granites Pvt Ltd",
            "owner": "Priya Verma",
            "indicator": "audits",
            "target": "2",
            "deadline": "2027-06-30",
            "status": "planned",
            "progress": "",
        }
        risk = {
            "theme": "child_labour",
            "other_theme": "",
            "region": "Laxmi Granites, Rajasthan",
            "facility": "Laxmi Granites",
            "facility_id": None,
            "scale": 3,
            "scope": 2,
            "irremediability": 3,
            "likelihood": 2,
            "priority": 16,
            "justification": "Keienwerven",
            "actions": [action],
        }
        report = Report.objects.create(
            organisation=organisation,
            period=period,
            framework=framework,
            status="submitted",
            snapshot={"chains": [], "plan": [risk]},
        )
        Assessment.objects.create(report=report, status="decided")


HIDDEN = ("Laxmi", "Priya Verma")

PUBLIC_CASES: list[PublicCase] = [
    PublicCase(
        "member page",
        url_name="members:member_detail",
        url=lambda w, member: reverse("members:member_detail", args=[_slug(w, member)]),
    ),
    PublicCase(
        "published plan of action",
        url_name="plans:member_plan",
        url=lambda w, member: reverse("plans:member_plan", args=[_slug(w, member)]),
        hidden=HIDDEN,
    ),
    PublicCase(
        "published plan of action (API)",
        url_name="api:public-member-plan",
        url=lambda w, member: reverse("api:public-member-plan", args=[_slug(w, member)]),
        api=True,
        hidden=HIDDEN,
    ),
]

SETUP = _published_plan
