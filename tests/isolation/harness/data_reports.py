"""What the report and assessment cases need in the database, and the state they change."""

from __future__ import annotations

from typing import Any

from members.models import (
    CovenantMembership,
    Termination,
)
from trustone.jobs.models import Job

from .data import (
    _covenant,
    _every_company_signed,
)


def _periods(world: Any) -> Any:
    from assessments.models import Report, ReportingPeriod

    return [
        list(ReportingPeriod.objects.values_list("id", "year")),
        list(Report.objects.values_list("id", "status")),
    ]


def _report(world: Any) -> Any:
    from assessments.models import Report, ReportingPeriod
    from tests.conftest import ensure_framework_v1

    framework = ensure_framework_v1()
    period, _created = ReportingPeriod.objects.get_or_create(
        year=2026, defaults={"deadline": "2027-03-01", "framework": framework}
    )
    _covenant(world)
    return Report.objects.get_or_create(
        organisation=world.organisations["company"],
        period=period,
        version=1,
        defaults={"framework": framework},
    )[0]


def _submittable_report(world: Any) -> Any:
    """A complete report: the company reports as an associated member, with an importer."""
    from assessments.models import Importer

    CovenantMembership.objects.update_or_create(
        organisation=world.organisations["company"],
        defaults={"member_type": "associated", "full_due_diligence": False},
    )
    report = _report(world)
    Importer.objects.create(report=report, name="Stone Import B.V.", has_policy=True)
    return report


def _answers(world: Any) -> Any:
    from assessments.models import Answer

    return list(Answer.objects.values_list("id", "option_id", "explanation"))


def _risk(world: Any) -> Any:
    from assessments.models import Risk

    return Risk.objects.create(
        report=_report(world),
        theme="child_labour",
        region="Kota",
        scale=3,
        scope=2,
        irremediability=3,
        likelihood=2,
        justification="Keienwerven",
    )


def _action(world: Any) -> Any:
    from assessments.models import Action

    return Action.objects.create(
        risk=_risk(world),
        description="Leeftijdscontrole",
        owner="Inkoop",
        indicator="i",
        target="t",
        deadline="2027-06-30",
    )


def _plan(world: Any) -> Any:
    from assessments.models import Action, Risk

    return [
        list(Risk.objects.values_list("id", "theme", "region")),
        list(Action.objects.values_list("id", "description", "status")),
    ]


RISK_DATA = {
    "theme": "living_wage",
    "region": "Xiamen",
    "scale": "2",
    "scope": "2",
    "irremediability": "2",
    "likelihood": "2",
    "justification": "Loonkloof",
}


ACTION_DATA = {
    "description": "Loonkloof meten",
    "owner": "Inkoop",
    "indicator": "i",
    "target": "t",
    "deadline": "2027-06-30",
    "status": "planned",
}


def _submitted(world: Any) -> Any:
    from django.core.files.base import ContentFile

    report = _report(world)
    report.status = "submitted"
    report.snapshot = {"chains": [], "answers": [], "plan": []}
    report.pdf.save("r.pdf", ContentFile(b"%PDF-1.4 test"), save=False)
    report.save()
    return report


def _reports(world: Any) -> Any:
    from assessments.models import Report

    return list(Report.objects.values_list("id", "version", "status", "returned_at"))


def _evidence(world: Any) -> Any:
    from django.core.files.base import ContentFile

    from assessments.models import Evidence, Question

    report = _report(world)
    item = Evidence(
        report=report,
        question=Question.objects.get(framework=report.framework, code="1.1"),
        original_name="beleid.pdf",
        content_type="application/pdf",
        size=8,
    )
    item.file.save("beleid.pdf", ContentFile(b"%PDF-1.4"), save=False)
    item.save()
    return item


def _evidence_rows(world: Any) -> Any:
    from assessments.models import Evidence

    return list(Evidence.objects.values_list("id", "original_name"))


def _importer(world: Any) -> Any:
    from assessments.models import Importer

    return Importer.objects.create(report=_report(world), name="Steenhandel", has_policy=True)


def _importers(world: Any) -> Any:
    from assessments.models import Importer

    return list(Importer.objects.values_list("id", "name", "has_policy"))


def _thread(world: Any) -> Any:
    from assessments.models import HelpdeskMessage, HelpdeskThread

    thread = HelpdeskThread.objects.create(
        organisation=world.organisations["company"],
        subject="Vraag",
        created_by=world.users["company_admin"],
    )
    HelpdeskMessage.objects.create(
        thread=thread, author=world.users["company_admin"], body="Hoe werkt dit?"
    )
    return thread


def _message_with_attachment(world: Any) -> Any:
    from django.core.files.base import ContentFile

    from assessments.models import HelpdeskMessage

    message = HelpdeskMessage(
        thread=_thread(world),
        author=world.users["company_admin"],
        body="Bijlage",
        attachment_name="a.pdf",
    )
    message.attachment.save("a.pdf", ContentFile(b"%PDF-1.4"), save=False)
    message.save()
    return message


