"""A member's own membership: overview, declaration, notice, invoices."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from members import lifecycle, rules, selectors
from members.forms import DeclarationForm, NoticeForm
from members.invoicing import access_invoice, invoices_visible_to
from trustone.access import policies
from trustone.access.errors import NotFound
from trustone.access.views import PortalView
from trustone.audit.services import audit_record
from trustone.forms import add_validation_errors
from trustone.languages import portal_language


class MembershipOverviewView(PortalView):
    """Where the organisation stands: type, join date, declaration, notice, invoices."""

    access_policy = policies.MEMBER

    def get(self, request: HttpRequest) -> HttpResponse:
        actor = self.actor
        organisation = actor.organisation
        covenant = selectors.covenant_membership_of(actor, organisation)
        context = {
            "covenant": covenant,
            "declarations": selectors.declarations_of(actor, organisation),
            "terminations": selectors.terminations_of(actor, organisation),
            "invoices": invoices_visible_to(actor).filter(organisation=organisation),
            "size_class": selectors.size_class_of(covenant),
        }
        if covenant is not None and covenant.joined_on and covenant.ends_on is None:
            context["earliest_notice"] = rules.earliest_notice_date(signed_on=covenant.joined_on)
        return render(request, "members/membership.html", context)


class DeclarationSignView(PortalView):
    access_policy = policies.ORGANISATION_ADMIN
    template_name = "members/declaration_sign.html"

    def _context(self, form: DeclarationForm) -> dict[str, object]:
        covenant = selectors.covenant_membership_of(self.actor, self.actor.organisation)
        if covenant is None:
            raise NotFound
        language = portal_language()
        chapter = rules.declaration_chapter(covenant.member_type)
        return {
            "form": form,
            "covenant": covenant,
            "chapter": chapter,
            "text": lifecycle.declaration_text(chapter, language),
            "language": language,
            "signed": selectors.declarations_of(self.actor, self.actor.organisation).first(),
        }

    def get(self, request: HttpRequest) -> HttpResponse:
        user = self.actor.user
        form = DeclarationForm(
            initial={
                "signer_name": getattr(user, "full_name", ""),
                "signed_on": timezone.localdate(),
            }
        )
        return render(request, self.template_name, self._context(form))

    def post(self, request: HttpRequest) -> HttpResponse:
        form = DeclarationForm(request.POST)
        context = self._context(form)
        if form.is_valid():
            try:
                lifecycle.declaration_sign(
                    actor=self.actor,
                    organisation=self.organisation,
                    language=str(context["language"]),
                    **form.cleaned_data,
                )
            except ValidationError as error:
                add_validation_errors(form, error)
            else:
                messages.success(
                    request,
                    _("Thank you. Your declaration is signed; a copy has been e-mailed to you."),
                )
                return redirect("members:membership")
        return render(request, self.template_name, context, status=400)


class DeclarationDownloadView(PortalView):
    access_policy = policies.MEMBER

    def get(self, request: HttpRequest, pk: int) -> HttpResponseBase:
        declaration = selectors.access_declaration(self.actor, pk)
        return FileResponse(
            declaration.pdf.open("rb"),
            as_attachment=True,
            filename=f"trustone-declaration-{declaration.chapter}.pdf",
        )


class NoticeView(PortalView):
    """Giving notice: the end date (or why notice is not possible) before confirming."""

    access_policy = policies.ORGANISATION_ADMIN
    template_name = "members/notice.html"

    def _context(self, form: NoticeForm) -> dict[str, object]:
        organisation = self.organisation
        if selectors.covenant_membership_of(self.actor, organisation) is None:
            raise NotFound
        outcome = lifecycle.notice_preview(organisation=organisation, on=timezone.localdate())
        refusal = (
            None if outcome.accepted else lifecycle.notice_refusal_message(outcome, organisation)
        )
        return {"form": form, "outcome": outcome, "refusal": refusal, "today": timezone.localdate()}

    def get(self, request: HttpRequest) -> HttpResponse:
        return render(request, self.template_name, self._context(NoticeForm()))

    def post(self, request: HttpRequest) -> HttpResponse:
        form = NoticeForm(request.POST)
        if form.is_valid():
            try:
                termination = lifecycle.notice_give(
                    actor=self.actor,
                    organisation=self.organisation,
                    reason=form.cleaned_data["reason"],
                )
            except ValidationError as error:
                add_validation_errors(form, error)
            else:
                messages.success(
                    request,
                    _("Your notice has been recorded. Your membership ends on %(date)s.")
                    % {"date": date_format(termination.ends_on, "DATE_FORMAT")},
                )
                return redirect("members:membership")
        return render(request, self.template_name, self._context(form), status=400)


class InvoiceDownloadView(PortalView):
    access_policy = policies.MEMBER

    def get(self, request: HttpRequest, pk: int) -> HttpResponseBase:
        invoice = access_invoice(self.actor, pk)
        if not invoice.pdf:
            raise NotFound
        audit_record(actor=self.actor, action="invoice_viewed", target=invoice, request=request)
        return FileResponse(
            invoice.pdf.open("rb"), as_attachment=True, filename=f"{invoice.number}.pdf"
        )
