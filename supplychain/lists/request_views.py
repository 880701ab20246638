"""Requests for the aggregated list of one region (Art. 6.4): an NGO or union asks for
a local partner, with the partner's signed confidentiality clause; the coordinator
decides; once approved, the requester exports that region's part."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from trustone.access import policies
from trustone.access.views import PortalView
from trustone.attachments import attachment_content_type
from trustone.forms import add_validation_errors
from trustone.pagination import paginate

from ..models import RegionRequestStatus
from . import selectors, services, tables
from .forms import DecisionForm, RegionRequestForm
from .list_views import aggregated_file

REQUESTERS = policies.AnyOf((policies.NGO_OR_UNION, policies.SECRETARIAT))


def _region_choices() -> list[tuple[str, str]]:
    return [
        (f"{country}|{region}", f"{region} ({tables.country_name(country)})")
        for country, region in selectors.regions_offered()
    ]


class RegionRequestsView(PortalView):
    """The requests: an NGO's or union's own (its administrator asks for a new one
    here); every request for the secretariat."""

    access_policy = REQUESTERS
    write_policy = policies.ORGANISATION_ADMIN

    def _render(
        self, request: HttpRequest, form: RegionRequestForm | None, status: int = 200
    ) -> HttpResponse:
        return render(
            request,
            "supplychain/lists/requests.html",
            {
                "form": form,
                "may_ask": form is not None,
                **paginate(request, selectors.region_requests_visible_to(self.actor), per_page=25),
            },
            status=status,
        )

    def _form(self, data: object = None, files: object = None) -> RegionRequestForm | None:
        if self.actor.organisation_kind not in selectors.WATCHERS or not self.actor.is_admin:
            return None
        return RegionRequestForm(data, files, regions=_region_choices())

    def get(self, request: HttpRequest) -> HttpResponse:
        return self._render(request, self._form())

    def post(self, request: HttpRequest) -> HttpResponse:
        form = self._form(request.POST, request.FILES)
        if form is None:
            return self._render(request, None, status=404)
        if form.is_valid():
            country, _sep, region = form.cleaned_data["region"].partition("|")
            try:
                created = services.region_request_create(
                    actor=self.actor,
                    country=country,
                    region=region,
                    partner_name=form.cleaned_data["partner_name"],
                    partner_contact=form.cleaned_data["partner_contact"],
                    purpose=form.cleaned_data["purpose"],
                    clause=form.cleaned_data["clause"],
                )
            except ValidationError as error:
                add_validation_errors(form, error)
            else:
                messages.success(
                    request,
                    _("Your request is sent to the secretariat. You will hear by e-mail."),
                )
                return redirect("lists:request", created.pk)
        return self._render(request, form, status=400)


class RegionRequestView(PortalView):
    """One request: what was asked, the clause, the decision; the coordinator decides
    here; once approved, the region's part of the aggregated list is shown and exported."""

    access_policy = REQUESTERS

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        region_request = selectors.access_region_request(self.actor, pk)
        rows = (
            tables.readable(selectors.region_rows(self.actor, region_request))
            if region_request.status == RegionRequestStatus.APPROVED
            else []
        )
        return render(
            request,
            "supplychain/lists/request.html",
            {
                "region_request": region_request,
                "rows": rows,
                "form": DecisionForm() if self.actor.is_secretariat_admin else None,
                "may_withdraw": self.actor.is_admin
                and self.actor.organisation_id == region_request.organisation_id
                and region_request.status
                in (RegionRequestStatus.REQUESTED, RegionRequestStatus.APPROVED),
            },
        )


class RegionRequestDecideView(PortalView):
    access_policy = policies.SECRETARIAT_ADMIN
    http_method_names = ["post"]

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        region_request = selectors.access_region_request(self.actor, pk)
        form = DecisionForm(request.POST)
        if form.is_valid():
            try:
                services.region_request_decide(
                    actor=self.actor,
                    request=region_request,
                    approve=form.cleaned_data["decision"] == "approve",
                    note=form.cleaned_data["note"],
                )
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
            else:
                messages.success(request, _("The decision is recorded and the requester told."))
        else:
            messages.error(request, _("Choose to approve or refuse the request."))
        return redirect("lists:request", pk)


class RegionRequestWithdrawView(PortalView):
    access_policy = policies.NGO_OR_UNION
    write_policy = policies.ORGANISATION_ADMIN
    http_method_names = ["post"]

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        region_request = selectors.access_region_request(self.actor, pk)
        try:
            services.region_request_withdraw(actor=self.actor, request=region_request)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The request is withdrawn."))
        return redirect("lists:request", pk)


class RegionRequestClauseView(PortalView):
    """The partner's signed clause, for the requesting organisation and the secretariat."""

    access_policy = REQUESTERS

    def get(self, request: HttpRequest, pk: int) -> HttpResponseBase:
        region_request = selectors.access_region_request(self.actor, pk)
        return FileResponse(
            region_request.clause.open("rb"),
            as_attachment=True,
            filename=region_request.clause_name,
            content_type=attachment_content_type(region_request.clause_name),
        )


class RegionRequestExportView(PortalView):
    """The approved region's part of the aggregated list as CSV or XLSX, marked with who
    exported it and for which partner; logged."""

    access_policy = REQUESTERS

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        region_request = selectors.access_region_request(self.actor, pk)
        rows = tables.readable(selectors.region_rows(self.actor, region_request))
        purpose = _("For %(partner)s, under its signed confidentiality clause.") % {
            "partner": region_request.partner_name
        }
        return aggregated_file(request, self.actor, rows, "region_list_exported", purpose)
