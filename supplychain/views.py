"""The company's supplier list: facilities, chains, insight, upload and export."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from trustone.access import policies
from trustone.access.views import PortalView
from trustone.audit.services import audit_record
from trustone.forms import add_validation_errors
from trustone.languages import portal_language

from . import geography, selectors, services, upload
from .forms import ChainForm, FacilityForm, UploadForm
from .insight import edited_chain, insight_context, with_edited_chain


class SupplierListView(PortalView):
    access_policy = policies.COMPANY

    def get(self, request: HttpRequest) -> HttpResponse:
        organisation = self.actor.organisation
        chains = list(selectors.chains_of(self.actor, organisation))
        facilities = list(selectors.facilities_of(self.actor, organisation))
        used = {c.factory_id for c in chains} | {c.quarry_id for c in chains}
        return render(
            request,
            "supplychain/supplier_list.html",
            {
                **insight_context(chains),
                "chains": chains,
                "facilities": facilities,
                "used_facilities": used,
                "identified": {f.pk for f in facilities if selectors.is_identified(f)},
            },
        )


class FacilityEditView(PortalView):
    """Add (no pk) or change a facility of the actor's own company."""

    access_policy = policies.COMPANY
    template_name = "supplychain/facility_form.html"

    def _facility(self, pk: int | None) -> Any:
        return selectors.access_facility(self.actor, pk) if pk else None

    def get(self, request: HttpRequest, pk: int | None = None) -> HttpResponse:
        facility = self._facility(pk)
        initial = {"kind": request.GET.get("kind", "factory")}
        form = FacilityForm(instance=facility, initial=initial)
        return render(request, self.template_name, self._context(form, facility))

    def _context(self, form: FacilityForm, facility: Any) -> dict[str, Any]:
        return {"form": form, "facility": facility, "map_tiles": settings.MAP_TILE_URL}

    def post(self, request: HttpRequest, pk: int | None = None) -> HttpResponse:
        facility = self._facility(pk)
        form = FacilityForm(request.POST, instance=facility)
        if form.is_valid():
            try:
                saved = services.facility_save(
                    actor=self.actor,
                    organisation=self.actor.organisation,
                    facility=facility,
                    **{name: form.cleaned_data[name] for name in form.Meta.fields},
                )
            except ValidationError as error:
                add_validation_errors(form, error)
            else:
                messages.success(request, _("%(name)s has been saved.") % {"name": saved.name})
                warning = geography.coordinates_country_warning(
                    country=saved.country.code,  # type: ignore[attr-defined]
                    latitude=saved.latitude,
                    longitude=saved.longitude,
                )
                if warning:
                    messages.warning(request, warning)
                return redirect("supplychain:supplier_list")
        return render(request, self.template_name, self._context(form, facility), status=400)


class FacilityDeleteView(PortalView):
    access_policy = policies.COMPANY
    http_method_names = ["post"]

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        facility = selectors.access_facility(self.actor, pk)
        try:
            services.facility_delete(actor=self.actor, facility=facility)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(request, _("%(name)s has been removed.") % {"name": facility.name})
        return redirect("supplychain:supplier_list")


class ChainEditView(PortalView):
    access_policy = policies.COMPANY
    template_name = "supplychain/chain_form.html"

    def _form(self, chain: Any, data: Any = None) -> ChainForm:
        facilities = selectors.facilities_of(self.actor, self.actor.organisation)
        return ChainForm(
            data, instance=chain, organisation=self.actor.organisation, facilities=facilities
        )

    def _context(self, form: ChainForm, chain: Any) -> dict[str, Any]:
        chains = list(selectors.chains_of(self.actor, self.actor.organisation))
        if chain is None:
            preview_url = reverse("supplychain:chain_create_insight")
        else:
            preview_url = reverse("supplychain:chain_insight", args=[chain.pk])
        shown = chains
        if form.is_bound:
            cleaned = form.cleaned_data if hasattr(form, "cleaned_data") else {}
            edited = edited_chain(self.actor.organisation, chain, cleaned)
            shown = with_edited_chain(chains, edited)
        return {
            **insight_context(shown, before=selectors.insight_of(chains)),
            "form": form,
            "chain": chain,
            "preview_url": preview_url,
        }

    def get(self, request: HttpRequest, pk: int | None = None) -> HttpResponse:
        chain = selectors.access_chain(self.actor, pk) if pk else None
        return render(request, self.template_name, self._context(self._form(chain), chain))

    def post(self, request: HttpRequest, pk: int | None = None) -> HttpResponse:
        chain = selectors.access_chain(self.actor, pk) if pk else None
        form = self._form(chain, request.POST)
        if form.is_valid():
            try:
                services.chain_save(
                    actor=self.actor,
                    organisation=self.actor.organisation,
                    chain=chain,
                    **{name: form.cleaned_data[name] for name in form.Meta.fields},
                )
            except ValidationError as error:
                add_validation_errors(form, error)
            else:
                messages.success(request, _("The chain has been saved."))
                return redirect("supplychain:supplier_list")
        return render(request, self.template_name, self._context(form, chain), status=400)


