"""Demo data for the assessment: submitted reports in the queue (one assigned, with an
adjusted score), a sample draw and a request to test a plan of action. Idempotent;
called by `seed_demo` after the organisations, users and the reporting period exist."""

from __future__ import annotations

import contextlib
from datetime import timedelta
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.utils import timezone

from supplychain.lists.building import list_publish
from supplychain.models import ListKind

SUBMITTING = (
    "Steenhandel De Vries & Zonen",
    "Graniet Import Nederland B.V.",
    "Hollandia Stone Trading B.V.",
)
#: Its assessment is decided, so that its plan of action is published (Art. 6.6); it buys
#: from the quarry at Bijolia that its plan names, so the public plan shows the place
#: replaced.
DECIDED = "Hollandia Stone Trading B.V."


def _complete_report(report: Any, user: Any) -> None:
    """Answer every question (the second-best answer) and add a risk with an action."""
    from .models import Action, Answer, Question, Risk

    for question in Question.objects.filter(
        framework=report.framework, source="answered"
    ).prefetch_related("options"):
        options = sorted(question.options.all(), key=lambda option: -option.points_medium)
        option = options[min(1, len(options) - 1)]
        Answer.objects.get_or_create(
            report=report,
            question=question,
            defaults={"option": option, "explanation": "", "updated_by": user},
        )
    if not report.risks.exists():
        risk = Risk.objects.create(
            report=report,
            theme="child_labour",
            region="Rajasthan, Bijolia",
            scale=3,
            scope=2,
            irremediability=3,
            likelihood=2,
            justification="Kinderarbeid komt voor in kleine zandsteengroeven rond Bijolia.",
            updated_by=user,
        )
        Action.objects.create(
            risk=risk,
            description="Leeftijdscontrole bij de groeve laten auditen",
            owner="Inkoop",
            indicator="Aantal geaudite groeven",
            target="Alle groeven in de keten",
            deadline=timezone.localdate() + timedelta(days=300),
            updated_by=user,
        )


def seed_assessments(organisations: dict[str, Any]) -> None:
    """The reporting period, then the assessment demo data."""
    seed_reporting_period()
    _seed_assessment_queue(organisations)
    _seed_delay_request(organisations)
    list_publish(ListKind.PROJECT_REGIONS)  # the plans now raise their themes


def seed_reporting_period() -> None:
    """An open reporting period on the current year, due three months from now."""
    from datetime import timedelta

    from django.utils import timezone

    from members.models import User
    from trustone.access.actor import actor_for

    from .models import ReportingPeriod
    from .report.services import period_open

    year = timezone.localdate().year
    if ReportingPeriod.objects.filter(year=year).exists():
        return
    secretary = actor_for(User.objects.get(email="secretariaat@trustone.demo"))
    period_open(actor=secretary, year=year, deadline=timezone.localdate() + timedelta(days=90))


def _seed_assessment_queue(organisations: dict[str, Any]) -> None:
    from members.models import User
    from supplychain.demo import seed_supplier_list_of
    from trustone.access.actor import Actor, actor_for

    from .assessment import services
    from .assessment.samples import sample_draw
    from .models import Assessment, Report, ReportingPeriod, SampleDraw
    from .report.services import report_submit

    period = ReportingPeriod.objects.order_by("-year").first()
    if period is None:
        return
    coordinator = actor_for(User.objects.get(email="secretariaat@trustone.demo"))
    assessor = User.objects.get(email="beoordelaar@trustone.demo")
    for name in SUBMITTING:
        organisation = organisations[name]
        report = Report.objects.filter(organisation=organisation, period=period).first()
        if report is None or report.status != "draft":
            continue
        user = User.objects.filter(memberships__organisation=organisation).first() or (
            coordinator.user
        )
        seed_supplier_list_of(organisation)
        _complete_report(report, user)
        report_submit(
            actor=Actor(user=user, organisation=organisation, role="admin"), report=report
        )
    first = Assessment.objects.filter(
        report__organisation=organisations[SUBMITTING[0]], report__period=period
    ).first()
    if first is not None and first.assessor_id is None:
        services.assessment_assign(actor=coordinator, assessment=first, assessor=assessor)
        services.assessment_adjust(
            actor=Actor(user=assessor, organisation=coordinator.organisation, role="assessor"),
            assessment=first,
            question_code="1.1",
            points=Decimal((first.report.snapshot or {})["answers"][0]["maximum"]),
            reason="De beleidsverklaring is na indiening ondertekend nagestuurd.",
        )
    decided = Assessment.objects.filter(
        report__organisation=organisations.get(DECIDED), report__period=period
    ).first()
    if decided is not None and decided.status != "decided":
        services.assessment_assign(actor=coordinator, assessment=decided, assessor=assessor)
        if decided.kind == "plan_of_action":  # a company on a level: its progress counts
            services.assessment_review(
                actor=coordinator, assessment=decided, progress_sufficient=True
            )
        services.assessment_propose(actor=coordinator, assessment=decided)
        services.assessment_decide(actor=coordinator, assessment=decided)
    if not SampleDraw.objects.filter(period=period).exists():
        with contextlib.suppress(ValidationError):  # nothing submitted to draw from
            sample_draw(actor=coordinator, period=period, kind="reports", size=1, seed="demo-2026")


#: On level 3 since September 2023 (members.demo): more than a year behind the expected
#: path from September 2026. It asks for special circumstances; the steering group's
#: chair (`voorzitter-stuurgroep@`) decides on the steering group's dashboard.
DELAYED = "Blauwe Hardsteen Import N.V."
DELAY_ARGUMENT = (
    "Onze grootste groeve in Soignies is in 2025 overgenomen door een nieuwe eigenaar die de "
    "audit van de arbeidsomstandigheden opnieuw wilde laten doen; wij hebben de inkoop daar "
    "verantwoord afgebouwd en zoeken een tweede leverancier, die pas in 2027 aan de eisen "
    "van niveau 4 kan voldoen."
)


def _seed_delay_request(organisations: dict[str, Any]) -> None:
    """A delayed company's request for special circumstances, awaiting the decision."""
    from members.models import User
    from trustone.access.actor import Actor

    from .assessment.delays import special_circumstances_request
    from .models import DelayCase

    organisation = organisations.get(DELAYED)
    if organisation is None or DelayCase.objects.filter(organisation=organisation).exists():
        return
    user = User.objects.filter(memberships__organisation=organisation).first() or (
        User.objects.get(email="secretariaat@trustone.demo")
    )
    with contextlib.suppress(ValidationError):  # not (yet) delayed on the day of seeding
        special_circumstances_request(
            actor=Actor(user=user, organisation=organisation, role="admin"),
            argument=DELAY_ARGUMENT,
        )
