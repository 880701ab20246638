"""The tenders' pages: a government registers its tenders and submits its annual tender
report; the secretariat sees every government's tenders and reports and returns a report
with comments; both see the targets dashboard."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from trustone.access import policies
from trustone.access.errors import NotFound
from trustone.access.views import PortalView
from trustone.forms import add_validation_errors
from trustone.languages import portal_language
from trustone.pagination import paginate

from .. import bidders, rules, statements
from ..catalogue import catalogue_in_force
from ..models import AmbitionLevel, TenderPhase, TenderReportStatus
from . import export, reports, selectors, services, targets
from .forms import ReportNoteForm, ReturnForm, StartReportForm, TenderForm

TENDER_READERS: policies.Policy = policies.AnyOf((policies.GOVERNMENT, policies.SECRETARIAT))
#: The links of the chain the risk analysis covers (Bijlage 3, contract phase).
LINK_LABELS = {
    "importer": gettext_lazy("the importer"),
    "transporter": gettext_lazy("the transporter"),
    "first_link": gettext_lazy(
        "the first link in the production country (exporter, factory or quarry)"
    ),
    "first_two_links": gettext_lazy(
        "the first two links in the production country (exporter, processing sites such as "
        "factories or cobble yards, or the quarry)"
    ),
    "exporter": gettext_lazy("the exporter"),
    "processing_sites": gettext_lazy("the processing sites (factories, cobble yards)"),
    "quarry": gettext_lazy("the quarry or mine"),
}


def _form(actor: Any, *args: Any, tender: Any = None, **kwargs: Any) -> TenderForm:
    catalogue = tender.catalogue if tender and tender.catalogue else catalogue_in_force()
    return TenderForm(
        *args,
        criteria=list(selectors.criteria_of(catalogue)),
        contractors=selectors.member_contractors(),
        english=portal_language() == "en",
        **kwargs,
    )


def _initial(tender: Any) -> dict[str, Any]:
    return {
        "title": tender.title,
        "reference": tender.reference,
        "tendered_on": tender.tendered_on,
        "value_band": tender.value_band,
        "isv_applied": "yes" if tender.isv_applied else "no",
        "isv_explanation": tender.isv_explanation,
        "phases": tender.phases,
        "ambition": tender.ambition,
        "criteria": list(tender.criteria.values_list("pk", flat=True)),
        "contractor": tender.contractor_id,
        "contractor_name": "" if tender.contractor_id else tender.contractor_name,
        "contract_closed_on": tender.contract_closed_on,
    }


class TenderListView(PortalView):
    """A government's tenders; every government's for the secretariat."""

    access_policy = TENDER_READERS

    def get(self, request: HttpRequest) -> HttpResponse:
        tenders = selectors.tenders_visible_to(self.actor)
        year = request.GET.get("year", "")
        if year.isdigit():
            tenders = tenders.filter(tendered_on__year=int(year))
        government = request.GET.get("government", "")
        if self.actor.is_secretariat and government.isdigit():
            tenders = tenders.filter(government_id=int(government))
        return render(
            request,
            "procurement/tenders/list.html",
            {
                **paginate(request, tenders, per_page=25),
                "year": year,
                "government": government,
                "governments": selectors.governments_visible_to(self.actor)
                if self.actor.is_secretariat
                else [],
                "is_government": selectors.is_government(self.actor),
            },
        )


class TenderCreateView(PortalView):
    access_policy = policies.GOVERNMENT
    template_name = "procurement/tenders/form.html"

    def get(self, request: HttpRequest) -> HttpResponse:
        return render(request, self.template_name, {"form": _form(self.actor)})

    def post(self, request: HttpRequest) -> HttpResponse:
        form = _form(self.actor, request.POST)
        if form.is_valid():
            try:
                tender = services.tender_save(
                    actor=self.actor,
                    data=form.cleaned_data,
                    criteria_ids=form.cleaned_data.get("criteria", []),
                )
            except ValidationError as error:
                add_validation_errors(form, error)
            else:
                messages.success(request, _("The tender is registered."))
                return redirect("procurement:tender", tender.pk)
        return render(request, self.template_name, {"form": form}, status=400)


class TenderEditView(PortalView):
    access_policy = policies.GOVERNMENT
    template_name = "procurement/tenders/form.html"

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        tender = selectors.access_own_tender(self.actor, pk)
        form = _form(self.actor, tender=tender, initial=_initial(tender))
        return render(request, self.template_name, {"form": form, "tender": tender})

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        tender = selectors.access_own_tender(self.actor, pk)
        form = _form(self.actor, request.POST, tender=tender)
        if form.is_valid():
            try:
                services.tender_save(
                    actor=self.actor,
                    tender=tender,
                    data=form.cleaned_data,
                    criteria_ids=form.cleaned_data.get("criteria", []),
                )
            except ValidationError as error:
                add_validation_errors(form, error)
            else:
                messages.success(request, _("The tender is saved."))
                return redirect("procurement:tender", tender.pk)
        return render(request, self.template_name, {"form": form, "tender": tender}, status=400)


class TenderDeleteView(PortalView):
    access_policy = policies.GOVERNMENT
    http_method_names = ["post"]

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        tender = selectors.access_own_tender(self.actor, pk)
        services.tender_delete(actor=self.actor, tender=tender)
        messages.success(request, _("The tender is removed."))
        return redirect("procurement:tenders")


class TenderView(PortalView):
    """A tender with its criteria, the stored bidder check and the contract deadlines."""

    access_policy = TENDER_READERS

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        tender = selectors.access_tender(self.actor, pk)
        deadlines = selectors.contract_deadlines(tender)
        return render(
            request,
            "procurement/tenders/detail.html",
            {
                "tender": tender,
                "criteria": tender.criteria.order_by("order", "id"),
                "deadlines": deadlines,
                "today": timezone.localdate(),
                "link_labels": [
                    LINK_LABELS[link] for link in rules.RISK_ANALYSIS_LINKS[tender.ambition]
                ],
                "phase_labels": [
                    label for value, label in TenderPhase.choices if value in tender.phases
                ],
                "is_owner": selectors.is_government(self.actor),
                "english": portal_language() == "en",
            },
        )


class TargetsView(PortalView):
    """The share of tenders at each ambition level per year, against the targets in
    force for the government's years of membership (Art. 7.10)."""

    access_policy = TENDER_READERS

    def get(self, request: HttpRequest) -> HttpResponse:
        tenders = selectors.tenders_visible_to(self.actor)
        governments = selectors.governments_visible_to(self.actor)
        return render(
            request,
            "procurement/tenders/targets.html",
            {
                "governments": targets.government_years(governments, tenders),
                "together": targets.all_governments_years(tenders)
                if self.actor.is_secretariat
                else [],
                "milestones": [(years, values) for years, values in reversed(rules.TARGETS)],
            },
        )


