"""The confidentiality statement: an NGO or union signs it in the portal; the
coordinator sees every statement and sets until when each is valid."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from trustone.access import policies
from trustone.access.errors import NotFound
from trustone.access.views import PortalView
from trustone.audit.services import audit_record
from trustone.forms import add_validation_errors
from trustone.languages import portal_language
from trustone.pagination import paginate
from trustone.pdf import render_pdf

from ..models import ListKind
from . import linked, selectors, services
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
                "ended": selectors.ended_by_secretariat(organisation),
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


def _linked_rows(
    actor: Any, request: HttpRequest, pk: int | None = None
) -> tuple[Any, list[Any], dict[str, str], list[Any]]:
    """(the publication — the current one or the version `pk` —, all its rows, the
    filters asked for, the rows that match them with their country's name); not found
    for a user who may not see the list."""
    publication = selectors.linked_list_for(actor)
    if pk is not None and (publication is None or publication.pk != pk):
        publication = selectors.access_publication(actor, ListKind.LINKED, pk)
    rows = publication.rows if publication else []
    filters = {name: request.GET.get(name, "") for name in linked.FILTERS}
    names = dict(linked.choices(rows)["countries"])
    shown = [
        {**row, "country_name": names.get(row["country"], row["country"])}
        for row in linked.filtered(rows, filters)
    ]
    return publication, rows, filters, shown


class LinkedListView(PortalView):
    """The linked list, for an NGO's or union's users while its statement is in force:
    a table and a map, filtered; every view is logged. Without a statement in force, a
    page explains how to get one."""

    access_policy = policies.NGO_OR_UNION

    def get(self, request: HttpRequest, pk: int | None = None) -> HttpResponse:
        if not selectors.may_see_linked_list(self.actor):
            if pk is not None:
                raise NotFound
            return render(request, "supplychain/lists/linked_closed.html")
        publication, rows, filters, shown = _linked_rows(self.actor, request, pk)
        audit_record(
            actor=self.actor,
            action="linked_list_viewed",
            request=request,
            data={
                **{k: v for k, v in filters.items() if v},
                **({"version": pk} if pk is not None else {}),
            },
        )
        return render(
            request,
            "supplychain/lists/linked.html",
            {
                "publication": publication,
                "is_current": pk is None
                or publication.pk == getattr(selectors.linked_list_for(self.actor), "pk", None),
                "filters": filters,
                "choices": linked.choices(rows),
                "kinds": [("factory", _("Factory")), ("quarry", _("Quarry"))],
                "shown": len(shown),
                "points": linked.points(shown),
                "map_tiles": settings.MAP_TILE_URL,
                **paginate(request, shown, per_page=50),
            },
        )


class LinkedListExportView(PortalView):
    """The filtered linked list as CSV or XLSX, watermarked with the viewer and the date;
    every export is logged."""

    access_policy = policies.NGO_OR_UNION

    def get(self, request: HttpRequest) -> HttpResponse:
        _publication, _all, filters, rows = _linked_rows(self.actor, request)
        user = self.actor.user
        mark = linked.watermark(
            getattr(user, "full_name", "") or getattr(user, "email", ""),
            getattr(self.actor.organisation, "name", ""),
        )
        file_format = request.GET.get("format", "csv")
        file_format = file_format if file_format in {"csv", "xlsx", "pdf"} else "csv"
        audit_record(
            actor=self.actor,
            action="linked_list_exported",
            request=request,
            data={
                "format": file_format,
                "rows": len(rows),
                **{k: v for k, v in filters.items() if v},
            },
        )
        if file_format == "xlsx":
            content = linked.linked_xlsx(rows, mark)
            mime = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        elif file_format == "pdf":
            content = render_pdf(
                "pdf/supplychain/linked_list.html",
                {"rows": rows, "mark": mark},
                language=portal_language(),
            )
            mime = "application/pdf"
        else:
            content, mime = linked.linked_csv(rows, mark), "text/csv"
        response = HttpResponse(content, content_type=mime)
        stamp = timezone.localdate().isoformat()
        response["Content-Disposition"] = (
            f'attachment; filename="trustone-linked-list-{stamp}.{file_format}"'
        )
        return response
