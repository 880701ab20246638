"""The complaints app's pages: the grievance mechanisms (public; the coordinator keeps
the list)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from trustone.access import policies
from trustone.access.views import PortalView
from trustone.forms import add_validation_errors
from trustone.languages import portal_language

from .. import selectors, services
from ..forms import MechanismForm


class MechanismListView(PortalView):
    """Public: where people harmed in the chain can turn, besides the covenant's own
    complaints and disputes committee (Art. 11.3, 11.6)."""

    access_policy = policies.PUBLIC

    def get(self, request: HttpRequest) -> HttpResponse:
        return render(
            request,
            "complaints/mechanisms.html",
            {
                "mechanisms": selectors.mechanisms_visible_to(self.actor),
                "english": portal_language() == "en",
            },
        )


class MechanismEditView(PortalView):
    """The coordinator adds or changes a mechanism."""

    access_policy = policies.SECRETARIAT_ADMIN
    template_name = "complaints/mechanism_form.html"

    def get(self, request: HttpRequest, pk: int | None = None) -> HttpResponse:
        mechanism = selectors.access_mechanism(self.actor, pk) if pk else None
        return render(request, self.template_name, {"form": MechanismForm(instance=mechanism)})

    def post(self, request: HttpRequest, pk: int | None = None) -> HttpResponse:
        mechanism = selectors.access_mechanism(self.actor, pk) if pk else None
        form = MechanismForm(request.POST, instance=mechanism)
        if form.is_valid():
            try:
                services.mechanism_save(
                    actor=self.actor, mechanism=mechanism, data=form.cleaned_data
                )
            except ValidationError as error:
                add_validation_errors(form, error)
            else:
                messages.success(request, _("The grievance mechanism is saved."))
                return redirect("complaints:mechanisms")
        return render(request, self.template_name, {"form": form}, status=400)