class ReportListView(PortalView):
    access_policy = TENDER_READERS

    def get(self, request: HttpRequest) -> HttpResponse:
        return render(
            request,
            "procurement/tenders/reports.html",
            {
                **paginate(request, selectors.reports_visible_to(self.actor), per_page=25),
                "start_form": StartReportForm(initial={"year": timezone.localdate().year - 1})
                if selectors.is_government(self.actor)
                else None,
            },
        )


class ReportStartView(PortalView):
    access_policy = policies.GOVERNMENT
    http_method_names = ["post"]

    def post(self, request: HttpRequest) -> HttpResponse:
        form = StartReportForm(request.POST)
        try:
            if not form.is_valid():
                raise ValidationError(_("Choose a year."))
            report = reports.report_start(actor=self.actor, year=form.cleaned_data["year"])
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect("procurement:tender_reports")
        return redirect("procurement:tender_report", report.pk)


class ReportView(PortalView):
    access_policy = TENDER_READERS
    #: The government saves and submits its draft; only the coordinator returns a
    #: submitted report (a plain secretariat member writes nothing, issue 9).
    write_policy = policies.AnyOf((policies.GOVERNMENT, policies.SECRETARIAT_ADMIN))

    def get(self, request: HttpRequest, pk: int, **forms: Any) -> HttpResponse:
        report = selectors.access_report(self.actor, pk)
        is_owner = selectors.is_government(self.actor)
        draft = report.status == TenderReportStatus.DRAFT
        levels = dict(AmbitionLevel.choices)
        return render(
            request,
            "procurement/tenders/report.html",
            {
                "report": report,
                "tenders": [
                    {**row, "ambition_label": levels.get(row["ambition"], row["ambition"])}
                    for row in reports.report_tenders(report)
                ],
                "is_owner": is_owner,
                "note_form": forms.get("note_form") or ReportNoteForm(initial={"note": report.note})
                if is_owner and draft
                else None,
                "may_submit": is_owner and draft and self.actor.is_admin,
                "return_form": forms.get("return_form") or ReturnForm()
                if self.actor.is_secretariat_admin and report.status == TenderReportStatus.SUBMITTED
                else None,
            },
            status=400 if forms else 200,
        )

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        report = selectors.access_report(self.actor, pk)
        action = request.POST.get("action", "")
        if action == "return":
            return self._return(request, report)
        if not selectors.is_government(self.actor):
            raise NotFound
        form = ReportNoteForm(request.POST)
        try:
            if not form.is_valid():
                raise ValidationError(_("Check the explanation."))
            reports.report_note_save(
                actor=self.actor, report=report, note=form.cleaned_data["note"]
            )
            if action == "submit":
                reports.report_submit(actor=self.actor, report=report)
                messages.success(request, _("The report is submitted to the secretariat."))
            else:
                messages.success(request, _("The draft is saved."))
        except ValidationError as error:
            add_validation_errors(form, error)
            return self.get(request, pk, note_form=form)
        return redirect("procurement:tender_report", pk)

    def _return(self, request: HttpRequest, report: Any) -> HttpResponse:
        if not self.actor.is_secretariat_admin:
            raise NotFound
        form = ReturnForm(request.POST)
        try:
            if not form.is_valid():
                raise ValidationError({"comments": _("Say what the government should change.")})
            reports.report_return(
                actor=self.actor, report=report, comments=form.cleaned_data["comments"]
            )
        except ValidationError as error:
            add_validation_errors(form, error)
            return self.get(request, report.pk, return_form=form)
        messages.success(request, _("The report is returned to the government."))
        return redirect("procurement:tender_report", report.pk)


