"""Secretariat: membership data, terminations, levels, invoicing, party applications."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.dateparse import parse_date
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from members import applications, invoicing, lifecycle, selectors
from members.forms import (
    ApplicationDecisionForm,
    CovenantMembershipForm,
    InvoicingRunForm,
    LevelForm,
    TerminationForm,
)
from members.models import TerminationKind
from trustone.access import policies
from trustone.access.views import PortalView
from trustone.forms import add_validation_errors
from trustone.jobs.services import job_start
from trustone.pagination import paginate


class CovenantMembershipEditView(PortalView):
    """Register a member: type, size data, establishments, chains; shows size and regime."""

    access_policy = policies.SECRETARIAT_ADMIN
    template_name = "members/covenant_form.html"

    def _render(
        self, organisation: object, form: CovenantMembershipForm, status: int = 200
    ) -> HttpResponse:
        covenant = selectors.covenant_membership_of(self.actor, organisation)  # type: ignore[arg-type]
        return render(
            self.request,
            self.template_name,
            {
                "organisation": organisation,
                "form": form,
                "covenant": covenant,
                "size_class": selectors.size_class_of(covenant),
                "levels": selectors.levels_of(self.actor, organisation),  # type: ignore[arg-type]
                "level_form": LevelForm(
                    initial={"year": timezone.localdate().year, "decided_on": timezone.localdate()}
                ),
                "termination_form": TerminationForm(initial=self._termination_initial()),
                "declarations": selectors.declarations_of(self.actor, organisation),  # type: ignore[arg-type]
                "terminations": selectors.terminations_of(self.actor, organisation),  # type: ignore[arg-type]
            },
            status=status,
        )

    def _termination_initial(self) -> dict[str, object]:
        """Today, and what a link prefills (a referral from the complaints committee
        arrives with ?termination=expulsion&decided=<the steering group's date>)."""
        initial: dict[str, object] = {"notice_on": timezone.localdate()}
        kind = self.request.GET.get("termination", "")
        if kind in TerminationKind.values and kind != TerminationKind.NOTICE:
            initial["kind"] = kind
        decided = parse_date(self.request.GET.get("decided", "") or "")
        if decided is not None:
            initial["steering_group_decided_on"] = decided
            initial["notice_on"] = decided
        return initial

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        organisation = selectors.access_organisation(self.actor, pk)
        covenant = selectors.covenant_membership_of(self.actor, organisation)
        return self._render(organisation, CovenantMembershipForm(instance=covenant))

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        organisation = selectors.access_organisation(self.actor, pk)
        covenant = selectors.covenant_membership_of(self.actor, organisation)
        form = CovenantMembershipForm(request.POST, instance=covenant)
        if form.is_valid():
            fields = {name: form.cleaned_data[name] for name in form.Meta.fields}
            try:
                lifecycle.covenant_membership_save(
                    actor=self.actor, organisation=organisation, **fields
                )
            except ValidationError as error:
                add_validation_errors(form, error)
            else:
                messages.success(request, _("The membership data have been saved."))
                return redirect("members:covenant_edit", organisation.pk)
        return self._render(organisation, form, status=400)


class TerminationRecordView(CovenantMembershipEditView):
    http_method_names = ["post"]

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        organisation = selectors.access_organisation(self.actor, pk)
        form = TerminationForm(request.POST)
        if form.is_valid():
            try:
                termination = lifecycle.termination_record(
                    actor=self.actor, organisation=organisation, **form.cleaned_data
                )
            except ValidationError as error:
                add_validation_errors(form, error)
            else:
                messages.success(
                    request,
                    _("The termination has been recorded; the membership ends on %(date)s.")
                    % {"date": date_format(termination.ends_on, "DATE_FORMAT")},
                )
                return redirect("members:covenant_edit", organisation.pk)
        covenant = selectors.covenant_membership_of(self.actor, organisation)
        response = self._render(organisation, CovenantMembershipForm(instance=covenant), 400)
        messages.error(request, " ".join(f"{e}" for errors in form.errors.values() for e in errors))
        return response


class LevelRecordView(CovenantMembershipEditView):
    http_method_names = ["post"]

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        organisation = selectors.access_organisation(self.actor, pk)
        form = LevelForm(request.POST)
        if form.is_valid():
            try:
                lifecycle.level_record(
                    actor=self.actor, organisation=organisation, **form.cleaned_data
                )
            except ValidationError as error:
                add_validation_errors(form, error)
            else:
                messages.success(request, _("The level has been recorded."))
                return redirect("members:covenant_edit", organisation.pk)
        for errors in form.errors.values():
            for message in errors:
                messages.error(request, str(message))
        return redirect("members:covenant_edit", organisation.pk)


class InvoicesView(PortalView):
    """All invoices, per year; runs the annual invoicing job; exports for bookkeeping."""

    access_policy = policies.SECRETARIAT_ADMIN
    template_name = "members/invoices.html"

    def _render(self, form: InvoicingRunForm, status: int = 200) -> HttpResponse:
        year = self.request.GET.get("year", "")
        invoices = invoicing.invoices_visible_to(self.actor).order_by("-year", "number")
        if year.isdigit():
            invoices = invoices.filter(year=int(year))
        pages = paginate(self.request, invoices, 50)
        return render(
            self.request,
            self.template_name,
            {
                "form": form,
                "page": pages["page"],
                "year": year,
                "query": f"year={year}" if year else "",
                "years": invoicing.invoice_years(self.actor),
                "tariffs": invoicing.tariff_schedule(),
            },
            status=status,
        )

    def get(self, request: HttpRequest) -> HttpResponse:
        today = timezone.localdate()
        return self._render(InvoicingRunForm(initial={"year": today.year, "issued_on": today}))

    def post(self, request: HttpRequest) -> HttpResponse:
        from members.tasks import render_invoices_task

        form = InvoicingRunForm(request.POST)
        if not form.is_valid():
            return self._render(form, status=400)
        job = job_start(
            actor=self.actor,
            kind="annual_invoicing",
            task=render_invoices_task,
            params={
                "year": form.cleaned_data["year"],
                "issued_on": form.cleaned_data["issued_on"].isoformat(),
            },
        )
        return redirect("jobs:detail", job.pk)


class InvoicesExportView(PortalView):
    access_policy = policies.SECRETARIAT_ADMIN

    def get(self, request: HttpRequest) -> HttpResponse:
        year = request.GET.get("year", "")
        invoices = invoicing.invoices_visible_to(self.actor).order_by("year", "number")
        if year.isdigit():
            invoices = invoices.filter(year=int(year))
        response = HttpResponse(
            ("\ufeff" + invoicing.invoices_csv(invoices)).encode("utf-8"),
            content_type="text/csv; charset=utf-8",
        )
        name = f"trustone-invoices-{year or 'all'}.csv"
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        return response


class PartyApplicationListView(PortalView):
    access_policy = policies.SECRETARIAT

    def get(self, request: HttpRequest) -> HttpResponse:
        pages = paginate(request, applications.party_applications_visible_to(self.actor))
        return render(request, "members/party_applications.html", pages)


class PartyApplicationDetailView(PortalView):
    access_policy = policies.SECRETARIAT
    write_policy = policies.SECRETARIAT_ADMIN
    template_name = "members/party_application_detail.html"

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        application = applications.access_party_application(self.actor, pk)
        form = ApplicationDecisionForm(initial={"decided_on": timezone.localdate()})
        return render(request, self.template_name, {"application": application, "form": form})

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        application = applications.access_party_application(self.actor, pk)
        form = ApplicationDecisionForm(request.POST)
        try:
            if request.POST.get("action") == "inform":
                count = applications.party_application_inform_parties(
                    actor=self.actor, application=application
                )
                messages.success(
                    request,
                    ngettext(
                        "%(count)s party contact has been informed.",
                        "%(count)s party contacts have been informed.",
                        count,
                    )
                    % {"count": count},
                )
                return redirect("members:party_application_detail", pk)
            if form.is_valid():
                applications.party_application_decide(
                    actor=self.actor,
                    application=application,
                    approved=form.cleaned_data["approved"],
                    decided_on=form.cleaned_data["decided_on"],
                    note=form.cleaned_data["note"],
                )
                messages.success(
                    request, _("The decision has been recorded and the applicant informed.")
                )
                return redirect("members:party_application_detail", pk)
        except ValidationError as error:
            add_validation_errors(form, error)
        return render(
            request, self.template_name, {"application": application, "form": form}, status=400
        )
