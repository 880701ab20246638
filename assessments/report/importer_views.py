"""The associated member's report in the browser."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from trustone.access import policies
from trustone.access.views import PortalView
from trustone.forms import add_validation_errors

from ..forms import ImporterForm
from . import selectors, services


class ImportersView(PortalView):
    access_policy = policies.COMPANY | policies.SECRETARIAT_ASSESSING

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        report = selectors.access_report(self.actor, pk)
        return render(
            request,
            "assessments/importers.html",
            {
                "report": report,
                "importers": report.importers.select_related("member", "updated_by"),
                "editable": report.status in selectors.EDITABLE
                and self.actor.acts_for(report.organisation),
            },
        )


class ImporterEditView(PortalView):
    access_policy = policies.COMPANY
    template_name = "assessments/importer_form.html"

    def _objects(self, pk: int | None, importer_pk: int | None) -> tuple[Any, Any]:
        if importer_pk is not None:
            importer = selectors.access_importer(self.actor, importer_pk)
            return importer.report, importer
        return selectors.access_editable_report(self.actor, pk), None  # type: ignore[arg-type]

    def get(
        self, request: HttpRequest, pk: int | None = None, importer_pk: int | None = None
    ) -> HttpResponse:
        report, importer = self._objects(pk, importer_pk)
        form = ImporterForm(instance=importer, members=selectors.importer_members())
        return render(
            request, self.template_name, {"form": form, "report": report, "importer": importer}
        )

    def post(
        self, request: HttpRequest, pk: int | None = None, importer_pk: int | None = None
    ) -> HttpResponse:
        report, importer = self._objects(pk, importer_pk)
        form = ImporterForm(request.POST, instance=importer, members=selectors.importer_members())
        if form.is_valid():
            try:
                services.importer_save(
                    actor=self.actor,
                    report=report,
                    importer=importer,
                    **{name: form.cleaned_data[name] for name in form.Meta.fields},
                )
            except ValidationError as error:
                add_validation_errors(form, error)
            else:
                messages.success(request, _("The importer has been saved."))
                return redirect("assessments:importers", report.pk)
        return render(
            request,
            self.template_name,
            {"form": form, "report": report, "importer": importer},
            status=400,
        )


class ImporterDeleteView(PortalView):
    access_policy = policies.COMPANY
    http_method_names = ["post"]

    def post(self, request: HttpRequest, importer_pk: int) -> HttpResponse:
        importer = selectors.access_importer(self.actor, importer_pk)
        try:
            services.importer_delete(actor=self.actor, importer=importer)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The importer has been removed."))
        return redirect("assessments:importers", importer.report_id)
