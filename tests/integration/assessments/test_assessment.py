"""Assessing a submitted report: the queue, an assessor assigned by grant, adjusted
points with reasons, the proposal and the coordinator's decision, the company's view."""

from decimal import Decimal
from io import BytesIO

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from pypdf import PdfReader

from assessments.assessment import selectors, services
from assessments.models import (
    Assessment,
    AssessmentStatus,
    Report,
    ReportingPeriod,
    ScoreAdjustment,
)
from assessments.report.services import report_submit
from members.models import LevelAssignment
from tests.conftest import make_user
from tests.factories import CovenantMembershipFactory
from trustone.access.actor import actor_for

from .test_submission import complete

pytestmark = pytest.mark.django_db


@pytest.fixture
def submitted(world, framework_v1):
    company = world.organisations["company"]
    CovenantMembershipFactory(
        organisation=company, employees=40, annual_revenue_eur=9_000_000, full_due_diligence=True
    )
    period = ReportingPeriod.objects.create(
        year=2026, deadline="2027-03-01", framework=framework_v1
    )
    report = Report.objects.create(organisation=company, period=period, framework=framework_v1)
    user = world.users["company_admin"]
    complete(report, user)
    return report_submit(actor=actor_for(user, company.pk), report=report)


def _assessment(report) -> Assessment:
    return Assessment.objects.get(report=report)


def test_a_submitted_report_enters_the_queue_scored(world, submitted) -> None:
    assessment = _assessment(submitted)
    card = selectors.scorecard_of(assessment)
    assert assessment.status == AssessmentStatus.QUEUED
    assert assessment.dd_score == card.dd_score.quantize(Decimal("0.0001"))
    assert assessment.factory_insight == Decimal("100")
    assert assessment.computed_level == card.level
    assert [a.code for a in card.answers] == [a["code"] for a in submitted.snapshot["answers"]]
    page = world.client("secretariat_assessor").get(reverse("assessments:queue"))
    assert page.status_code == 200
    assert list(page.context["page"].object_list) == [assessment]
    assert world.organisations["company"].name in page.content.decode()


def test_only_the_assigned_assessor_and_the_coordinator_open_it(
    world, submitted, django_capture_on_commit_callbacks
) -> None:
    assessment = _assessment(submitted)
    secretariat = world.organisations["secretariat"]
    other_assessor = make_user(secretariat, "assessor")
    url = reverse("assessments:assess", args=[assessment.pk])
    assessor = world.client("secretariat_assessor")
    assert assessor.get(url).status_code == 404
    with django_capture_on_commit_callbacks(execute=True):
        response = world.client("secretariat_admin").post(
            reverse("assessments:assess_assign", args=[assessment.pk]),
            {"assessor": world.users["secretariat_assessor"].pk},
        )
    assert response.status_code == 302
    assert assessor.get(url).status_code == 200
    assert world.client("secretariat_admin").get(url).status_code == 200
    other = Client()
    other.force_login(other_assessor)
    assert other.get(url).status_code == 404
    assessment.refresh_from_db()
    assert assessment.status == AssessmentStatus.IN_PROGRESS
    assert [m.to for m in mail.outbox] == [[world.users["secretariat_assessor"].email]]

    # Re-assigning moves the grant: the first assessor can no longer open it.
    world.client("secretariat_admin").post(
        reverse("assessments:assess_assign", args=[assessment.pk]), {"assessor": other_assessor.pk}
    )
    assert assessor.get(url).status_code == 404
    assert other.get(url).status_code == 200


def _assign(world, assessment) -> None:
    services.assessment_assign(
        actor=actor_for(world.users["secretariat_admin"]),
        assessment=assessment,
        assessor=world.users["secretariat_assessor"],
    )


def test_an_adjustment_needs_a_reason_and_keeps_the_original(world, submitted) -> None:
    assessment = _assessment(submitted)
    _assign(world, assessment)
    client = world.client("secretariat_assessor")
    card = selectors.scorecard_of(assessment)
    answer = next(
        a for a in card.answers if a.max_points > (a.points or 0) and not a.code.startswith("2.1")
    )
    url = reverse("assessments:assess_adjust", args=[assessment.pk, answer.code])

    response = client.post(url, {"points": "0", "reason": ""})
    assert response.status_code == 400
    assert "reason" in response.context["adjust_form"].errors
    response = client.post(url, {"points": str(answer.max_points + 1), "reason": "x"})
    assert response.status_code == 400
    assert not ScoreAdjustment.objects.exists()

    reason = "Kleine importeur met weinig invloed (art. 5.5)"
    response = client.post(url, {"points": str(answer.max_points), "reason": reason})
    assert response.status_code == 302
    adjustment = ScoreAdjustment.objects.get()
    assert (adjustment.original_points, adjustment.adjusted_points, adjustment.reason) == (
        answer.points,
        answer.max_points,
        reason,
    )
    assessment.refresh_from_db()
    after = selectors.scorecard_of(assessment)
    assert after.dd_score > card.dd_score
    assert after.answer(answer.code).points == answer.points  # the original stays
    assert after.answer(answer.code).adjusted_points == answer.max_points
    assert assessment.dd_score == after.dd_score.quantize(Decimal("0.0001"))
    # The snapshot the company submitted is untouched.
    submitted.refresh_from_db()
    row = next(r for r in submitted.snapshot["answers"] if r["code"] == answer.code)
    assert Decimal(row["points"]) == answer.points


