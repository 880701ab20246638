"""The steering group's dashboard and the page of one delay, where the group's chair
records the decision (DOMAIN §4.5)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from trustone.access import policies
from trustone.access.views import PortalView
from trustone.forms import add_validation_errors

from ..assessment import delays
from ..forms import SteeringDecisionForm
from . import charts, history, selectors

#: Who reads the dashboard: every user of the steering group, every secretariat user.
READERS = policies.AnyOf((policies.kinds("steering_group"), policies.SECRETARIAT))
#: Who records the steering group's decisions: its chair.
CHAIR = policies.kinds("steering_group", roles=["admin"])


class DashboardView(PortalView):
    """Delays and requests to decide, candidate project regions, overdue signals and
    complaints, membership movements and the initiative's progress over the years."""

    access_policy = READERS

    def get(self, request: HttpRequest) -> HttpResponse:
        actor = self.actor
        delayed = selectors.delays_for(actor)
        publication, regions = selectors.project_regions(actor)
        years = history.years_of(actor)
        return render(
            request,
            "assessments/steering/dashboard.html",
            {
                "delayed": [row for row in delayed if row.is_delayed],
                "requests": [row for row in delayed if selectors.is_awaiting_decision(row)],
                "publication": publication,
                "regions": regions,
                "overdue_signals": selectors.overdue_signals(actor),
                "overdue_items": selectors.overdue_registered(actor),
                "movement_chart": charts.movements_chart(years),
                "movements": history.recent_movements(actor),
                "applications": history.pending_applications(actor),
                "charts": [
                    charts.levels_chart(years),
                    charts.members_chart(years),
                    charts.score_chart(years),
                ],
                "has_years": bool(years),
                "outcome_days": settings.SIGNAL_OUTCOME_DAYS,
            },
        )


def _delay_page(request: HttpRequest, actor: Any, progress: Any, form: Any = None) -> HttpResponse:
    return render(
        request,
        "assessments/steering/delay.html",
        {
            "progress": progress,
            "case": progress.case,
            "may_decide": actor.is_steering_group_chair,
            "form": form or SteeringDecisionForm(initial={"decided_on": timezone.localdate()}),
        },
        status=400 if form is not None else 200,
    )


class DelayView(PortalView):
    """One delayed company: its level and path, its explanatory note and its request for
    special circumstances; the chair records the steering group's decision here."""

    access_policy = READERS
    write_policy = CHAIR

    def get(self, request: HttpRequest, organisation_pk: int) -> HttpResponse:
        return _delay_page(request, self.actor, selectors.access_delay(self.actor, organisation_pk))

    def post(self, request: HttpRequest, organisation_pk: int) -> HttpResponse:
        progress = selectors.access_delay(self.actor, organisation_pk)
        form = SteeringDecisionForm(request.POST)
        if form.is_valid():
            try:
                delays.steering_decision_record(
                    actor=self.actor, organisation=progress.organisation, **form.cleaned_data
                )
            except ValidationError as error:
                add_validation_errors(form, error)
            else:
                messages.success(request, _("The steering group's decision is recorded."))
                return redirect("steering:delay", organisation_pk)
        return _delay_page(request, self.actor, progress, form)
