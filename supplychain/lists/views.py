"""The confidentiality statement: an NGO or union signs it in the portal; the
coordinator sees every statement and sets until when each is valid."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from trustone.access import policies
from trustone.access.views import PortalView
from trustone.forms import add_validation_errors
from trustone.languages import portal_language

from . import selectors, services
from .forms import ExpiryForm, StatementForm


class StatementView(PortalView):
    """The organisation's statement: in force until when, or how to sign it."""

    access_policy = policies.NGO_OR_UNION
    write_policy = policies.ORGANISATION_ADMIN
    template_name = "supplychain/lists/statement.html"

    def _render(self, request: HttpRequest, form: StatementForm, status: int = 200) -> HttpResponse:
        organisation = self.actor.organisation
        return render(
            request,
            self.template_name,
            {
                "form": form,
                "valid": selectors.valid_statement(organisation),
                "statements": selectors.statements_visible_to(self.actor)[:10],
                "text": services.statement_text(portal_language()),
            },
            status=status,
        )

    def get(self, request: HttpRequest) -> HttpResponse:
        user = self.actor.user
        return self._render(
            request, StatementForm(initial={"signer_name": getattr(user, "full_name", "")})
        )

    def post(self, request: HttpRequest) -> HttpResponse:
        form = StatementForm(request.POST)
        if form.is_valid():
            try:
                statement = services.statement_sign(
                    actor=self.actor, language=portal_language(), **form.cleaned_data
                )
            except ValidationError as error:
                add_validation_errors(form, error)
            else:
                messages.success(
                    request,
                    _("Thank you. The statement is signed; it is valid until %(date)s.")
                    % {"date": date_format(statement.expires_on, "DATE_FORMAT")},
                )
                return redirect("lists:statement")
        return self._render(request, form, status=400)


class StatementPdfView(PortalView):
    access_policy = policies.AnyOf((policies.NGO_OR_UNION, policies.SECRETARIAT_ADMIN))

    def get(self, request: HttpRequest, pk: int) -> HttpResponseBase:
        statement = selectors.access_statement(self.actor, pk)
        return FileResponse(
            statement.pdf.open("rb"),
            as_attachment=True,
            filename=f"trustone-confidentiality-{statement.signed_at:%Y%m%d}.pdf",
        )


class StatementsView(PortalView):
    """Every statement, with until when it is valid (the coordinator)."""

    access_policy = policies.SECRETARIAT_ADMIN

    def get(self, request: HttpRequest) -> HttpResponse:
        return render(
            request,
            "supplychain/lists/statements.html",
            {"statements": selectors.statements_visible_to(self.actor)},
        )


class StatementExpiryView(PortalView):
    access_policy = policies.SECRETARIAT_ADMIN
    http_method_names = ["post"]

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        statement = selectors.access_statement(self.actor, pk)
        form = ExpiryForm(request.POST)
        error: Any = None
        if form.is_valid():
            try:
                services.statement_expiry_set(
                    actor=self.actor,
                    statement=statement,
                    expires_on=form.cleaned_data["expires_on"],
                )
            except ValidationError as problem:
                error = " ".join(problem.messages)
        else:
            error = " ".join(str(e) for errors in form.errors.values() for e in errors)
        if error:
            messages.error(request, error)
        else:
            messages.success(
                request,
                _("The statement of %(organisation)s is valid until %(date)s.")
                % {
                    "organisation": statement.organisation.name,
                    "date": date_format(statement.expires_on, "DATE_FORMAT"),
                },
            )
        return redirect("lists:statements")
