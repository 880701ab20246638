"""Isolation cases: the assessment (queue, workspace, decision, schedule, delays, samples)."""

from __future__ import annotations

from django.urls import reverse

from .case import (
    ASSESSING,
    COMPANY,
    COMPANY_ADMINS,
    COMPANY_USERS,
    ORGANISATION_OF,
    SECRETARIAT_ADMIN,
    SECRETARIAT_ALL,
    Case,
)
from .data import (
    _every_company_signed,
)
from .data_reports import (
    _assessed_evidence,
    _assessed_report,
    _assessment,
    _assessments,
    _delay_cases,
    _delayed,
    _draw,
    _draws,
    _every_company_delayed,
    _plan_test,
    _plan_tests,
    _submitted,
)

CASES: list[Case] = [
    Case(
        "assessment queue",
        url_name="assessments:queue",
        url=lambda w: (_assessment(w), reverse("assessments:queue"))[1],
        allowed=SECRETARIAT_ALL,
    ),
    Case(
        "score all submitted reports",
        method="post",
        url_name="assessments:score_all",
        url=lambda w: (_assessment(w), reverse("assessments:score_all"))[1],
        data=lambda w: {"period": "2026"},
        allowed=SECRETARIAT_ADMIN,
        state=_assessments,
    ),
    Case(
        "assessment workspace",
        url_name="assessments:assess",
        url=lambda w: reverse("assessments:assess", args=[_assessment(w).pk]),
        allowed=ASSESSING,
    ),
    Case(
        "assign an assessor",
        method="post",
        url_name="assessments:assess_assign",
        url=lambda w: reverse("assessments:assess_assign", args=[_assessment(w, "queued").pk]),
        data=lambda w: {"assessor": w.users["secretariat_admin"].pk},
        allowed=SECRETARIAT_ADMIN,
        state=_assessments,
    ),
    Case(
        "adjust points",
        method="post",
        url_name="assessments:assess_adjust",
        url=lambda w: reverse("assessments:assess_adjust", args=[_assessment(w).pk, "1.1"]),
        data=lambda w: {"points": "4", "reason": "Redelijkheid"},
        allowed=ASSESSING,
        state=_assessments,
    ),
    Case(
        "assessment feedback",
        method="post",
        url_name="assessments:assess_review",
        url=lambda w: reverse("assessments:assess_review", args=[_assessment(w).pk]),
        data=lambda w: {"feedback_plan": "Meetbaarder", "progress_sufficient": "unknown"},
        allowed=ASSESSING,
        state=_assessments,
    ),
    Case(
        "propose a decision",
        method="post",
        url_name="assessments:assess_propose",
        url=lambda w: reverse("assessments:assess_propose", args=[_assessment(w).pk]),
        allowed=ASSESSING,
        state=_assessments,
    ),
    Case(
        "confirm a decision",
        method="post",
        url_name="assessments:assess_decide",
        url=lambda w: reverse("assessments:assess_decide", args=[_assessment(w, "proposed").pk]),
        allowed=SECRETARIAT_ADMIN,
        state=_assessments,
    ),
    Case(
        "send a proposal back",
        method="post",
        url_name="assessments:assess_send_back",
        url=lambda w: reverse("assessments:assess_send_back", args=[_assessment(w, "proposed").pk]),
        data=lambda w: {"note": "Kijk naar 1.1"},
        allowed=SECRETARIAT_ADMIN,
        state=_assessments,
    ),
    Case(
        "a company's assessments",
        url_name="assessments:my_assessments",
        url=lambda w: (_assessment(w, "decided"), reverse("assessments:my_assessments"))[1],
        allowed=COMPANY_USERS,
    ),
    Case(
        "a company's assessment",
        url_name="assessments:assessment_result",
        url=lambda w: reverse("assessments:assessment_result", args=[_assessment(w, "decided").pk]),
        allowed=COMPANY,
    ),
    Case(
        "assessment letter",
        url_name="assessments:assessment_letter",
        url=lambda w: reverse("assessments:assessment_letter", args=[_assessment(w, "decided").pk]),
        allowed=COMPANY + ASSESSING,
    ),
    Case(
        "assessment schedule",
        url_name="assessments:schedule",
        url=lambda w: (_assessment(w), reverse("assessments:schedule"))[1],
        allowed=SECRETARIAT_ALL,
    ),
    Case(
        "progress and delay",
        url_name="assessments:progress",
        url=lambda w: (_delayed(w), reverse("assessments:progress"))[1],
        allowed=SECRETARIAT_ALL,
    ),
    Case(
        "a delayed member",
        url_name="assessments:delayed_member",
        url=lambda w: reverse("assessments:delayed_member", args=[_delayed(w).pk]),
        allowed=SECRETARIAT_ALL,
    ),
    Case(
        "offer knowledge modules",
        method="post",
        url_name="assessments:knowledge_modules",
        url=lambda w: reverse("assessments:knowledge_modules", args=[_delayed(w, 2).pk]),
        allowed=SECRETARIAT_ADMIN,
        state=_delay_cases,
    ),
    Case(
        "a company's progress",
        url_name="assessments:my_progress",
        url=lambda w: (_delayed(w), reverse("assessments:my_progress"))[1],
        allowed=COMPANY_USERS,
    ),
    Case(
        "write the explanatory note",
        method="post",
        url_name="assessments:explanatory_note",
        url=lambda w: (_every_company_delayed(w), reverse("assessments:explanatory_note"))[1],
        data=lambda w: {"note": "Nieuwe leverancier"},
        allowed=COMPANY_ADMINS,
        state=_delay_cases,
    ),
    Case(
        "ask for special circumstances",
        method="post",
        url_name="assessments:special_circumstances",
        url=lambda w: (_every_company_delayed(w), reverse("assessments:special_circumstances"))[1],
        data=lambda w: {
            "argument": "Wij zijn overgenomen en bouwen de keten opnieuw op "
            "met nieuwe leveranciers in India."
        },
        allowed=COMPANY_ADMINS,
        state=_delay_cases,
    ),
    Case(
        "sample checks",
        url_name="assessments:samples",
        url=lambda w: (_draw(w), reverse("assessments:samples"))[1],
        allowed=SECRETARIAT_ADMIN,
    ),
    Case(
        "draw a sample",
        method="post",
        url_name="assessments:samples",
        url=lambda w: reverse("assessments:samples"),
        data=lambda w: {
            "period": _submitted(w).period_id,
            "kind": "reports",
            "size": "1",
        },
        allowed=SECRETARIAT_ADMIN,
        state=_draws,
    ),
    Case(
        "a sample draw",
        url_name="assessments:sample",
        url=lambda w: reverse("assessments:sample", args=[_draw(w).pk]),
        allowed=SECRETARIAT_ADMIN,
    ),
    Case(
        "record a finding",
        method="post",
        url_name="assessments:sample_finding",
        url=lambda w: (
            lambda draw: reverse("assessments:sample_finding", args=[draw.pk, draw.selected[0]])
        )(_draw(w)),
        data=lambda w: {"outcome": "confirmed", "findings": "Klopt"},
        allowed=SECRETARIAT_ADMIN,
        state=_draws,
    ),
    Case(
        "plan-of-action tests",
        url_name="procurement:plan_tests",
        url=lambda w: (_plan_test(w), reverse("procurement:plan_tests"))[1],
        allowed=COMPANY_USERS + ("government_admin",) + SECRETARIAT_ADMIN,
    ),
    Case(
        "ask to test a plan of action",
        method="post",
        url_name="procurement:plan_test_new",
        url=lambda w: (_every_company_signed(w), reverse("procurement:plan_test_new"))[1],
        data=lambda w, who: {
            "company": w.organisations[
                "company" if who == "government_admin" else ORGANISATION_OF.get(who, "company")
            ].pk,
            "question": "Klopt dit?",
        },
        allowed=(*COMPANY, "other_company_admin", "government_admin"),
        state=_plan_tests,
    ),
    Case(
        "a plan-of-action test",
        url_name="procurement:plan_test",
        url=lambda w: reverse("procurement:plan_test", args=[_plan_test(w).pk]),
        allowed=COMPANY + ("government_admin",) + SECRETARIAT_ADMIN,
    ),
    Case(
        "the plan of a test",
        url_name="procurement:plan_test_attachment",
        url=lambda w: reverse("procurement:plan_test_attachment", args=[_plan_test(w).pk]),
        allowed=COMPANY + ("government_admin",) + SECRETARIAT_ADMIN,
    ),
    Case(
        "answer a plan-of-action test",
        method="post",
        url_name="procurement:plan_test_answer",
        url=lambda w: reverse("procurement:plan_test_answer", args=[_plan_test(w).pk]),
        data=lambda w: {"verdict": "sufficient", "answer": "In orde"},
        allowed=SECRETARIAT_ADMIN,
        state=_plan_tests,
    ),
    # A submitted report's content: its company, the coordinator and the assessor granted
    # on its assessment; no other secretariat user (issue 9).
    Case(
        "submitted report under assessment",
        url_name="assessments:report",
        url=lambda w: reverse("assessments:report", args=[_assessed_report(w).pk]),
        allowed=COMPANY + ASSESSING,
    ),
    Case(
        "questionnaire of a submitted report",
        url_name="assessments:questionnaire",
        url=lambda w: reverse("assessments:questionnaire", args=[_assessed_report(w).pk]),
        allowed=COMPANY + ASSESSING,
    ),
    Case(
        "plan of action of a submitted report",
        url_name="assessments:plan",
        url=lambda w: reverse("assessments:plan", args=[_assessed_report(w).pk]),
        allowed=COMPANY + ASSESSING,
    ),
    Case(
        "importers of a submitted report",
        url_name="assessments:importers",
        url=lambda w: reverse("assessments:importers", args=[_assessed_report(w).pk]),
        allowed=COMPANY + ASSESSING,
    ),
    Case(
        "PDF of a submitted report under assessment",
        url_name="assessments:report_pdf",
        url=lambda w: reverse("assessments:report_pdf", args=[_assessed_report(w).pk]),
        allowed=COMPANY + ASSESSING,
    ),
    Case(
        "evidence of a submitted report",
        url_name="assessments:evidence",
        url=lambda w: reverse("assessments:evidence", args=[_assessed_evidence(w).pk]),
        allowed=COMPANY + ASSESSING,
    ),
]
