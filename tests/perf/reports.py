"""Benchmark data for reports and assessments: a company with a report at a given number
of chains, a supplier file to import, and a period of submitted reports to assess. Each
function is idempotent: it brings the data to the wanted state and returns it."""

from __future__ import annotations

import random
import time
from datetime import date
from decimal import Decimal
from typing import Any

from .data import Company, company_ensure

REPORT_YEAR = 2090  # periods of their own, far from any real one
ASSESS_YEAR = 2091
SUBMIT_YEAR = 2092


def _period(year: int) -> Any:
    from assessments.models import Framework, ReportingPeriod

    framework = Framework.objects.order_by("version").first()
    period, _ = ReportingPeriod.objects.get_or_create(
        year=year, defaults={"deadline": date(year + 1, 3, 1), "framework": framework}
    )
    return period


def _covenant(organisation: Any) -> None:
    from members.models import CovenantMembership

    CovenantMembership.objects.update_or_create(
        organisation=organisation,
        defaults={
            "member_type": "full",
            "employees": 60,
            "annual_revenue_eur": Decimal("12000000"),
            "chains": 10,
            "full_due_diligence": True,
            "joined_on": date(2025, 4, 1),
        },
    )


def _chains_ensure(organisation: Any, chains: int) -> None:
    """Exactly `chains` chains (factory and quarry each) for the organisation."""
    from supplychain.models import Chain, Facility

    if Chain.objects.filter(organisation=organisation).count() == chains:
        return
    Chain.objects.filter(organisation=organisation).delete()
    Facility.objects.filter(organisation=organisation).delete()
    factories = Facility.objects.bulk_create(
        Facility(
            organisation=organisation,
            kind=kind,
            name=f"{kind} {number}",
            country="IN",
            address=f"Industrial Area {number}",
        )
        for number in range(chains)
        for kind in ("factory", "quarry")
    )
    Chain.objects.bulk_create(
        Chain(
            organisation=organisation,
            product=f"Sandsteen {number}",
            factory=factories[2 * number],
            quarry=factories[2 * number + 1],
            volume_eur=Decimal(1000 + number),
        )
        for number in range(chains)
    )


def report_with_chains(chains: int) -> tuple[Company, Any]:
    """A company with exactly `chains` chains (factory and quarry each) and a draft report."""
    from assessments.models import Report

    company = company_ensure(
        slug=f"bench-report-{chains}",
        name=f"Bench Rapportage {chains} B.V.",
        admin_email=f"rapportage.{chains}@bench.bench",
        members=1,
    )
    organisation = company.organisation
    _covenant(organisation)
    period = _period(REPORT_YEAR)
    report, _ = Report.objects.get_or_create(
        organisation=organisation,
        period=period,
        version=1,
        defaults={"framework": period.framework},
    )
    _chains_ensure(organisation, chains)
    return company, report


def report_to_submit(chains: int) -> tuple[Company, Any]:
    """A company with `chains` chains and a complete draft report: every question answered,
    a risk with a SMART action. A new version on every call, since a submitted version is
    never changed again."""
    from django.db.models import Max

    from assessments.models import Action, Answer, AnswerOption, Report, Risk

    company = company_ensure(
        slug=f"bench-submit-{chains}",
        name=f"Bench Indienen {chains} B.V.",
        admin_email=f"indienen.{chains}@bench.bench",
        members=1,
    )
    organisation = company.organisation
    _covenant(organisation)
    _chains_ensure(organisation, chains)
    period = _period(SUBMIT_YEAR)
    latest = Report.objects.filter(organisation=organisation, period=period).aggregate(
        version=Max("version")
    )["version"]
    report = Report.objects.create(
        organisation=organisation,
        period=period,
        version=(latest or 0) + 1,
        framework=period.framework,
    )
    Answer.objects.bulk_create(
        Answer(report=report, question=option.question, option=option, updated_by=company.admin)
        for option in AnswerOption.objects.filter(
            question__framework=period.framework, order=1
        ).select_related("question")
    )
    risk = Risk.objects.create(
        report=report,
        theme="health_and_safety",
        region="Kota",
        scale=3,
        scope=2,
        irremediability=3,
        likelihood=2,
        justification="Silicastof bij het zagen.",
    )
    Action.objects.create(
        risk=risk,
        description="Natzagen bij alle leveranciers",
        owner="Inkoop",
        indicator="Aandeel leveranciers dat nat zaagt",
        target="100 %",
        deadline=date(SUBMIT_YEAR + 1, 6, 30),
    )
    return company, report


