"""The registry's pages, for the coordinator: search the sites, decide the proposals,
merge and split, record OS IDs, export for Open Supply Hub."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from trustone.access import policies
from trustone.access.views import PortalView
from trustone.audit.services import audit_record
from trustone.forms import add_validation_errors
from trustone.pagination import paginate

from . import osh, selectors, services
from .forms import MergeForm, OsIdForm, SiteSearchForm


class RegistryView(PortalView):
    access_policy = policies.SECRETARIAT_ADMIN

    def get(self, request: HttpRequest) -> HttpResponse:
        form = SiteSearchForm(request.GET or None)
        filters = form.cleaned_data if form.is_valid() else {}
        sites = selectors.sites_visible_to(
            self.actor,
            q=filters.get("q", ""),
            country=filters.get("country", ""),
            kind=filters.get("kind", ""),
        )
        return render(
            request,
            "supplychain/registry/sites.html",
            {
                "form": form,
                "searched": bool(request.GET.get("q") or request.GET.get("country")),
                "proposals": selectors.open_proposal_count(self.actor),
                **paginate(request, sites),
            },
        )


class ProposalsView(PortalView):
    access_policy = policies.SECRETARIAT_ADMIN

    def get(self, request: HttpRequest) -> HttpResponse:
        return render(
            request,
            "supplychain/registry/proposals.html",
            {"proposals": selectors.open_proposals(self.actor)},
        )


def _decided(request: HttpRequest, action: Any) -> HttpResponse:
    try:
        message = action()
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, message)
    return redirect("registry:proposals")


class ProposalConfirmView(PortalView):
    access_policy = policies.SECRETARIAT_ADMIN

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        candidate = selectors.access_candidate(self.actor, pk)

        def confirm() -> str:
            services.match_confirm(actor=self.actor, candidate=candidate)
            return _("%(facility)s is now linked to %(site)s.") % {
                "facility": candidate.facility.name,
                "site": candidate.site.public_id,
            }

        return _decided(request, confirm)


class ProposalRejectView(PortalView):
    access_policy = policies.SECRETARIAT_ADMIN

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        candidate = selectors.access_candidate(self.actor, pk)

        def reject() -> str:
            services.match_reject(actor=self.actor, candidate=candidate)
            return _("%(site)s will not be proposed for %(facility)s again.") % {
                "facility": candidate.facility.name,
                "site": candidate.site.public_id,
            }

        return _decided(request, reject)


class FacilityNewSiteView(PortalView):
    access_policy = policies.SECRETARIAT_ADMIN

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        facility = selectors.access_linked_facility(self.actor, pk)

        def new_site() -> str:
            site = services.facility_new_site(actor=self.actor, facility=facility)
            return _("%(facility)s is now a site of its own: %(site)s.") % {
                "facility": facility.name,
                "site": site.public_id,
            }

        return _decided(request, new_site)


class SiteView(PortalView):
    access_policy = policies.SECRETARIAT_ADMIN
    template_name = "supplychain/registry/site.html"

    def _render(self, request: HttpRequest, site: Any, **forms: Any) -> HttpResponse:
        return render(
            request,
            self.template_name,
            {
                "site": site,
                "history": selectors.site_history(site)[:100],
                "os_form": forms.get("os_form") or OsIdForm(initial={"os_id": site.os_id}),
                "merge_form": forms.get("merge_form") or MergeForm(),
            },
        )

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        return self._render(request, selectors.access_site(self.actor, pk))

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        site = selectors.access_site(self.actor, pk)
        form = OsIdForm(request.POST)
        if form.is_valid():
            try:
                services.site_update(actor=self.actor, site=site, os_id=form.cleaned_data["os_id"])
            except ValidationError as error:
                add_validation_errors(form, error)
            else:
                messages.success(request, _("The OS ID has been saved."))
                return redirect("registry:site", pk=site.pk)
        return self._render(request, site, os_form=form)


class SiteMergeView(SiteView):
    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        return redirect("registry:site", pk=pk)

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        site = selectors.access_site(self.actor, pk)
        form = MergeForm(request.POST)
        if form.is_valid():
            into = selectors.site_by_public_id(self.actor, form.cleaned_data["into"])
            if into is None:
                form.add_error("into", _("There is no site with this site id."))
            else:
                try:
                    services.sites_merge(actor=self.actor, site=site, into=into)
                except ValidationError as error:
                    add_validation_errors(form, error)
                else:
                    messages.success(
                        request,
                        _("%(site)s has been merged into %(into)s.")
                        % {"site": site.public_id, "into": into.public_id},
                    )
                    return redirect("registry:site", pk=into.pk)
        return self._render(request, site, merge_form=form)


class FacilitySplitView(PortalView):
    access_policy = policies.SECRETARIAT_ADMIN

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        facility = selectors.access_linked_facility(self.actor, pk)
        old = facility.site
        try:
            site = services.facility_split(actor=self.actor, facility=facility)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect("registry:sites")
        messages.success(
            request,
            _("%(facility)s has been split off into a site of its own: %(site)s.")
            % {"facility": facility.name, "site": site.public_id},
        )
        return redirect("registry:site", pk=old.pk if old else site.pk)


class RegistryMatchView(PortalView):
    """Match now: every facility not yet linked, as a job with its progress."""

    access_policy = policies.SECRETARIAT_ADMIN
    http_method_names = ["post"]

    def post(self, request: HttpRequest) -> HttpResponse:
        from trustone.jobs.services import job_start

        from ..tasks import rebuild_site_matching_job_task

        job = job_start(actor=self.actor, kind="site_matching", task=rebuild_site_matching_job_task)
        return redirect("jobs:detail", job.pk)


class RegistryExportView(PortalView):
    """The registry in Open Supply Hub's list format (CSV)."""

    access_policy = policies.SECRETARIAT_ADMIN

    def get(self, request: HttpRequest) -> HttpResponse:
        sites = selectors.sites_visible_to(self.actor).order_by("country", "name", "pk")
        audit_record(actor=self.actor, action="registry_exported", request=request)
        response = HttpResponse(osh.osh_csv(sites.iterator()), content_type="text/csv")
        response["Content-Disposition"] = 'attachment; filename="trustone-sites-osh.csv"'
        return response