def test_propose_decide_becomes_the_level_and_the_company_is_told(
    world, submitted, django_capture_on_commit_callbacks
) -> None:
    assessment = _assessment(submitted)
    _assign(world, assessment)
    assessor = world.client("secretariat_assessor")
    assessor.post(
        reverse("assessments:assess_review", args=[assessment.pk]),
        {
            "feedback_supplier_list": "Groeven ontbreken.",
            "feedback_questionnaire": "Goed onderbouwd.",
            "feedback_plan": "Maak de acties meetbaar.",
            "progress_sufficient": "unknown",
        },
    )
    assessor.post(reverse("assessments:assess_propose", args=[assessment.pk]), {"note": ""})
    assessment.refresh_from_db()
    assert assessment.status == AssessmentStatus.PROPOSED
    level = assessment.proposed_level
    assert level == assessment.computed_level
    # The assessor cannot confirm their own proposal.
    response = assessor.post(reverse("assessments:assess_decide", args=[assessment.pk]))
    assert response.status_code == 404
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = world.client("secretariat_admin").post(
            reverse("assessments:assess_decide", args=[assessment.pk])
        )
    assert response.status_code == 302
    assessment.refresh_from_db()
    assert assessment.status == AssessmentStatus.DECIDED
    assignment = LevelAssignment.objects.get(organisation=world.organisations["company"])
    assert (assignment.level, assignment.year, assignment.source) == (level, 2026, "assessment")
    assert assessment.level_assignment == assignment
    assert mail.outbox and world.users["company_admin"].email in mail.outbox[0].to

    company = world.client("company_member")
    result = company.get(reverse("assessments:assessment_result", args=[assessment.pk]))
    assert result.status_code == 200
    assert "Maak de acties meetbaar." in result.content.decode()
    letter = company.get(reverse("assessments:assessment_letter", args=[assessment.pk]))
    assert letter["Content-Type"] == "application/pdf"
    text = "".join(p.extract_text() for p in PdfReader(BytesIO(letter.content)).pages)
    assert f"niveau {level}" in text.lower()
    english = company.get(
        reverse("assessments:assessment_letter", args=[assessment.pk]) + "?lang=en"
    )
    text = "".join(p.extract_text() for p in PdfReader(BytesIO(english.content)).pages)
    assert f"level {level}" in text.lower()

    # Decided is final: no more adjustments.
    response = assessor.post(
        reverse("assessments:assess_adjust", args=[assessment.pk, "1.1"]),
        {"points": "0", "reason": "te laat"},
    )
    assert response.status_code in (400, 404)
    assert not ScoreAdjustment.objects.exists()


def test_the_company_sees_only_its_own_decided_assessments(world, submitted) -> None:
    assessment = _assessment(submitted)
    url = reverse("assessments:assessment_result", args=[assessment.pk])
    # Not decided yet: not shown, not even to the company itself.
    assert world.client("company_member").get(url).status_code == 404
    _assign(world, assessment)
    actor = actor_for(world.users["secretariat_admin"])
    services.assessment_propose(actor=actor, assessment=assessment)
    services.assessment_decide(actor=actor, assessment=assessment)
    assert world.client("company_member").get(url).status_code == 200
    assert world.client("other_company_admin").get(url).status_code == 404
    letter = reverse("assessments:assessment_letter", args=[assessment.pk])
    assert world.client("other_company_admin").get(letter).status_code == 404
    assert world.client("ngo_member").get(letter).status_code == 404
    listing = world.client("other_company_admin").get(reverse("assessments:my_assessments"))
    assert list(listing.context["page"].object_list) == []


