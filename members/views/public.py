"""Public pages: the member listing, a member's page, applying to
become a party. Only what members.public selects is shown."""

from __future__ import annotations

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from members import public
from members.applications import party_application_submit
from members.forms import ListingFilterForm, PartyApplicationForm
from trustone.access import policies
from trustone.access.views import PortalView
from trustone.pagination import paginate
from trustone.ratelimit import rate_limit_exceeded

PAGE_SIZE = 25


class MemberListingView(PortalView):
    access_policy = policies.PUBLIC
    list_name = "companies"
    template_name = "members/listing.html"

    def get(self, request: HttpRequest) -> HttpResponse:
        if request.user.is_authenticated:
            return self.render_listing(request)
        key = public.listing_cache_key(
            page=self.list_name,
            language=get_language() or "nl",
            query=request.GET.urlencode(),
            on=timezone.localdate(),
        )
        content = public.cached_listing(key)
        if content is None:
            version = public.listing_version()
            response = self.render_listing(request)
            if response.status_code == 200:
                public.cache_listing(key, response.content, version=version)
            return response
        return HttpResponse(content)

    def render_listing(self, request: HttpRequest) -> HttpResponse:
        form = ListingFilterForm(request.GET or None)
        filters = form.cleaned_data if form.is_valid() else {}
        organisations = public.member_listing(
            list_name=self.list_name,
            search=filters.get("q", ""),
            member_type=filters.get("member_type", ""),
            level=filters.get("level", ""),
            country=filters.get("country", ""),
        )
        context = {"form": form, "list_name": self.list_name, "filtered": any(filters.values())}
        context.update(paginate(request, organisations, PAGE_SIZE))
        return render(request, self.template_name, context)


class SupportingListingView(MemberListingView):
    list_name = "supporting"


class GovernmentListingView(MemberListingView):
    list_name = "governments"


class EndedListingView(PortalView):
    """Terminations, made public by the steering group."""

    access_policy = policies.PUBLIC

    def get(self, request: HttpRequest) -> HttpResponse:
        context = {"list_name": "ended", "today": timezone.localdate()}
        context.update(paginate(request, public.published_terminations(), PAGE_SIZE))
        return render(request, "members/listing_ended.html", context)


class MemberDetailView(PortalView):
    access_policy = policies.PUBLIC

    def get(self, request: HttpRequest, slug: str) -> HttpResponse:
        organisation = public.public_member(slug)
        if organisation is None:
            raise Http404
        return render(
            request,
            "members/member_detail.html",
            {"organisation": organisation, "history": public.level_history(organisation)},
        )


class PartyApplicationView(PortalView):
    """Any organisation may apply to become a party (Art. 14); no account needed."""

    access_policy = policies.PUBLIC
    template_name = "members/party_application.html"

    def get(self, request: HttpRequest) -> HttpResponse:
        if request.GET.get("sent"):
            return render(request, self.template_name, {"sent": True})
        return render(request, self.template_name, {"form": PartyApplicationForm()})

    def post(self, request: HttpRequest) -> HttpResponse:
        form = PartyApplicationForm(request.POST)
        if not form.is_valid():
            return render(request, self.template_name, {"form": form}, status=400)
        # Anyone can post this form and it sends e-mail: a few per client and per
        # address typed, counted in Redis.
        limits = settings.RATE_LIMITS
        over_limit = rate_limit_exceeded(
            request, action="party_application", rate=limits["party_application"]
        )
        over_limit |= rate_limit_exceeded(
            request,
            action="party_application_email",
            rate=limits["party_application_email"],
            key=form.cleaned_data["contact_email"],
        )
        if over_limit:
            # Said at the top of the page, where it is seen; the form keeps what was typed.
            limited = _(
                "We have received several applications from you in a short time. "
                "Wait a while before you send another one, or write to the secretariat."
            )
            context = {"form": form, "limited": limited}
            return render(request, self.template_name, context, status=429)
        party_application_submit(**form.cleaned_data)
        return redirect(f"{request.path}?sent=1")
