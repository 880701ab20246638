"""Requests to test a plan of action (Art. 7.15), for governments, companies and the
secretariat."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from trustone.access import policies
from trustone.access.errors import NotFound
from trustone.access.views import PortalView
from trustone.forms import add_validation_errors
from trustone.pagination import paginate

from . import plan_tests
from .forms import PlanTestAnswerForm, PlanTestRequestForm

ASKERS = policies.GOVERNMENT | policies.COMPANY
READERS = ASKERS | policies.SECRETARIAT_ADMIN


class PlanTestsView(PortalView):
    """The requests the actor may see."""

    access_policy = READERS

    def get(self, request: HttpRequest) -> HttpResponse:
        items = plan_tests.requests_visible_to(self.actor)
        if request.GET.get("open") == "1":
            items = items.filter(answered_at__isnull=True)
        can_ask = plan_tests.companies_to_ask_about(self.actor).exists()
        return render(
            request, "procurement/plan_tests.html", {**paginate(request, items), "can_ask": can_ask}
        )


class PlanTestNewView(PortalView):
    access_policy = ASKERS

    def _companies(self) -> Any:
        companies = plan_tests.companies_to_ask_about(self.actor)
        if not companies.exists():
            raise NotFound  # nothing this organisation could have tested
        return companies

    def _page(self, request: HttpRequest, form: Any, status: int = 200) -> HttpResponse:
        return render(request, "procurement/plan_test_new.html", {"form": form}, status=status)

    def _form(self, *args: Any) -> PlanTestRequestForm:
        return PlanTestRequestForm(
            *args,
            companies=self._companies(),
            may_ask_questions=self.actor.organisation_kind == "government",
            initial={"kind": self.request.GET.get("kind", "plan_test")},
        )

    def get(self, request: HttpRequest) -> HttpResponse:
        return self._page(request, self._form())

    def post(self, request: HttpRequest) -> HttpResponse:
        form = self._form(request.POST, request.FILES)
        if form.is_valid():
            try:
                item = plan_tests.plan_test_request(actor=self.actor, **form.cleaned_data)
            except ValidationError as error:
                add_validation_errors(form, error)
            else:
                messages.success(request, _("Your request has been sent to the secretariat."))
                return redirect("procurement:plan_test", item.pk)
        return self._page(request, form, status=400)


class PlanTestView(PortalView):
    access_policy = READERS

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        item = plan_tests.access_request(self.actor, pk)
        return render(
            request,
            "procurement/plan_test.html",
            {
                "item": item,
                "form": PlanTestAnswerForm(is_question=item.kind == "question")
                if self.actor.is_secretariat_admin
                else None,
            },
        )


class PlanTestAnswerView(PortalView):
    access_policy = policies.SECRETARIAT_ADMIN
    http_method_names = ["post"]

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        item = plan_tests.access_request(self.actor, pk)
        form = PlanTestAnswerForm(request.POST, is_question=item.kind == "question")
        if form.is_valid():
            try:
                plan_tests.plan_test_answer(
                    actor=self.actor,
                    request=item,
                    verdict=form.cleaned_data.get("verdict", ""),
                    answer=form.cleaned_data["answer"],
                )
            except ValidationError as error:
                add_validation_errors(form, error)
            else:
                messages.success(request, _("The answer has been sent."))
                return redirect("procurement:plan_test", pk)
        return render(
            request, "procurement/plan_test.html", {"item": item, "form": form}, status=400
        )


class PlanTestAttachmentView(PortalView):
    access_policy = READERS

    def get(self, request: HttpRequest, pk: int) -> HttpResponseBase:
        item = plan_tests.access_request(self.actor, pk)
        if not item.attachment:
            raise NotFound
        return FileResponse(
            item.attachment.open("rb"), as_attachment=True, filename=item.attachment_name
        )
