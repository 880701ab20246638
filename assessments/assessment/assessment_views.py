"""The secretariat's assessment workflow and the company's view of its assessments."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from members.rules import LEVEL_THRESHOLDS
from trustone.access import policies
from trustone.access.views import PortalView
from trustone.forms import add_validation_errors
from trustone.languages import portal_language
from trustone.pagination import paginate
from trustone.pdf import render_pdf

from ..forms import AdjustForm, AssignForm, QueueFilterForm, ReviewForm
from ..models import AssessmentKind
from . import selectors, services
from .samples import findings_of


class QueueView(PortalView):
    """The queue of submitted reports, with filters; the coordinator assigns assessors."""

    access_policy = policies.SECRETARIAT

    def get(self, request: HttpRequest) -> HttpResponse:
        people = selectors.assessors(self.actor)
        filters = QueueFilterForm(request.GET or None, assessors=people)
        values = {key: str(request.GET.get(key, "")) for key in selectors.QUEUE_FILTERS}
        if values["overdue"] in ("on", "true"):
            values["overdue"] = "1"
        queue = selectors.assessment_queue(self.actor, **values)
        return render(
            request,
            "assessments/assessment_queue.html",
            {
                **paginate(request, queue),
                "filters": filters,
                "assign_form": AssignForm(assessors=people),
                "is_coordinator": selectors.is_coordinator(self.actor),
                "mine": list(selectors.assigned_to(self.actor)[:50]),
            },
        )


class AssignView(PortalView):
    access_policy = policies.SECRETARIAT_ADMIN
    http_method_names = ["post"]

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        assessment = selectors.access_assessment(self.actor, pk)
        form = AssignForm(request.POST, assessors=selectors.assessors(self.actor))
        if form.is_valid():
            try:
                services.assessment_assign(
                    actor=self.actor, assessment=assessment, assessor=form.cleaned_data["assessor"]
                )
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
            else:
                messages.success(
                    request,
                    _("%(assessor)s assesses the report of %(organisation)s.")
                    % {
                        "assessor": form.cleaned_data["assessor"],
                        "organisation": assessment.report.organisation.name,
                    },
                )
        else:
            messages.error(request, _("Choose someone of the secretariat."))
        return redirect(request.POST.get("next") or "assessments:queue")


def _workspace(request: HttpRequest, actor: Any, assessment: Any, **forms_: Any) -> HttpResponse:
    adjustments = selectors.adjustments_of(assessment)
    card = selectors.scorecard_of(assessment, adjustments)
    review = forms_.get("review") or ReviewForm(
        initial={name: getattr(assessment, name) for name in services.REVIEW_FIELDS}
        | {
            "progress_sufficient": {None: "unknown", True: "true", False: "false"}[
                assessment.progress_sufficient
            ]
        }
    )
    return render(
        request,
        "assessments/assess.html",
        {
            "assessment": assessment,
            "report": assessment.report,
            "snapshot": assessment.report.snapshot or {},
            "card": card,
            "evidence": selectors.evidence_by_question(assessment.report),
            "findings": findings_of(assessment.report),
            "review_form": review,
            "adjust_error": forms_.get("adjust_error"),
            "adjust_form": forms_.get("adjust") or AdjustForm(),
            "is_coordinator": selectors.is_coordinator(actor),
            "is_full": assessment.kind == AssessmentKind.FULL,
            "is_open": not assessment.is_decided,
        },
        status=400 if forms_ else 200,
    )


class AssessView(PortalView):
    """The workspace: the report beside the framework's points, the score per step and in
    total, the proposed level with what each criterion of the next level lacks."""

    access_policy = policies.SECRETARIAT_ASSESSING

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        return _workspace(request, self.actor, selectors.access_assessment(self.actor, pk))


class AdjustView(PortalView):
    access_policy = policies.SECRETARIAT_ASSESSING
    http_method_names = ["post"]

    def post(self, request: HttpRequest, pk: int, code: str) -> HttpResponse:
        assessment = selectors.access_assessment(self.actor, pk)
        form = AdjustForm(request.POST)
        if form.is_valid():
            try:
                services.assessment_adjust(
                    actor=self.actor,
                    assessment=assessment,
                    question_code=code,
                    points=form.cleaned_data["points"],
                    reason=form.cleaned_data["reason"],
                )
            except ValidationError as error:
                add_validation_errors(form, error)
            else:
                messages.success(
                    request, _("The points of question %(code)s are adjusted.") % {"code": code}
                )
                return redirect("assessments:assess", pk)
        return _workspace(request, self.actor, assessment, adjust=form, adjust_error=code)


class ReviewView(PortalView):
    access_policy = policies.SECRETARIAT_ASSESSING
    http_method_names = ["post"]

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        assessment = selectors.access_assessment(self.actor, pk)
        form = ReviewForm(request.POST)
        if form.is_valid():
            try:
                services.assessment_review(
                    actor=self.actor, assessment=assessment, **form.cleaned_data
                )
            except ValidationError as error:
                add_validation_errors(form, error)
            else:
                messages.success(request, _("The assessment has been saved."))
                return redirect("assessments:assess", pk)
        return _workspace(request, self.actor, assessment, review=form)


class ProposeView(PortalView):
    access_policy = policies.SECRETARIAT_ASSESSING
    http_method_names = ["post"]

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        assessment = selectors.access_assessment(self.actor, pk)
        try:
            assessment = services.assessment_propose(
                actor=self.actor, assessment=assessment, note=request.POST.get("note", "")
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request,
                _("Level %(level)s has been proposed to the coordinator.")
                % {"level": assessment.proposed_level},
            )
        return redirect("assessments:assess", pk)


class DecideView(PortalView):
    access_policy = policies.SECRETARIAT_ADMIN
    http_method_names = ["post"]

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        assessment = selectors.access_assessment(self.actor, pk)
        try:
            assessment = services.assessment_decide(actor=self.actor, assessment=assessment)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request,
                _("Decided: %(organisation)s is on level %(level)s. The company has been told.")
                % {
                    "organisation": assessment.report.organisation.name,
                    "level": assessment.decided_level,
                },
            )
        return redirect("assessments:assess", pk)


class SendBackView(PortalView):
    access_policy = policies.SECRETARIAT_ADMIN
    http_method_names = ["post"]

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        assessment = selectors.access_assessment(self.actor, pk)
        try:
            services.assessment_send_back(
                actor=self.actor, assessment=assessment, note=request.POST.get("note", "")
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The proposal has been sent back to the assessor."))
        return redirect("assessments:assess", pk)


class ScoreAllView(PortalView):
    """The coordinator scores every submitted report again in one job."""

    access_policy = policies.SECRETARIAT_ADMIN
    http_method_names = ["post"]

    def post(self, request: HttpRequest) -> HttpResponse:
        from trustone.jobs.services import job_start

        from ..tasks import assessments_score_task

        year = request.POST.get("period", "")
        job = job_start(
            actor=self.actor,
            kind="assessments_score",
            task=assessments_score_task,
            params={"period": int(year) if year.isdigit() else None},
        )
        return redirect("jobs:detail", job.pk)


class CompanyAssessmentsView(PortalView):
    """A company's decided assessments."""

    access_policy = policies.COMPANY

    def get(self, request: HttpRequest) -> HttpResponse:
        items = selectors.assessments_of_company(self.actor).order_by("-decided_at")
        return render(request, "assessments/assessment_list.html", paginate(request, items))