class ReportPdfView(PortalView):
    access_policy = TENDER_READERS

    def get(self, request: HttpRequest, pk: int) -> HttpResponseBase:
        report = selectors.access_report(self.actor, pk)
        if not report.pdf:
            raise NotFound
        return FileResponse(
            report.pdf.open("rb"),
            as_attachment=True,
            filename=f"tender-report-{report.year}-v{report.version}.pdf",
            content_type="application/pdf",
        )


class ProcurementReportView(PortalView):
    """The secretariat exports the procurement report for the mid-term review (Art. 7.14)
    as XLSX or PDF."""

    access_policy = policies.SECRETARIAT

    def get(self, request: HttpRequest, fmt: str) -> HttpResponse:
        tenders = selectors.tenders_visible_to(self.actor)
        governments = selectors.governments_visible_to(self.actor)
        stamp = timezone.localdate().isoformat()
        if fmt == "xlsx":
            response = HttpResponse(
                export.report_xlsx(governments, tenders),
                content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            )
        elif fmt == "pdf":
            response = HttpResponse(
                export.report_pdf(governments, tenders, language=portal_language()),
                content_type="application/pdf",
            )
        else:
            raise NotFound
        response["Content-Disposition"] = (
            f'attachment; filename="trustone-procurement-report-{stamp}.{fmt}"'
        )
        return response


class TenderBidderCheckView(PortalView):
    """The bidder check, one click from the tender: a government checks the contractor;
    the chosen result is stored with the tender as a dated statement (with its PDF)."""

    access_policy = policies.GOVERNMENT

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        tender = selectors.access_own_tender(self.actor, pk)
        query = request.GET.get("q", tender.contractor_name)
        return render(
            request,
            "procurement/tenders/bidder_check.html",
            {
                "tender": tender,
                "query": query,
                "results": bidders.bidder_check(query) if query else None,
            },
        )

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        tender = selectors.access_own_tender(self.actor, pk)
        result = bidders.bidder_by_slug(request.POST.get("company", ""))
        if result is None:
            raise NotFound
        statement = statements.statement_issue(organisation_result=result, actor=self.actor)
        services.tender_statement_attach(actor=self.actor, tender=tender, statement=statement)
        messages.success(request, _("The bidder check is stored with the tender."))
        return redirect("procurement:tender", tender.pk)


class TenderStatementPdfView(PortalView):
    """The PDF of the statement stored with a tender."""

    access_policy = TENDER_READERS

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        tender = selectors.access_tender(self.actor, pk)
        if tender.statement is None:
            raise NotFound
        response = HttpResponse(
            statements.statement_pdf(tender.statement, language=portal_language()),
            content_type="application/pdf",
        )
        response["Content-Disposition"] = (
            f'attachment; filename="trustone-statement-{tender.statement.code}.pdf"'
        )
        return response
