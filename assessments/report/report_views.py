"""A company's report in the browser: overview and the questionnaire with autosave."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from supplychain.rules import display_percent
from supplychain.selectors import chains_of, insight_of
from trustone.access import policies
from trustone.access.actor import Actor
from trustone.access.errors import NotFound
from trustone.access.views import PortalView
from trustone.languages import portal_language

from ..models import Report
from . import selectors, services


def _insight(actor: Actor, report: Report) -> tuple[Any, Decimal, Decimal]:
    """(chains, factory insight, quarry insight): the frozen ones of a submitted version,
    the company's live supplier list for a draft."""
    snapshot = report.snapshot
    if report.status not in selectors.EDITABLE and snapshot:
        return (
            snapshot.get("chains", []),
            Decimal(snapshot.get("factory_insight", "0")),
            Decimal(snapshot.get("quarry_insight", "0")),
        )
    chains = list(chains_of(actor, report.organisation))
    return chains, *insight_of(chains)


class ReportView(PortalView):
    """The report's parts and what is still missing."""

    access_policy = policies.COMPANY | policies.SECRETARIAT_ASSESSING

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        report = selectors.access_report(self.actor, pk)
        chains, factory, quarry = _insight(self.actor, report)
        steps = selectors.questionnaire(report, factory_insight=factory, quarry_insight=quarry)
        answered, applicable = selectors.completeness(steps)
        return render(
            request,
            "assessments/report.html",
            {
                "report": report,
                "chains": len(chains),
                "answered": answered,
                "risks": report.risks.count(),
                "associated": selectors.is_associated(report),
                "importer_count": report.importers.count(),
                "missing": selectors.missing_parts(report)
                if report.status in selectors.EDITABLE
                else [],
                "versions": selectors.reports_visible_to(self.actor)
                .filter(organisation=report.organisation, period=report.period)
                .order_by("version"),
                "applicable": applicable,
                "factory_insight": display_percent(factory),
                "quarry_insight": display_percent(quarry),
                "editable": report.status in selectors.EDITABLE
                and self.actor.acts_for(report.organisation),
            },
        )


class QuestionnaireView(PortalView):
    access_policy = policies.COMPANY | policies.SECRETARIAT_ASSESSING

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        report = selectors.access_report(self.actor, pk)
        _chains, factory, quarry = _insight(self.actor, report)
        steps = selectors.questionnaire(report, factory_insight=factory, quarry_insight=quarry)
        answered, applicable = selectors.completeness(steps)
        return render(
            request,
            "assessments/questionnaire.html",
            {
                "report": report,
                "steps": steps,
                "answered": answered,
                "applicable": applicable,
                "editable": report.status in selectors.EDITABLE
                and self.actor.acts_for(report.organisation),
                "language": portal_language(request.LANGUAGE_CODE),
            },
        )


class AnswerSaveView(PortalView):
    """Saves one answer (htmx, on every change) and returns its status line."""

    access_policy = policies.COMPANY
    http_method_names = ["post"]

    def post(self, request: HttpRequest, pk: int, code: str) -> HttpResponse:
        report = selectors.access_editable_report(self.actor, pk)
        try:
            answer = services.answer_save(
                actor=self.actor,
                report=report,
                question_code=code,
                option_code=request.POST.get("option", ""),
                explanation=request.POST.get("explanation", ""),
            )
        except ValidationError as error:
            return render(
                request, "assessments/_answer_status.html", {"errors": error.messages}, status=400
            )
        if not request.htmx:  # type: ignore[attr-defined]  # the form without JavaScript
            url = reverse("assessments:questionnaire", args=[report.pk])
            return redirect(f"{url}#question-{code}")
        return render(request, "assessments/_answer_status.html", {"answer": answer})


class SubmitView(PortalView):
    access_policy = policies.COMPANY
    http_method_names = ["post"]

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        report = selectors.access_editable_report(self.actor, pk)
        language = portal_language(request.LANGUAGE_CODE)
        try:
            services.report_submit(actor=self.actor, report=report, language=language)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(
                request,
                _(
                    "Your report has been submitted. A PDF of what you submitted is being "
                    "prepared; you will receive it by e-mail."
                ),
            )
        return redirect("assessments:report", report.pk)


class NewVersionView(PortalView):
    """The company wants to change a submitted report: a new draft version."""

    access_policy = policies.COMPANY
    http_method_names = ["post"]

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        report = selectors.access_editable_report(self.actor, pk)
        try:
            draft = services.report_new_version(actor=self.actor, report=report)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect("assessments:report", report.pk)
        messages.success(
            request,
            _("Version %(version)s has been made; the submitted version stays as it was.")
            % {"version": draft.version},
        )
        return redirect("assessments:report", draft.pk)


class ReturnView(PortalView):
    """The secretariat returns a submitted report for changes, with comments."""

    access_policy = policies.SECRETARIAT_ADMIN
    http_method_names = ["post"]

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        report = selectors.access_report(self.actor, pk)
        try:
            draft = services.report_return(
                actor=self.actor, report=report, comment=request.POST.get("comment", "")
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect("assessments:report", report.pk)
        messages.success(
            request,
            _("The report has been returned to the company as version %(version)s.")
            % {"version": draft.version},
        )
        return redirect("assessments:report", draft.pk)


class ReportPdfView(PortalView):
    access_policy = policies.COMPANY | policies.SECRETARIAT_ASSESSING

    def get(self, request: HttpRequest, pk: int) -> HttpResponseBase:
        report = selectors.access_report(self.actor, pk)
        if not report.pdf:
            raise NotFound
        return FileResponse(
            report.pdf.open("rb"),
            as_attachment=True,
            filename=f"trustone-report-{report.period.year}-v{report.version}.pdf",
        )


class EvidenceUploadView(PortalView):
    access_policy = policies.COMPANY
    http_method_names = ["post"]

    def post(self, request: HttpRequest, pk: int, code: str) -> HttpResponse:
        report = selectors.access_editable_report(self.actor, pk)
        upload = request.FILES.get("file")
        if upload is None:
            messages.error(request, _("Choose a file to add."))
        else:
            try:
                added = services.evidence_add(
                    actor=self.actor, report=report, question_code=code, upload=upload
                )
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
            else:
                messages.success(
                    request, _("%(name)s has been added.") % {"name": added.original_name}
                )
        url = reverse("assessments:questionnaire", args=[report.pk])
        return redirect(f"{url}#question-{code}")


class EvidenceDownloadView(PortalView):
    access_policy = policies.COMPANY | policies.SECRETARIAT_ASSESSING

    def get(self, request: HttpRequest, evidence_pk: int) -> HttpResponseBase:
        item = selectors.access_evidence(self.actor, evidence_pk)
        return FileResponse(
            item.file.open("rb"),
            as_attachment=True,
            filename=item.original_name,
            content_type=item.content_type,
        )


class EvidenceDeleteView(PortalView):
    access_policy = policies.COMPANY
    http_method_names = ["post"]

    def post(self, request: HttpRequest, evidence_pk: int) -> HttpResponse:
        item = selectors.access_evidence(self.actor, evidence_pk)
        try:
            services.evidence_delete(actor=self.actor, evidence=item)
        except (ValidationError, PermissionDenied):
            raise NotFound from None
        messages.success(request, _("%(name)s has been removed.") % {"name": item.original_name})
        url = reverse("assessments:questionnaire", args=[item.report_id])
        return redirect(f"{url}#question-{item.question.code}")
