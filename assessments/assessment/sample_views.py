"""Sample checks: draws with their population and seed, and findings per report."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from trustone.access import policies
from trustone.access.views import PortalView
from trustone.forms import add_validation_errors
from trustone.pagination import paginate

from ..forms import FindingForm, SampleDrawForm
from ..report.selectors import periods_for_secretariat
from . import samples


class SamplesView(PortalView):
    """Earlier draws, and a new one."""

    access_policy = policies.SECRETARIAT_ADMIN

    def _page(self, request: HttpRequest, form: Any, status: int = 200) -> HttpResponse:
        return render(
            request,
            "assessments/samples.html",
            {**paginate(request, samples.draws_visible_to(self.actor)), "form": form},
            status=status,
        )

    def get(self, request: HttpRequest) -> HttpResponse:
        return self._page(request, SampleDrawForm(periods=periods_for_secretariat(self.actor)))

    def post(self, request: HttpRequest) -> HttpResponse:
        form = SampleDrawForm(request.POST, periods=periods_for_secretariat(self.actor))
        if form.is_valid():
            try:
                draw = samples.sample_draw(actor=self.actor, **form.cleaned_data)
            except ValidationError as error:
                add_validation_errors(form, error)
            else:
                messages.success(
                    request,
                    ngettext(
                        "%(count)s report drawn with seed %(seed)s.",
                        "%(count)s reports drawn with seed %(seed)s.",
                        len(draw.selected),
                    )
                    % {"count": len(draw.selected), "seed": draw.seed},
                )
                return redirect("assessments:sample", draw.pk)
        return self._page(request, form, status=400)


class SampleView(PortalView):
    """One draw: how to reproduce it, the drawn reports and their findings."""

    access_policy = policies.SECRETARIAT_ADMIN

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        draw = samples.access_draw(self.actor, pk)
        return render(
            request,
            "assessments/sample.html",
            {
                "draw": draw,
                "rows": samples.sampled_reports(draw),
                "is_reproduced": samples.is_reproduced(draw),
                "form": FindingForm(),
            },
        )


class FindingView(PortalView):
    access_policy = policies.SECRETARIAT_ADMIN
    http_method_names = ["post"]

    def post(self, request: HttpRequest, pk: int, report_pk: int) -> HttpResponse:
        draw = samples.access_draw(self.actor, pk)
        form = FindingForm(request.POST)
        if form.is_valid():
            samples.finding_record(
                actor=self.actor, draw=draw, report_id=report_pk, **form.cleaned_data
            )
            messages.success(request, _("The finding is recorded."))
        else:
            messages.error(request, _("Choose the outcome and describe the findings."))
        return redirect("assessments:sample", pk)