def test_the_coordinator_sends_a_proposal_back_with_a_note(world, submitted) -> None:
    assessment = _assessment(submitted)
    _assign(world, assessment)
    actor = actor_for(world.users["secretariat_admin"])
    services.assessment_propose(actor=actor, assessment=assessment)
    response = world.client("secretariat_admin").post(
        reverse("assessments:assess_send_back", args=[assessment.pk]), {"note": ""}
    )
    assessment.refresh_from_db()
    assert assessment.status == AssessmentStatus.PROPOSED
    world.client("secretariat_admin").post(
        reverse("assessments:assess_send_back", args=[assessment.pk]),
        {"note": "Kijk nog eens naar 4.2"},
    )
    assessment.refresh_from_db()
    assert (assessment.status, assessment.proposal_note) == (
        AssessmentStatus.IN_PROGRESS,
        "Kijk nog eens naar 4.2",
    )
    assert response.status_code == 302


def test_impact_indicators_need_a_reason(world, submitted) -> None:
    assessment = _assessment(submitted)
    _assign(world, assessment)
    response = world.client("secretariat_assessor").post(
        reverse("assessments:assess_review", args=[assessment.pk]),
        {"impact_indicators_met": "on", "impact_reason": "", "progress_sufficient": "unknown"},
    )
    assert response.status_code == 400
    assert "impact_reason" in response.context["review_form"].errors
    assessment.refresh_from_db()
    assert assessment.impact_indicators_met is False


def test_scoring_all_reports_is_idempotent(world, submitted) -> None:
    Assessment.objects.all().delete()
    assert services.assessments_score(period_year=2026) == 1
    first = list(Assessment.objects.values_list("report_id", "dd_score", "computed_level"))
    assert services.assessments_score(period_year=2026) == 1
    assert list(Assessment.objects.values_list("report_id", "dd_score", "computed_level")) == first
    assert Assessment.objects.count() == 1


def test_queue_filters(world, submitted) -> None:
    assessment = _assessment(submitted)
    client = world.client("secretariat_admin")

    def shown(**params):
        page = client.get(reverse("assessments:queue"), params)
        return list(page.context["page"].object_list)

    assert shown(q=world.organisations["company"].name[:6].lower()) == [assessment]
    assert shown(q="Geen zo'n bedrijf") == []
    assert shown(period="2026") == [assessment]
    assert shown(period="2025") == []
    assert shown(assessor="none") == [assessment]
    assert shown(status="decided") == []
    assert shown(size="medium") == [assessment]
    assert shown(size="large") == []
    assert shown(level=str(assessment.computed_level)) == [assessment]
    assert shown(overdue="on") == []


def test_a_returned_version_leaves_the_queue_and_its_successor_enters(world, submitted) -> None:
    from assessments.report.services import report_return

    first = _assessment(submitted)
    secretariat = actor_for(world.users["secretariat_admin"])
    draft = report_return(actor=secretariat, report=submitted, comment="Groeven ontbreken")
    client = world.client("secretariat_admin")
    assert list(client.get(reverse("assessments:queue")).context["page"].object_list) == []
    # The batch job does not open or score the superseded version either.
    Assessment.objects.all().delete()
    assert services.assessments_score(period_year=2026) == 0
    assert not Assessment.objects.exists()

    company = world.organisations["company"]
    report_submit(actor=actor_for(world.users["company_admin"], company.pk), report=draft)
    queue = list(client.get(reverse("assessments:queue")).context["page"].object_list)
    assert [a.report.version for a in queue] == [2]
    assert first.pk != queue[0].pk


def test_only_active_secretariat_members_can_be_assigned(world, submitted) -> None:
    from members.models import Membership

    coordinator = actor_for(world.users["secretariat_admin"])
    left = make_user(world.organisations["secretariat"], "assessor")
    Membership.objects.filter(user=left).update(is_active=False)
    assert left not in selectors.assessors(coordinator)
    assert world.users["secretariat_assessor"] in selectors.assessors(coordinator)
    with pytest.raises(ValidationError):
        services.assessment_assign(
            actor=coordinator, assessment=_assessment(submitted), assessor=left
        )


