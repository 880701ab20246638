"""The annual report's pages: the secretariat generates, reviews, exports and publishes
versions; the public reads the published ones and downloads their PDFs."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from trustone.access import policies
from trustone.access.views import PortalView
from trustone.audit.services import audit_record
from trustone.forms import add_validation_errors
from trustone.pagination import paginate
from trustone.spreadsheets import csv_bytes, xlsx_bytes

from ..models import AnnualReportStatus
from . import selectors, services
from .export import unsuppressed_rows
from .presentation import report_context
from .tables import table_specs


class GenerateForm(forms.Form):
    year = forms.IntegerField(label=gettext_lazy("Year"))


def _generate_form(data: Any = None) -> GenerateForm:
    return GenerateForm(data, initial={"year": timezone.localdate().year - 1})


class AnnualReportsView(PortalView):
    """The secretariat's list of versions, and the coordinator's form to generate one."""

    access_policy = policies.SECRETARIAT
    write_policy = policies.SECRETARIAT_ADMIN

    def get(self, request: HttpRequest, form: GenerateForm | None = None) -> HttpResponse:
        reports = selectors.annual_reports_visible_to(self.actor).defer("inputs", "figures")
        return render(
            request,
            "assessments/annual/list.html",
            {
                **paginate(request, reports, per_page=25),
                "form": form or _generate_form(),
                "may_generate": self.actor.is_secretariat_admin,
            },
            status=400 if form is not None else 200,
        )

    def post(self, request: HttpRequest) -> HttpResponse:
        form = _generate_form(request.POST)
        if form.is_valid():
            try:
                report = services.annual_report_generate(
                    actor=self.actor, year=form.cleaned_data["year"]
                )
            except ValidationError as error:
                add_validation_errors(form, error)
            else:
                messages.success(request, _("The report is being generated."))
                return redirect("annual:review", report.pk)
        return self.get(request, form)


class ReviewView(PortalView):
    """A version as the public will read it, with what disclosure control did, the
    unsuppressed exports, and publishing."""

    access_policy = policies.SECRETARIAT

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        report = selectors.access_annual_report(self.actor, pk)
        return render(
            request,
            "assessments/annual/review.html",
            {
                **report_context(report),
                "job": report.job,
                "may_publish": self.actor.is_secretariat_admin,
                "may_export": self.actor.is_secretariat_admin or self.actor.is_assessor,
                "tables": [
                    spec for spec in table_specs() if spec.key in report.inputs.get("tables", {})
                ],
            },
        )


class PublishView(PortalView):
    access_policy = policies.SECRETARIAT_ADMIN
    http_method_names = ["post"]

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        report = selectors.access_annual_report(self.actor, pk)
        try:
            services.annual_report_publish(
                actor=self.actor, report=report, note=request.POST.get("note", "")
            )
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(request, _("The annual report is published."))
        return redirect("annual:review", report.pk)


class DiscardView(PortalView):
    access_policy = policies.SECRETARIAT_ADMIN
    http_method_names = ["post"]

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        report = selectors.access_annual_report(self.actor, pk)
        try:
            services.annual_report_discard(actor=self.actor, report=report)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
            return redirect("annual:review", report.pk)
        messages.success(request, _("The draft is discarded."))
        return redirect("annual:list")


class ExportView(PortalView):
    """One table of a version before disclosure control, as CSV or XLSX: for the
    coordinator's and the assessors' own analysis. Logged."""

    access_policy = policies.SECRETARIAT_ASSESSING

    def get(self, request: HttpRequest, pk: int, key: str, file_format: str) -> HttpResponse:
        report = selectors.access_annual_report(self.actor, pk)
        spec = next((s for s in table_specs() if s.key == key), None)
        table = report.inputs.get("tables", {}).get(key)
        if spec is None or table is None or file_format not in ("csv", "xlsx"):
            raise Http404
        rows = unsuppressed_rows(spec, table)
        audit_record(
            actor=self.actor,
            action="annual_report_exported",
            target=report,
            request=request,
            data={"table": key, "format": file_format},
        )
        if file_format == "xlsx":
            content = xlsx_bytes([(key[:31], rows)])
            mime = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        else:
            content, mime = csv_bytes(rows), "text/csv; charset=utf-8"
        response = HttpResponse(content, content_type=mime)
        response["Content-Disposition"] = (
            f'attachment; filename="trustone-annual-report-{report.year}-v{report.version}'
            f'-{key}-unsuppressed.{file_format}"'
        )
        return response


def _pdf(report: Any, language: str) -> FileResponse:
    field = getattr(report, f"pdf_{language}", None) if language in services.LANGUAGES else None
    if not field:
        raise Http404
    return FileResponse(
        field.open("rb"),
        as_attachment=False,
        filename=f"trustone-annual-report-{report.year}-{language}.pdf",
        content_type="application/pdf",
    )


class DraftPdfView(PortalView):
    access_policy = policies.SECRETARIAT

    def get(self, request: HttpRequest, pk: int, language: str) -> FileResponse:
        return _pdf(selectors.access_annual_report(self.actor, pk), language)


# --- Public ----------------------------------------------------------------------------


class PublicListView(PortalView):
    """Public: the published annual reports, newest year first."""

    access_policy = policies.PUBLIC

    def get(self, request: HttpRequest) -> HttpResponse:
        return render(
            request, "assessments/annual/public_list.html", {"reports": selectors.published_years()}
        )


class PublicReportView(PortalView):
    """Public: the newest published version of a year, its charts and tables, its PDFs
    and the earlier versions."""

    access_policy = policies.PUBLIC

    def get(self, request: HttpRequest, year: int) -> HttpResponse:
        versions = selectors.published_versions(year)
        return render(
            request,
            "assessments/annual/public_report.html",
            {**report_context(versions[0]), "versions": versions},
        )


class PublicPdfView(PortalView):
    access_policy = policies.PUBLIC

    def get(self, request: HttpRequest, year: int, version: int, language: str) -> FileResponse:
        report = next((r for r in selectors.published_versions(year) if r.version == version), None)
        if report is None or report.status != AnnualReportStatus.PUBLISHED:
            raise Http404
        return _pdf(report, language)
