"""HTML views of procurement: the public bidder check, its dated statement, and the
verification of a statement by its code."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from trustone.access import policies
from trustone.access.views import PortalView
from trustone.ratelimit import rate_limit_exceeded, rate_limit_reached

from . import bidders, statements
from .forms import BidderCheckForm, StatementVerifyForm
from .models import BidderStatement


class BidderCheckView(PortalView):
    """A buyer checks whether a bidder is a listed member, since when, at which level."""

    access_policy = policies.PUBLIC

    def get(self, request: HttpRequest) -> HttpResponse:
        form = BidderCheckForm(request.GET or None)
        results = bidders.bidder_check(form.cleaned_data["q"]) if form.is_valid() else None
        return render(request, "procurement/bidder_check.html", _check_context(form, results))


def _check_context(form: BidderCheckForm, results: Any) -> dict[str, Any]:
    return {
        "form": form,
        "results": results,
        "today": timezone.localdate(),
        "limit": bidders.BIDDER_CHECK_LIMIT,
        "criteria_url": reverse("procurement:criteria"),
    }


class BidderStatementView(PortalView):
    """A dated verification statement (PDF) of one company's listing. Each download is
    stored under a new verification code (statements.statement_issue); a client may
    have a limited number per hour, so that nobody fills the table."""

    access_policy = policies.PUBLIC

    def get(self, request: HttpRequest, slug: str) -> HttpResponse:
        result = bidders.bidder_by_slug(slug)
        if result is None:
            raise Http404
        if rate_limit_exceeded(
            request, action="bidder_statement", rate=settings.RATE_LIMITS["bidder_statement"]
        ):
            context = _check_context(BidderCheckForm(), None)
            context["limited"] = _(
                "Many statements were downloaded from here in a short time. Please try "
                "again in an hour."
            )
            return render(request, "procurement/bidder_check.html", context, status=429)
        statement = statements.statement_issue(organisation_result=result, actor=self.actor)
        pdf = statements.statement_pdf(statement, language=get_language() or "nl")
        response = HttpResponse(pdf, content_type="application/pdf")
        filename = f"trustone-verification-{slug}-{timezone.localtime(statement.issued_at):%Y%m%d}"
        response["Content-Disposition"] = f'attachment; filename="{filename}.pdf"'
        return response


VERIFY_TEMPLATE = "procurement/statement_verify.html"


def _verify_page(
    request: HttpRequest, form: StatementVerifyForm, *, status: int = 200
) -> HttpResponse:
    return render(request, VERIFY_TEMPLATE, {"form": form}, status=status)


def _find_statement(
    request: HttpRequest, text: str
) -> tuple[BidderStatement | None, HttpResponse | None]:
    """The statement of a typed or followed code, or the refusal to show. Only wrong codes
    are counted; once a client has used up its wrong tries, every try is refused (a right
    guess too), so that codes cannot be guessed."""
    rate = settings.RATE_LIMITS["statement_verify_failed"]
    form = StatementVerifyForm({"code": text})
    form.is_valid()
    if rate_limit_reached(request, action="statement_verify_failed", rate=rate):
        form.errors.clear()
        form.add_error(
            None,
            _(
                "Too many wrong codes were tried from here. Please try again in an hour, or "
                "ask the TruStone secretariat."
            ),
        )
        return None, _verify_page(request, form, status=429)
    statement = statements.statement_by_code(text)
    if statement is None:
        rate_limit_exceeded(request, action="statement_verify_failed", rate=rate)
        # The same answer for a code that is not a code and one the portal never issued.
        form.errors.clear()
        form.add_error(
            "code",
            _(
                "The TruStone portal issued no statement with this code. Check that you "
                "typed the code as it is printed on the statement."
            ),
        )
        return None, _verify_page(request, form, status=404)
    return statement, None


class StatementVerifyView(PortalView):
    """Anyone enters the verification code of a statement they received."""

    access_policy = policies.PUBLIC

    def get(self, request: HttpRequest) -> HttpResponse:
        if "code" not in request.GET:
            return _verify_page(request, StatementVerifyForm())
        form = StatementVerifyForm(request.GET)
        if not form.is_valid():  # nothing typed: not a wrong try
            return _verify_page(request, form, status=400)
        statement, refusal = _find_statement(request, form.cleaned_data["code"])
        if refusal is not None:
            return refusal
        assert statement is not None
        return redirect("procurement:statement", statements.statement_code_display(statement))


class StatementView(PortalView):
    """What the portal issued under a code (the address on the statement and in its QR
    code): the facts as issued then, and a note if the listing changed since."""

    access_policy = policies.PUBLIC

    def get(self, request: HttpRequest, code: str) -> HttpResponse:
        statement, refusal = _find_statement(request, code)
        if refusal is not None:
            return refusal
        assert statement is not None
        return render(
            request,
            "procurement/statement.html",
            {
                "statement": statement,
                "code": statements.statement_code_display(statement),
                "member_type": statements.statement_member_type_label(statement),
                "today": statements.statement_listing_today(statement),
                "form": StatementVerifyForm(),
            },
        )
