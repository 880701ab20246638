"""The signals' pages: an NGO or union files and follows its signals; the secretariat
triages, routes and closes them; a company answers the signals routed to it."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django_countries import countries

from trustone.access import policies
from trustone.access.views import PortalView
from trustone.attachments import attachment_content_type
from trustone.forms import add_validation_errors
from trustone.pagination import paginate

from ..models import SignalRoute, SignalStatus
from ..themes import Theme
from . import selectors, services, statistics
from .forms import CloseForm, CompanyVersionForm, MessageForm, SignalForm, SiteForm

SIGNAL_READERS = policies.AnyOf((policies.NGO_OR_UNION, policies.SECRETARIAT))
ROUTE_READERS = policies.AnyOf((policies.COMPANY, policies.NGO_OR_UNION, policies.SECRETARIAT))
ROUTE_WRITERS = policies.AnyOf(
    (policies.COMPANY, policies.NGO_OR_UNION, policies.SECRETARIAT_ADMIN)
)


def _theme_names(signal: Any) -> list[str]:
    names = dict(Theme.choices)
    return [str(names.get(theme, theme)) for theme in signal.themes]


def _company_labels(actor: Any, routes: list[SignalRoute]) -> dict[int, str]:
    """What a route is called: the company's name for the secretariat, and for an NGO or
    union whose published linked list already shows that company at that site; else
    "Company 1, 2 …" in the order the routes were made (random)."""
    known = selectors.known_links(actor)
    labels = {}
    for number, route in enumerate(routes, start=1):
        site = route.signal.site.public_id if route.signal.site else ""
        if known is None or (site, route.organisation.name) in known:
            labels[route.pk] = route.organisation.name
        else:
            labels[route.pk] = _("Company %(number)s") % {"number": number}
    return labels


class SignalListView(PortalView):
    """An NGO's or union's signals; every signal for the secretariat (triage first);
    the signals routed to a company."""

    access_policy = ROUTE_READERS

    def get(self, request: HttpRequest) -> HttpResponse:
        if self.actor.organisation_kind == "company":
            routes = selectors.routes_visible_to(self.actor).order_by("-routed_at")
            return render(
                request,
                "supplychain/signals/routes.html",
                {**paginate(request, routes, per_page=25), "overdue": selectors.route_is_overdue},
            )
        signals = selectors.signals_visible_to(self.actor).prefetch_related("routes")
        status = request.GET.get("status", "")
        if status in SignalStatus.values:
            signals = signals.filter(status=status)
        page = paginate(request, signals, per_page=25)
        page["rows"] = [
            (signal, selectors.signal_is_overdue(signal)) for signal in page["page"].object_list
        ]
        return render(
            request,
            "supplychain/signals/list.html",
            {**page, "status": status, "statuses": SignalStatus.choices},
        )


class SignalCreateView(PortalView):
    access_policy = policies.NGO_OR_UNION
    template_name = "supplychain/signals/form.html"

    def get(self, request: HttpRequest) -> HttpResponse:
        initial = {"site_id": request.GET.get("site", "")}
        return render(request, self.template_name, {"form": SignalForm(initial=initial)})

    def post(self, request: HttpRequest) -> HttpResponse:
        form = SignalForm(request.POST, request.FILES)
        if form.is_valid():
            data = form.cleaned_data
            try:
                signal = services.signal_file(
                    actor=self.actor,
                    site_id=data["site_id"],
                    country=data["country"],
                    region=data["region"],
                    themes=data["themes"],
                    description=data["description"],
                    since=data["since"],
                    affected=data["affected"],
                    sources=data["sources"],
                    urgency=data["urgency"],
                    attachments=data["attachments"],
                )
            except ValidationError as error:
                add_validation_errors(form, error)
            else:
                messages.success(
                    request,
                    _("Thank you. The secretariat has your signal and will route it."),
                )
                return redirect("signals:detail", signal.pk)
        return render(request, self.template_name, {"form": form}, status=400)


class SignalDetailView(PortalView):
    """A signal with where it went and the conversations; the coordinator acts here."""

    access_policy = SIGNAL_READERS

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        signal = selectors.access_signal(self.actor, pk)
        routes = list(selectors.routes_visible_to(self.actor).filter(signal=signal))
        labels = _company_labels(self.actor, routes)
        coordinator = self.actor.is_secretariat_admin
        return render(
            request,
            "supplychain/signals/detail.html",
            {
                "signal": signal,
                "theme_names": _theme_names(signal),
                "attachments": list(signal.attachments.all()),
                "overdue": selectors.signal_is_overdue(signal),
                "routes": [
                    (route, labels[route.pk], selectors.route_is_overdue(route)) for route in routes
                ],
                "candidates": selectors.routing_candidates(signal) if coordinator else [],
                "site_form": SiteForm() if coordinator else None,
                "company_form": CompanyVersionForm(signal=signal) if coordinator else None,
                "close_form": CloseForm() if coordinator else None,
            },
        )


class SignalRouteView(PortalView):
    access_policy = policies.SECRETARIAT_ADMIN
    http_method_names = ["post"]

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        signal = selectors.access_signal(self.actor, pk)
        try:
            routes = services.signal_route(actor=self.actor, signal=signal)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request,
                ngettext(
                    "The signal is routed to %(count)s company.",
                    "The signal is routed to %(count)s companies; each sees only its own link.",
                    len(routes),
                )
                % {"count": len(routes)},
            )
        return redirect("signals:detail", pk)


class SignalSiteView(PortalView):
    access_policy = policies.SECRETARIAT_ADMIN
    http_method_names = ["post"]

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        signal = selectors.access_signal(self.actor, pk)
        form = SiteForm(request.POST)
        try:
            if not form.is_valid():
                raise ValidationError(_("Give the site's id (TS-…)."))
            services.signal_site_set(
                actor=self.actor, signal=signal, site_id=form.cleaned_data["site_id"]
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The signal is linked to the site."))
        return redirect("signals:detail", pk)


class SignalCompanyVersionView(PortalView):
    """The coordinator sets what the companies read of the signal."""

    access_policy = policies.SECRETARIAT_ADMIN
    http_method_names = ["post"]

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        signal = selectors.access_signal(self.actor, pk)
        form = CompanyVersionForm(request.POST, signal=signal)
        try:
            if not form.is_valid():
                raise ValidationError(_("Give the text the companies read."))
            services.signal_company_version_set(
                actor=self.actor,
                signal=signal,
                description=form.cleaned_data["company_description"],
                shared_attachment_ids=form.cleaned_data.get("shared", []),
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The companies' version of the signal is saved."))
        return redirect("signals:detail", pk)


class SignalCloseView(PortalView):
    access_policy = policies.SECRETARIAT_ADMIN
    http_method_names = ["post"]

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        signal = selectors.access_signal(self.actor, pk)
        form = CloseForm(request.POST)
        try:
            if not form.is_valid():
                raise ValidationError(_("Choose the outcome."))
            services.signal_close(
                actor=self.actor,
                signal=signal,
                outcome=form.cleaned_data["outcome"],
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The outcome is recorded and the signal closed."))
        return redirect("signals:detail", pk)


class RouteView(PortalView):
    """One company's conversation about a signal. The company sees the signal and its own
    link to the site; never which other members got it."""

    access_policy = ROUTE_READERS

    def get(self, request: HttpRequest, pk: int, form: MessageForm | None = None) -> HttpResponse:
        route = selectors.access_route(self.actor, pk)
        siblings = list(selectors.routes_visible_to(self.actor).filter(signal=route.signal_id))
        may_write = not self.actor.is_secretariat or self.actor.is_secretariat_admin
        is_company = self.actor.organisation_id == route.organisation_id
        return render(
            request,
            "supplychain/signals/route.html",
            {
                "route": route,
                "signal": route.signal,
                "theme_names": _theme_names(route.signal),
                "label": _company_labels(self.actor, siblings).get(route.pk, ""),
                "is_company": is_company,
                "attachments": [
                    file
                    for file in route.signal.attachments.all()
                    if file.is_shared or not is_company
                ],
                "overdue": selectors.route_is_overdue(route),
                "conversation": selectors.messages_of(self.actor, route),
                "form": (form or MessageForm())
                if may_write and route.signal.status != SignalStatus.CLOSED
                else None,
            },
            status=400 if form is not None else 200,
        )


class RouteMessageView(RouteView):
    access_policy = ROUTE_WRITERS
    http_method_names = ["post"]

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        route = selectors.access_route(self.actor, pk)
        form = MessageForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                services.signal_message_post(
                    actor=self.actor,
                    route=route,
                    body=form.cleaned_data["body"],
                    attachment=form.cleaned_data["attachment"],
                )
            except ValidationError as error:
                add_validation_errors(form, error)
            else:
                messages.success(request, _("Your message is sent."))
                return redirect("signals:route", pk)
        return self.get(request, pk, form=form)


class AttachmentView(PortalView):
    access_policy = ROUTE_READERS

    def get(self, request: HttpRequest, pk: int) -> HttpResponseBase:
        attachment = selectors.access_attachment(self.actor, pk)
        return FileResponse(
            attachment.file.open("rb"),
            as_attachment=True,
            filename=attachment.original_name,
            content_type=attachment.content_type,
        )


class MessageAttachmentView(PortalView):
    access_policy = ROUTE_READERS

    def get(self, request: HttpRequest, pk: int) -> HttpResponseBase:
        message = selectors.access_message(self.actor, pk)
        if not message.attachment:
            raise selectors.NotFound
        return FileResponse(
            message.attachment.open("rb"),
            as_attachment=True,
            filename=message.attachment_name,
            content_type=attachment_content_type(message.attachment_name),
        )


class SignalStatisticsView(PortalView):
    """Signals that reached member companies, by theme, country and status, after
    disclosure control: what the annual report may show."""

    access_policy = policies.SECRETARIAT

    def get(self, request: HttpRequest) -> HttpResponse:
        names = {
            "theme": dict(Theme.choices),
            "status": dict(SignalStatus.choices),
        }
        tables = []
        for dimension, rows in statistics.signal_statistics().items():
            labelled = []
            for row in rows:
                value = row["value"]
                if not value:
                    label = _("Other (too few companies to show apart)")
                elif dimension == "country":
                    label = str(countries.name(value))
                else:
                    label = str(names[dimension].get(value, value))
                labelled.append({"label": label, "signals": row["signals"], "other": not value})
            tables.append((dimension, labelled))
        return render(request, "supplychain/signals/statistics.html", {"tables": tables})
