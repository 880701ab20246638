"""The criteria catalogue (Bijlage 3): anyone browses and downloads the published
versions; the coordinator prepares, edits and publishes a new version."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from trustone.access import policies
from trustone.access.errors import NotFound
from trustone.access.views import PortalView
from trustone.forms import add_validation_errors
from trustone.languages import portal_language

from . import catalogue as selectors
from .catalogue_documents import (
    DOCX_CONTENT_TYPE,
    criterion_docx,
    criterion_pdf,
    document_filename,
)
from .forms import CataloguePublishForm, CriteriaFilterForm, CriterionForm
from .models import CriteriaCatalogue
from .services import catalogue as services


def _version_parameter(request: HttpRequest) -> int | None:
    """The `?version=` asked for: None when absent; not found when it is not a number."""
    raw = request.GET.get("version", "").strip()
    if not raw:
        return None
    if not raw.isdigit():
        raise NotFound
    return int(raw)


def _version_label(catalogue: CriteriaCatalogue, in_force: CriteriaCatalogue | None) -> str:
    label = _("Version %(version)s, valid from %(date)s") % {
        "version": catalogue.version,
        "date": date_format(catalogue.valid_from, "DATE_FORMAT"),
    }
    if in_force is not None and catalogue.pk == in_force.pk:
        return _("%(label)s (in force)") % {"label": label}
    if catalogue.valid_from > timezone.localdate():
        return _("%(label)s (upcoming)") % {"label": label}
    return label


class CriteriaView(PortalView):
    """Public: the example criteria for tenders with natural stone, per phase and ambition
    level, in the visitor's language; the version in force unless another is asked for."""

    access_policy = policies.PUBLIC

    def get(self, request: HttpRequest) -> HttpResponse:
        in_force = selectors.catalogue_in_force()
        version = _version_parameter(request)
        shown = in_force
        if version is not None and (in_force is None or version != in_force.version):
            shown = selectors.access_published_catalogue(version)
        versions = [
            (c.version, _version_label(c, in_force)) for c in selectors.published_catalogues()
        ]
        form = CriteriaFilterForm(request.GET or None, versions=versions)
        phase = ambition = ""
        status = 200
        if form.is_bound:
            if form.is_valid():
                phase, ambition = form.cleaned_data["phase"], form.cleaned_data["ambition"]
            else:
                status = 400
        sections = (
            selectors.catalogue_sections(shown, phase=phase, ambition=ambition) if shown else []
        )
        return render(
            request,
            "procurement/criteria.html",
            {
                "form": form,
                "catalogue": shown,
                "in_force": in_force,
                "sections": sections,
                "is_filtered": bool(phase or ambition),
                "version_query": f"?version={shown.version}" if shown else "",
                "language": portal_language(),
            },
            status=status,
        )


class _CriterionDocumentView(PortalView):
    access_policy = policies.PUBLIC

    def item(self, request: HttpRequest, code: str) -> selectors.ShownCriterion:
        criterion = selectors.access_published_criterion(code, _version_parameter(request))
        return selectors.shown(criterion)

    def attachment(self, content: bytes, content_type: str, filename: str) -> HttpResponse:
        response = HttpResponse(content, content_type=content_type)
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response


class CriterionDocxView(_CriterionDocumentView):
    """Public: one published criterion as a Word document, in the visitor's language."""

    def get(self, request: HttpRequest, code: str) -> HttpResponse:
        item = self.item(request, code)
        return self.attachment(
            criterion_docx(item), DOCX_CONTENT_TYPE, document_filename(item, "docx")
        )


class CriterionPdfView(_CriterionDocumentView):
    """Public: one published criterion as a PDF, in the visitor's language."""

    def get(self, request: HttpRequest, code: str) -> HttpResponse:
        item = self.item(request, code)
        return self.attachment(
            criterion_pdf(item), "application/pdf", document_filename(item, "pdf")
        )


class CatalogueVersionsView(PortalView):
    """The coordinator's list of versions, drafts included."""

    access_policy = policies.SECRETARIAT_ADMIN

    def get(self, request: HttpRequest) -> HttpResponse:
        return render(
            request,
            "procurement/criteria_versions.html",
            {
                "versions": selectors.catalogue_versions_visible_to(self.actor),
                "draft": selectors.current_draft(self.actor),
                "in_force": selectors.catalogue_in_force(),
            },
        )


class CatalogueDraftNewView(PortalView):
    """The coordinator starts a draft version from the newest version."""

    access_policy = policies.SECRETARIAT_ADMIN
    http_method_names = ["post"]

    def post(self, request: HttpRequest) -> HttpResponse:
        try:
            draft = services.catalogue_draft_create(actor=self.actor)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
            return redirect("procurement:criteria_versions")
        messages.success(
            request,
            _("Draft version %(version)s is ready: edit its criteria, then publish it.")
            % {"version": draft.version},
        )
        return redirect("procurement:criteria_draft", draft.version)


class _DraftPage(PortalView):
    access_policy = policies.SECRETARIAT_ADMIN
    template_name = "procurement/criteria_draft.html"

    def page(
        self, request: HttpRequest, draft: CriteriaCatalogue, form: Any, status: int = 200
    ) -> HttpResponse:
        return render(
            request,
            self.template_name,
            {
                "draft": draft,
                "criteria": [selectors.shown(c) for c in draft.criteria.all()],
                "form": form,
            },
            status=status,
        )


class CatalogueDraftView(_DraftPage):
    """A draft version: its criteria to edit, and the form to publish it."""

    def get(self, request: HttpRequest, version: int) -> HttpResponse:
        draft = selectors.access_draft(self.actor, version)
        return self.page(request, draft, CataloguePublishForm())


class CataloguePublishView(_DraftPage):
    """The coordinator publishes a draft with its valid-from date and a note."""

    http_method_names = ["post"]

    def post(self, request: HttpRequest, version: int) -> HttpResponse:
        draft = selectors.access_draft(self.actor, version)
        form = CataloguePublishForm(request.POST)
        if form.is_valid():
            try:
                services.catalogue_publish(actor=self.actor, catalogue=draft, **form.cleaned_data)
            except ValidationError as error:
                add_validation_errors(form, error)
            else:
                messages.success(
                    request, _("Version %(version)s is published.") % {"version": draft.version}
                )
                return redirect(f"{reverse('procurement:criteria')}?version={draft.version}")
        return self.page(request, draft, form, status=400)


class CriterionEditView(PortalView):
    """The coordinator edits a criterion of a draft version (Dutch and English)."""

    access_policy = policies.SECRETARIAT_ADMIN
    template_name = "procurement/criterion_form.html"

    def page(self, request: HttpRequest, criterion: Any, form: Any, status: int = 200) -> Any:
        return render(
            request,
            self.template_name,
            {"criterion": criterion, "draft": criterion.catalogue, "form": form},
            status=status,
        )

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        criterion = selectors.access_draft_criterion(self.actor, pk)
        initial = {name: getattr(criterion, name) for name in services.CRITERION_TEXT_FIELDS}
        return self.page(request, criterion, CriterionForm(initial=initial))

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        criterion = selectors.access_draft_criterion(self.actor, pk)
        form = CriterionForm(request.POST)
        if form.is_valid():
            try:
                services.criterion_update(
                    actor=self.actor, criterion=criterion, **form.cleaned_data
                )
            except ValidationError as error:
                add_validation_errors(form, error)
            else:
                messages.success(
                    request, _("Criterion %(code)s is saved.") % {"code": criterion.code}
                )
                return redirect("procurement:criteria_draft", criterion.catalogue.version)
        return self.page(request, criterion, form, status=400)