def _result_context(assessment: Any) -> dict[str, Any]:
    card = selectors.scorecard_of(assessment)
    return {
        "assessment": assessment,
        "report": assessment.report,
        "card": card,
        "is_full": assessment.kind == AssessmentKind.FULL,
        "thresholds": LEVEL_THRESHOLDS,
        "adjusted": [a for a in card.answers if a.adjustments],
    }


class CompanyAssessmentView(PortalView):
    """The company sees its assessment: level, scores, feedback and the gap to the next
    level."""

    access_policy = policies.COMPANY

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        assessment = selectors.access_company_assessment(self.actor, pk)
        return render(request, "assessments/assessment_result.html", _result_context(assessment))


class LetterView(PortalView):
    """The assessment letter as a PDF, in Dutch or English (?lang=en)."""

    access_policy = policies.COMPANY | policies.SECRETARIAT_ASSESSING

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        assessment = selectors.access_letter_assessment(self.actor, pk)
        # The page's language unless the link asks for the other one.
        language = portal_language(request.GET.get("lang") or request.LANGUAGE_CODE)
        pdf = render_pdf(
            "pdf/assessments/letter.html", _result_context(assessment), language=language
        )
        response = HttpResponse(pdf, content_type="application/pdf")
        name = f"trustone-assessment-{assessment.report.period.year}-{language}.pdf"
        response["Content-Disposition"] = f'inline; filename="{name}"'
        return response


def _due_labels() -> dict[str, str]:
    return {
        "full": _("full assessment"),
        "plan_of_action": _("plan-of-action assessment"),
        "none": _("no assessment"),
    }


class ScheduleView(PortalView):
    """What each member company is due next year, and the workload (DOMAIN §4.4)."""

    access_policy = policies.SECRETARIAT

    def get(self, request: HttpRequest) -> HttpResponse:
        from . import schedule

        year_text = request.GET.get("year", "")
        year = int(year_text) if year_text.isdigit() else schedule.schedule_year()
        rows = schedule.schedule(self.actor, year)
        labels = _due_labels()
        if request.GET.get("format") == "csv":
            response = HttpResponse(
                schedule.schedule_csv(rows, labels), content_type="text/csv; charset=utf-8"
            )
            response["Content-Disposition"] = f'attachment; filename="schedule-{year}.csv"'
            return response
        return render(
            request,
            "assessments/schedule.html",
            {
                **paginate(request, rows, per_page=50),
                "year": year,
                "workload": schedule.workload(rows),
                "labels": labels,
                "sizes": schedule.SIZES,
                "count": len(rows),
            },
        )