def import_company() -> Company:
    company = company_ensure(
        slug="bench-import",
        name="Bench Import B.V.",
        admin_email="import@bench.bench",
        members=1,
    )
    _covenant(company.organisation)
    return company


def _snapshot(rng: random.Random, questions: list[tuple[str, int, Decimal]]) -> dict[str, Any]:
    answers = []
    for code, step, maximum in questions:
        points = (maximum * Decimal(rng.randint(0, 4)) / 4).quantize(Decimal("0.1"))
        answers.append(
            {
                "code": code,
                "step": step,
                "question_nl": code,
                "question_en": code,
                "option": "x",
                "answer_nl": "",
                "answer_en": "",
                "explanation": "",
                "evidence": [],
                "points": str(points),
                "maximum": str(maximum),
            }
        )
    return {
        "framework_version": 1,
        "size_class": rng.choice(["large", "medium", "small"]),
        "full_due_diligence": True,
        "factory_insight": str(rng.choice([50, 75, 90, 100])),
        "quarry_insight": str(rng.choice([10, 25, 45, 60, 80, 95])),
        "chains": [],
        "answers": answers,
        "plan": [],
    }


def submitted_reports(count: int) -> tuple[Any, list[int]]:
    """`count` member companies with a submitted report in the assessment period, and no
    assessments yet (removed, so that every run measures the same work)."""
    from django.utils import timezone

    from assessments.models import Assessment, Question, Report, ScoreAdjustment
    from members.models import CovenantMembership, Organisation

    period = _period(ASSESS_YEAR)
    organisations = list(
        Organisation.objects.filter(kind="company", covenant__member_type="full")
        .order_by("pk")
        .values_list("pk", flat=True)[:count]
    )
    if len(organisations) < count:
        raise RuntimeError(f"only {len(organisations)} member companies; raise BENCH_SCALE")
    questions = [
        (q.code, q.step.number, q.computed_max_points or Decimal(4))
        for q in Question.objects.filter(framework=period.framework).select_related("step")
    ]
    existing = set(
        Report.objects.filter(period=period, organisation_id__in=organisations).values_list(
            "organisation_id", flat=True
        )
    )
    rng = random.Random(ASSESS_YEAR)
    now = timezone.now()
    Report.objects.bulk_create(
        Report(
            organisation_id=pk,
            period=period,
            framework=period.framework,
            version=1,
            status="submitted",
            submitted_at=now,
            snapshot=_snapshot(rng, questions),
        )
        for pk in organisations
        if pk not in existing
    )
    CovenantMembership.objects.filter(organisation_id__in=organisations).update(
        full_due_diligence=True
    )
    stale = Assessment.objects.filter(report__period=period)
    ScoreAdjustment.objects.filter(assessment__in=stale).delete()
    stale.delete()
    return period, organisations


def assess(period: Any, user: Any) -> tuple[float, int]:
    """Score and classify the period's submitted reports in one job; (seconds, scored)."""
    from assessments.assessment.services import assessments_score_job
    from trustone.jobs.models import Job
    from trustone.jobs.services import run_as_job

    job = Job.objects.create(
        kind="assessments_score", started_by=user, params={"period": period.year}
    )
    started = time.perf_counter()
    run_as_job(assessments_score_job)(job.pk)
    seconds = time.perf_counter() - started
    job.refresh_from_db()
    if job.status != "succeeded":
        raise RuntimeError(f"the scoring job ended {job.status}: {job.error}")
    return seconds, job.total or job.done