def test_a_plan_of_action_assessment_keeps_the_level_and_judges_progress(
    world, framework_v1
) -> None:
    """Large, level 3, a full assessment last year: this year only the plan is assessed."""
    company = world.organisations["company"]
    CovenantMembershipFactory(
        organisation=company, employees=300, annual_revenue_eur=80_000_000, full_due_diligence=True
    )
    LevelAssignment.objects.create(
        organisation=company, year=2025, level=3, decided_on="2025-10-01"
    )
    period = ReportingPeriod.objects.create(
        year=2026, deadline="2027-03-01", framework=framework_v1
    )
    report = Report.objects.create(organisation=company, period=period, framework=framework_v1)
    user = world.users["company_admin"]
    complete(report, user)
    report_submit(actor=actor_for(user, company.pk), report=report)
    assessment = _assessment(report)
    assert assessment.kind == "plan_of_action"
    _assign(world, assessment)
    assessor = world.client("secretariat_assessor")
    # No scores to adjust in a plan-of-action assessment.
    response = assessor.post(
        reverse("assessments:assess_adjust", args=[assessment.pk, "1.1"]),
        {"points": "1", "reason": "x"},
    )
    assert response.status_code == 400 and not ScoreAdjustment.objects.exists()
    assessor.post(reverse("assessments:assess_propose", args=[assessment.pk]))
    assessment.refresh_from_db()
    assert assessment.status == AssessmentStatus.IN_PROGRESS  # progress not judged yet
    assessor.post(
        reverse("assessments:assess_review", args=[assessment.pk]),
        {"progress_sufficient": "true", "feedback_plan": "Goede voortgang op de audits."},
    )
    assessor.post(reverse("assessments:assess_propose", args=[assessment.pk]))
    assessment.refresh_from_db()
    assert (assessment.status, assessment.proposed_level) == (AssessmentStatus.PROPOSED, 3)
    world.client("secretariat_admin").post(
        reverse("assessments:assess_decide", args=[assessment.pk])
    )
    levels = list(
        LevelAssignment.objects.filter(organisation=company).values_list("year", "level", "source")
    )
    assert sorted(levels) == [(2025, 3, "recorded"), (2026, 3, "assessment")]
    letter = world.client("company_admin").get(
        reverse("assessments:assessment_letter", args=[assessment.pk])
    )
    text = "".join(p.extract_text() for p in PdfReader(BytesIO(letter.content)).pages)
    assert "Goede voortgang op de audits." in text and "beoordeling plan van aanpak" in text.lower()


def test_the_workspace_shows_words_and_the_original_only_when_changed(world, submitted) -> None:
    from django.utils import translation

    assessment = _assessment(submitted)
    _assign(world, assessment)
    client = world.client("secretariat_assessor")
    card = selectors.scorecard_of(assessment)
    answer = next(a for a in card.answers if a.points is not None and not a.code.startswith("2.1"))
    # An "adjustment" that keeps the points: nothing to strike through.
    client.post(
        reverse("assessments:assess_adjust", args=[assessment.pk, answer.code]),
        {"points": str(answer.points), "reason": "Gecontroleerd, klopt"},
    )
    page = client.get(reverse("assessments:assess", args=[assessment.pk]))
    html = page.content.decode()
    assert f'data-points="{answer.code}"><s>' not in html
    assert submitted.snapshot["size_class"] == "medium"
    with translation.override("nl"):
        size_words = f"{translation.gettext('size')}: {translation.gettext('medium')} ·"
    assert size_words != "omvang: medium ·"
    assert size_words in html


def test_the_scoring_job_counts_in_words_that_fit_the_number(world, submitted) -> None:
    from django.template.loader import render_to_string
    from django.utils import translation

    from trustone.jobs.models import Job

    job = Job.objects.create(kind="assessments_score", started_by=world.users["secretariat_admin"])
    with translation.override("en"):
        services.assessments_score_job(job)
        job.refresh_from_db()
        assert job.message == "1 report scored."
        running = Job.objects.create(
            kind="x", started_by=job.started_by, status="running", done=0, total=1
        )
        html = render_to_string("jobs/_progress.html", {"job": running})
        assert "0 of 1 item" in html and "0 of 1 items" not in html


def test_the_letter_follows_the_page_language(world, submitted) -> None:
    from django.conf import settings

    assessment = _assessment(submitted)
    _assign(world, assessment)
    world.client("secretariat_assessor").post(
        reverse("assessments:assess_propose", args=[assessment.pk]), {"note": ""}
    )
    world.client("secretariat_admin").post(
        reverse("assessments:assess_decide", args=[assessment.pk])
    )
    company = world.client("company_member")
    company.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    page = company.get(reverse("assessments:assessment_result", args=[assessment.pk]))
    html = page.content.decode()
    letter = reverse("assessments:assessment_letter", args=[assessment.pk])
    assert f'href="{letter}?lang=en">Letter (PDF)</a>' in html
    assert f'href="{letter}?lang=nl" hreflang="nl"' in html
    pdf = company.get(f"{letter}?lang=en")
    text = "".join(p.extract_text() for p in PdfReader(BytesIO(pdf.content)).pages)
    assert "Decision: level" in text
    assert "TruStone Initiative" in text and "Initiatief" not in text
    # Without ?lang the letter is in the language of the page too.
    pdf = company.get(letter)
    text = "".join(p.extract_text() for p in PdfReader(BytesIO(pdf.content)).pages)
    assert "Decision: level" in text
