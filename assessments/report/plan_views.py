"""The plan of action in the browser."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from supplychain.selectors import facilities_of
from trustone.access import policies
from trustone.access.views import PortalView
from trustone.forms import add_validation_errors

from ..forms import ActionForm, RiskForm
from . import selectors, services


class PlanView(PortalView):
    access_policy = policies.COMPANY | policies.SECRETARIAT_ASSESSING

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        report = selectors.access_report(self.actor, pk)
        return render(
            request,
            "assessments/plan.html",
            {
                "report": report,
                "risks": selectors.risks_by_priority(report),
                "editable": report.status in selectors.EDITABLE
                and self.actor.acts_for(report.organisation),
            },
        )


class RiskEditView(PortalView):
    """Add a risk to a report (report pk) or change one (risk pk)."""

    access_policy = policies.COMPANY
    template_name = "assessments/risk_form.html"

    def _objects(self, pk: int | None, risk_pk: int | None) -> tuple[Any, Any]:
        if risk_pk is not None:
            risk = selectors.access_risk(self.actor, risk_pk)
            return risk.report, risk
        return selectors.access_editable_report(self.actor, pk), None  # type: ignore[arg-type]

    def _form(self, report: Any, risk: Any, data: Any = None) -> RiskForm:
        facilities = facilities_of(
            self.actor, report.organisation, including=risk.facility_id if risk else None
        )
        return RiskForm(data, instance=risk, facilities=facilities)

    def get(
        self, request: HttpRequest, pk: int | None = None, risk_pk: int | None = None
    ) -> HttpResponse:
        report, risk = self._objects(pk, risk_pk)
        return render(
            request,
            self.template_name,
            {"form": self._form(report, risk), "report": report, "risk": risk},
        )

    def post(
        self, request: HttpRequest, pk: int | None = None, risk_pk: int | None = None
    ) -> HttpResponse:
        report, risk = self._objects(pk, risk_pk)
        form = self._form(report, risk, request.POST)
        if form.is_valid():
            try:
                services.risk_save(
                    actor=self.actor,
                    report=report,
                    risk=risk,
                    **{name: form.cleaned_data[name] for name in form.Meta.fields},
                )
            except ValidationError as error:
                add_validation_errors(form, error)
            else:
                messages.success(request, _("The risk has been saved."))
                return redirect("assessments:plan", report.pk)
        return render(
            request, self.template_name, {"form": form, "report": report, "risk": risk}, status=400
        )


class RiskDeleteView(PortalView):
    access_policy = policies.COMPANY
    http_method_names = ["post"]

    def post(self, request: HttpRequest, risk_pk: int) -> HttpResponse:
        risk = selectors.access_risk(self.actor, risk_pk)
        try:
            services.risk_delete(actor=self.actor, risk=risk)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The risk and its actions have been removed."))
        return redirect("assessments:plan", risk.report_id)


class ActionEditView(PortalView):
    """Add an action to a risk (risk pk) or change one (action pk)."""

    access_policy = policies.COMPANY
    template_name = "assessments/action_form.html"

    def _objects(self, risk_pk: int | None, action_pk: int | None) -> tuple[Any, Any]:
        if action_pk is not None:
            action = selectors.access_action(self.actor, action_pk)
            return action.risk, action
        return selectors.access_risk(self.actor, risk_pk), None  # type: ignore[arg-type]

    def get(
        self, request: HttpRequest, risk_pk: int | None = None, action_pk: int | None = None
    ) -> HttpResponse:
        risk, action = self._objects(risk_pk, action_pk)
        return render(
            request,
            self.template_name,
            {"form": ActionForm(instance=action), "risk": risk, "action": action},
        )

    def post(
        self, request: HttpRequest, risk_pk: int | None = None, action_pk: int | None = None
    ) -> HttpResponse:
        risk, action = self._objects(risk_pk, action_pk)
        form = ActionForm(request.POST, instance=action)
        if form.is_valid():
            try:
                services.action_save(
                    actor=self.actor,
                    risk=risk,
                    action=action,
                    **{name: form.cleaned_data[name] for name in form.Meta.fields},
                )
            except ValidationError as error:
                add_validation_errors(form, error)
            else:
                messages.success(request, _("The action has been saved."))
                return redirect("assessments:plan", risk.report_id)
        return render(
            request, self.template_name, {"form": form, "risk": risk, "action": action}, status=400
        )


class ActionDeleteView(PortalView):
    access_policy = policies.COMPANY
    http_method_names = ["post"]

    def post(self, request: HttpRequest, action_pk: int) -> HttpResponse:
        action = selectors.access_action(self.actor, action_pk)
        try:
            services.action_delete(actor=self.actor, action=action)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The action has been removed."))
        return redirect("assessments:plan", action.risk.report_id)
