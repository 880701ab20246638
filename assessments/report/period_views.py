"""Reporting periods (secretariat)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from trustone.access import policies
from trustone.access.views import PortalView
from trustone.forms import add_validation_errors

from ..forms import PeriodOpenForm
from . import selectors, services


class PeriodsView(PortalView):
    """The reporting periods with their progress, and opening the next one."""

    access_policy = policies.SECRETARIAT
    write_policy = policies.SECRETARIAT_ADMIN
    template_name = "assessments/periods.html"

    def _render(self, form: PeriodOpenForm, status: int = 200) -> HttpResponse:
        return render(
            self.request,
            self.template_name,
            {
                "form": form,
                "periods": selectors.periods_overview(self.actor),
                "members": selectors.reporting_members(timezone.localdate()).count(),
            },
            status=status,
        )

    def get(self, request: HttpRequest) -> HttpResponse:
        today = timezone.localdate()
        return self._render(PeriodOpenForm(initial={"year": today.year}, members=self._members()))

    def _members(self) -> object:
        return selectors.reporting_members(timezone.localdate())

    def post(self, request: HttpRequest) -> HttpResponse:
        form = PeriodOpenForm(request.POST, members=self._members())
        if form.is_valid():
            chosen = form.cleaned_data["organisations"]
            try:
                period = services.period_open(
                    actor=self.actor,
                    year=form.cleaned_data["year"],
                    deadline=form.cleaned_data["deadline"],
                    organisation_ids=[o.pk for o in chosen] if chosen else None,
                )
            except ValidationError as error:
                add_validation_errors(form, error)
            else:
                messages.success(
                    request,
                    _(
                        "The reporting period %(year)s is open; the members "
                        "have been told by e-mail."
                    )
                    % {"year": period.year},
                )
                return redirect("assessments:periods")
        return self._render(form, status=400)
