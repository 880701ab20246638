"""The pages of the tender signals (Art. 7.12)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from trustone.access import policies
from trustone.access.views import PortalView
from trustone.forms import add_validation_errors
from trustone.pagination import paginate

from . import tender_signals
from .forms import TenderSignalCloseForm, TenderSignalForm, TenderSignalNoteForm

#: Who may report a tender: anyone logged in for an organisation (a plain secretariat
#: member writes nothing, issue 9).
REPORTERS: policies.Policy = policies.AnyOf(
    (
        policies.kinds(
            "company",
            "government",
            "ngo",
            "union",
            "sector_organisation",
            "steering_group",
            "complaints_committee",
        ),
        policies.SECRETARIAT_ASSESSING,
    )
)


class TenderSignalListView(PortalView):
    """Every reported tender for the secretariat; one's own for anyone else logged in."""

    access_policy = policies.AUTHENTICATED

    def get(self, request: HttpRequest) -> HttpResponse:
        signals = tender_signals.tender_signals_visible_to(self.actor)
        return render(
            request,
            "procurement/tender_signals/list.html",
            paginate(request, signals, per_page=25),
        )


class TenderSignalCreateView(PortalView):
    access_policy = policies.AUTHENTICATED
    write_policy = REPORTERS
    template_name = "procurement/tender_signals/form.html"

    def _form(self, *args: object) -> TenderSignalForm:
        return TenderSignalForm(*args, governments=tender_signals.governments())

    def get(self, request: HttpRequest) -> HttpResponse:
        return render(request, self.template_name, {"form": self._form()})

    def post(self, request: HttpRequest) -> HttpResponse:
        form = self._form(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                signal = tender_signals.tender_signal_file(
                    actor=self.actor,
                    government_id=data["government"].pk if data["government"] else None,
                    government_name=data["government_name"],
                    tender_title=data["tender_title"],
                    url=data["url"],
                    description=data["description"],
                )
            except ValidationError as error:
                add_validation_errors(form, error)
            else:
                messages.success(
                    request, _("Thank you. The secretariat will talk to the government.")
                )
                return redirect("procurement:tender_signal", signal.pk)
        return render(request, self.template_name, {"form": form}, status=400)


class TenderSignalView(PortalView):
    access_policy = policies.AUTHENTICATED
    write_policy = policies.SECRETARIAT_ADMIN

    def get(
        self,
        request: HttpRequest,
        pk: int,
        note_form: TenderSignalNoteForm | None = None,
        close_form: TenderSignalCloseForm | None = None,
    ) -> HttpResponse:
        signal = tender_signals.access_tender_signal(self.actor, pk)
        coordinator = self.actor.is_secretariat_admin
        return render(
            request,
            "procurement/tender_signals/detail.html",
            {
                "signal": signal,
                "notes": signal.notes.select_related("author") if self.actor.is_secretariat else [],
                "note_form": (note_form or TenderSignalNoteForm()) if coordinator else None,
                "close_form": (close_form or TenderSignalCloseForm())
                if coordinator and signal.status == "open"
                else None,
            },
            status=400 if note_form or close_form else 200,
        )

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        signal = tender_signals.access_tender_signal(self.actor, pk)
        if request.POST.get("action") == "close":
            close_form = TenderSignalCloseForm(request.POST)
            try:
                if not close_form.is_valid():
                    raise ValidationError({"outcome": _("Give the outcome.")})
                tender_signals.tender_signal_close(
                    actor=self.actor, signal=signal, outcome=close_form.cleaned_data["outcome"]
                )
            except ValidationError as error:
                add_validation_errors(close_form, error)
                return self.get(request, pk, close_form=close_form)
            messages.success(request, _("The signal is closed."))
            return redirect("procurement:tender_signal", pk)
        note_form = TenderSignalNoteForm(request.POST)
        try:
            if not note_form.is_valid():
                raise ValidationError({"body": _("Write what was discussed.")})
            tender_signals.tender_signal_note(
                actor=self.actor, signal=signal, body=note_form.cleaned_data["body"]
            )
        except ValidationError as error:
            add_validation_errors(note_form, error)
            return self.get(request, pk, note_form=note_form)
        messages.success(request, _("The conversation is recorded."))
        return redirect("procurement:tender_signal", pk)
