"""HTML views of procurement: the public bidder check and its dated statement."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language

from trustone.access import policies
from trustone.access.views import PortalView
from trustone.pdf import render_pdf

from . import bidders
from .forms import BidderCheckForm


class BidderCheckView(PortalView):
    """A buyer checks whether a bidder is a listed member, since when, at which level."""

    access_policy = policies.PUBLIC

    def get(self, request: HttpRequest) -> HttpResponse:
        form = BidderCheckForm(request.GET or None)
        results = bidders.bidder_check(form.cleaned_data["q"]) if form.is_valid() else None
        return render(
            request,
            "procurement/bidder_check.html",
            {
                "form": form,
                "results": results,
                "today": timezone.localdate(),
                "limit": bidders.BIDDER_CHECK_LIMIT,
                "criteria_url": reverse("procurement:criteria"),
            },
        )


class BidderStatementView(PortalView):
    """A dated verification statement (PDF) of one company's listing."""

    access_policy = policies.PUBLIC

    def get(self, request: HttpRequest, slug: str) -> HttpResponse:
        result = bidders.bidder_by_slug(slug)
        if result is None:
            raise Http404
        pdf = render_pdf(
            "pdf/procurement/verification_statement.html",
            {"result": result, "checked_at": timezone.localtime()},
            language=get_language() or "nl",
        )
        response = HttpResponse(pdf, content_type="application/pdf")
        filename = f"trustone-verification-{slug}-{result.checked_on:%Y%m%d}.pdf"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response
