"""Progress and delay: the secretariat's overview and follow-up, the company's page."""

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
from trustone.pagination import paginate

from ..forms import ExplanatoryNoteForm, SpecialCircumstancesForm
from . import delays

COMPANY_ADMIN = policies.kinds("company", roles=["admin"])


class ProgressView(PortalView):
    """Every member company's time on its level against the expected path."""

    access_policy = policies.SECRETARIAT

    def get(self, request: HttpRequest) -> HttpResponse:
        rows = delays.progress_of_members(self.actor)
        delayed_only = request.GET.get("delayed") == "1"
        if delayed_only:
            rows = [row for row in rows if row.is_delayed]
        return render(
            request,
            "assessments/progress.html",
            {
                **paginate(request, rows, per_page=50),
                "delayed_only": delayed_only,
                "delayed_count": sum(row.is_delayed for row in rows),
            },
        )


def _member_page(request: HttpRequest, progress: Any) -> HttpResponse:
    return render(
        request,
        "assessments/delay_member.html",
        {"progress": progress, "case": progress.case},
    )


class DelayedMemberView(PortalView):
    """One delayed company: its path, its note and argument, the follow-up."""

    access_policy = policies.SECRETARIAT

    def get(self, request: HttpRequest, organisation_pk: int) -> HttpResponse:
        return _member_page(request, delays.access_delayed_member(self.actor, organisation_pk))


class KnowledgeModulesView(PortalView):
    access_policy = policies.SECRETARIAT_ADMIN
    http_method_names = ["post"]

    def post(self, request: HttpRequest, organisation_pk: int) -> HttpResponse:
        progress = delays.access_delayed_member(self.actor, organisation_pk)
        try:
            delays.knowledge_modules_offer(actor=self.actor, organisation=progress.organisation)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request,
                _("The offer of knowledge modules to %(organisation)s is recorded.")
                % {"organisation": progress.organisation.name},
            )
        return redirect("assessments:delayed_member", organisation_pk)


def _own_page(request: HttpRequest, actor: Any, **forms: Any) -> HttpResponse:
    progress = delays.progress_of(actor.organisation) if actor.organisation else None
    return render(
        request,
        "assessments/my_progress.html",
        {
            "progress": progress,
            "case": progress.case if progress else None,
            "note_form": forms.get("note")
            or ExplanatoryNoteForm(
                initial={"note": progress.case.explanatory_note}
                if progress and progress.case
                else None
            ),
            "argument_form": forms.get("argument") or SpecialCircumstancesForm(),
            "may_write": actor.is_admin,
        },
        status=400 if forms else 200,
    )


class MyProgressView(PortalView):
    """The company's own path: level, since when, what is expected, whether it is late."""

    access_policy = policies.COMPANY

    def get(self, request: HttpRequest) -> HttpResponse:
        return _own_page(request, self.actor)


class ExplanatoryNoteView(PortalView):
    access_policy = COMPANY_ADMIN
    http_method_names = ["post"]

    def post(self, request: HttpRequest) -> HttpResponse:
        form = ExplanatoryNoteForm(request.POST)
        if form.is_valid():
            try:
                delays.explanatory_note_submit(actor=self.actor, note=form.cleaned_data["note"])
            except ValidationError as error:
                add_validation_errors(form, error)
            else:
                messages.success(request, _("Your explanatory note is on the member listing."))
                return redirect("assessments:my_progress")
        return _own_page(request, self.actor, note=form)


class SpecialCircumstancesView(PortalView):
    access_policy = COMPANY_ADMIN
    http_method_names = ["post"]

    def post(self, request: HttpRequest) -> HttpResponse:
        form = SpecialCircumstancesForm(request.POST)
        if form.is_valid():
            try:
                delays.special_circumstances_request(
                    actor=self.actor, argument=form.cleaned_data["argument"]
                )
            except ValidationError as error:
                add_validation_errors(form, error)
            else:
                messages.success(
                    request, _("Your request has been sent; the steering group decides.")
                )
                return redirect("assessments:my_progress")
        return _own_page(request, self.actor, argument=form)