def _helpdesk(world: Any) -> Any:
    from assessments.models import FaqEntry, HelpdeskMessage, HelpdeskThread

    return [
        list(HelpdeskThread.objects.values_list("id", "is_answered")),
        list(HelpdeskMessage.objects.values_list("id", "body")),
        list(FaqEntry.objects.values_list("id")),
    ]


def _assessment(world: Any, status: str = "in_progress") -> Any:
    from django.utils import timezone

    from assessments.models import Assessment
    from members.models import LevelAssignment
    from trustone.access.grants import grant

    report = _submitted(world)
    report.snapshot = {
        "size_class": "medium",
        "factory_insight": "100",
        "quarry_insight": "50",
        "chains": [],
        "plan": [],
        "answers": [
            {
                "code": "1.1",
                "step": 1,
                "question_nl": "Beleid?",
                "question_en": "Policy?",
                "answer_nl": "Ja",
                "answer_en": "Yes",
                "explanation": "",
                "points": "2",
                "maximum": "4",
            }
        ],
    }
    report.save()
    assessor = world.users["secretariat_assessor"]
    assessment = Assessment.objects.create(report=report, status=status, assessor=assessor)
    grant(user=assessor, permission="assessments.assess_assessment", obj=assessment)
    if status in ("proposed", "decided"):
        assessment.proposed_level = 1
        assessment.proposed_at = timezone.now()
    if status == "decided":
        assessment.decided_level = 1
        assessment.decided_at = timezone.now()
        assessment.level_assignment = LevelAssignment.objects.create(
            organisation=report.organisation, year=2026, level=1, decided_on="2026-11-01"
        )
    assessment.save()
    return assessment


def _assessed_report(world: Any) -> Any:
    """A submitted report whose assessment is granted to `secretariat_assessor`."""
    return _assessment(world).report


def _assessed_evidence(world: Any) -> Any:
    """Evidence in a submitted report under assessment (added while it was a draft)."""
    item = _evidence(world)
    _assessment(world)  # submits that same report (version 1) and assigns it
    return item


def _assessments(world: Any) -> Any:
    from assessments.models import Assessment, ScoreAdjustment
    from members.models import LevelAssignment

    return [
        list(
            Assessment.objects.values_list(
                "id", "status", "assessor_id", "feedback_plan", "proposed_level", "decided_level"
            )
        ),
        list(ScoreAdjustment.objects.values_list("id", "adjusted_points")),
        list(LevelAssignment.objects.values_list("id", "level")),
        list(Job.objects.values_list("id")),
    ]


def _delayed(world: Any, level: int = 3, organisation: str = "company") -> Any:
    """The company on `level` since 2022 (and again this term): more than a year late."""
    from members.models import LevelAssignment

    company = world.organisations[organisation]
    if organisation == "company":
        _covenant(world)
    for decided_on in ("2022-01-10", "2026-01-10"):
        LevelAssignment.objects.create(
            organisation=company, year=int(decided_on[:4]), level=level, decided_on=decided_on
        )
    return company


def _every_company_delayed(world: Any) -> None:
    _every_company_signed(world)
    for key in ("company", "other_company", "associated_company"):
        _delayed(world, organisation=key)


def _delay_cases(world: Any) -> Any:
    from assessments.models import DelayCase

    return [
        list(
            DelayCase.objects.values_list(
                "id", "knowledge_modules_offered_on", "explanatory_note", "argument", "decision"
            )
        ),
        list(Termination.objects.values_list("id")),
    ]


def _draw(world: Any) -> Any:
    from assessments.models import SampleDraw

    report = _submitted(world)
    return SampleDraw.objects.create(
        period=report.period,
        kind="reports",
        size=1,
        seed="s",
        population=[report.pk],
        selected=[report.pk],
        drawn_by=world.users["secretariat_admin"],
    )


def _draws(world: Any) -> Any:
    from assessments.models import SampleDraw, SampleFinding

    return [
        list(SampleDraw.objects.values_list("id", "seed")),
        list(SampleFinding.objects.values_list("id", "outcome")),
    ]


def _plan_test(world: Any) -> Any:
    from django.core.files.base import ContentFile

    from procurement.models import PlanTestRequest

    _covenant(world)
    request = PlanTestRequest(
        requested_by_organisation=world.organisations["government"],
        requested_by=world.users["government_admin"],
        company=world.organisations["company"],
        question="Voldoet het plan?",
        attachment_name="pva.pdf",
    )
    request.attachment.save("pva.pdf", ContentFile(b"%PDF-1.4 test"), save=False)
    request.save()
    return request


def _plan_tests(world: Any) -> Any:
    from procurement.models import PlanTestRequest

    return list(PlanTestRequest.objects.values_list("id", "verdict", "answer"))