class ChainInsightView(ChainEditView):
    """The insight panel recomputed with the chain as typed so far (htmx; saves nothing)."""

    http_method_names = ["post"]

    def post(self, request: HttpRequest, pk: int | None = None) -> HttpResponse:
        chain = selectors.access_chain(self.actor, pk) if pk else None
        form = self._form(chain, request.POST)
        form.is_valid()
        return render(request, "supplychain/_insight.html", self._context(form, chain))


class ChainDeleteView(PortalView):
    access_policy = policies.COMPANY
    http_method_names = ["post"]

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        chain = selectors.access_chain(self.actor, pk)
        services.chain_delete(actor=self.actor, chain=chain)
        messages.success(request, _("The chain has been removed."))
        return redirect("supplychain:supplier_list")


class UploadView(PortalView):
    """Upload → every problem with its row, column and reason, or a summary to confirm."""

    access_policy = policies.COMPANY
    template_name = "supplychain/upload.html"

    def get(self, request: HttpRequest) -> HttpResponse:
        return render(request, self.template_name, {"form": UploadForm()})

    def post(self, request: HttpRequest) -> HttpResponse:
        form = UploadForm(request.POST, request.FILES)
        if not form.is_valid():
            return render(request, self.template_name, {"form": form}, status=400)
        file = form.cleaned_data["file"]
        content = file.read(upload.MAX_BYTES + 1)
        try:
            validation = upload.validate_rows(upload.read_rows(file.name, content))
        except upload.UnreadableFile as error:
            form.add_error("file", str(error))
            return render(request, self.template_name, {"form": form}, status=400)
        if not validation.is_valid:
            return render(
                request,
                self.template_name,
                {
                    "form": UploadForm(),
                    "problems": validation.problems,
                    "filename": file.name,
                    "valid_rows": len(validation.chains),
                },
                status=400,
            )
        stored = services.supplier_list_upload_store(
            actor=self.actor,
            organisation=self.actor.organisation,
            filename=file.name,
            content=content,
        )
        factories = {c.factory.key() for c in validation.chains if c.factory}
        quarries = {c.quarry.key() for c in validation.chains if c.quarry}
        return render(
            request,
            "supplychain/upload_confirm.html",
            {
                "upload": stored,
                "chains": len(validation.chains),
                "factories": len(factories),
                "quarries": len(quarries),
                "existing": selectors.chains_of(self.actor, self.actor.organisation).count(),
                "warnings": geography.facility_rows_warnings(
                    facility for c in validation.chains for facility in (c.factory, c.quarry)
                ),
            },
        )


class UploadConfirmView(PortalView):
    access_policy = policies.COMPANY
    http_method_names = ["post"]

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        stored = selectors.access_upload(self.actor, pk)
        try:
            count = services.supplier_list_upload_confirm(actor=self.actor, upload=stored)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
            return redirect("supplychain:upload")
        messages.success(
            request,
            ngettext(
                "%(count)s chain has been imported.", "%(count)s chains have been imported.", count
            )
            % {"count": count},
        )
        return redirect("supplychain:supplier_list")


class TemplateDownloadView(PortalView):
    access_policy = policies.COMPANY

    def get(self, request: HttpRequest) -> HttpResponse:
        return _file_response(request, "trustone-leverancierslijst-sjabloon", [])


class ExportView(PortalView):
    access_policy = policies.COMPANY

    def get(self, request: HttpRequest) -> HttpResponse:
        chains = selectors.chains_of(self.actor, self.actor.organisation)
        audit_record(actor=self.actor, action="supplier_list_exported", request=request)
        return _file_response(
            request, "trustone-leverancierslijst", [upload.chain_cells(chain) for chain in chains]
        )


def _file_response(request: HttpRequest, name: str, rows: list[list[str]]) -> HttpResponse:
    language = portal_language()
    if request.GET.get("format") == "csv":
        content, mime, extension = upload.write_csv(rows, language), "text/csv", "csv"
    else:
        content = upload.write_xlsx(rows, language)
        mime = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        extension = "xlsx"
    response = HttpResponse(content, content_type=mime)
    response["Content-Disposition"] = f'attachment; filename="{name}.{extension}"'
    return response


class OrganisationSupplierListView(PortalView):
    """The secretariat reads a company's supplier list (never changes it)."""

    access_policy = policies.SECRETARIAT_ADMIN

    def get(self, request: HttpRequest, organisation_pk: int) -> HttpResponse:
        from members.selectors import access_organisation

        organisation = access_organisation(self.actor, organisation_pk)
        chains = list(selectors.chains_of(self.actor, organisation))
        facilities = list(selectors.facilities_of(self.actor, organisation))
        return render(
            request,
            "supplychain/supplier_list_read.html",
            {
                **insight_context(chains),
                "organisation": organisation,
                "chains": chains,
                "facilities": facilities,
                "identified": {f.pk for f in facilities if selectors.is_identified(f)},
            },
        )
