"""The public page of a member company's published plan of action."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from trustone.access import policies
from trustone.access.views import PortalView

from . import selectors


class MemberPlanView(PortalView):
    """Anyone: the plan, its suppliers replaced; not found for an unlisted member."""

    access_policy = policies.PUBLIC

    def get(self, request: HttpRequest, slug: str) -> HttpResponse:
        plan = selectors.published_plan(slug)
        context = {
            "plan": plan,
            "placeholders": selectors.placeholders(),
            "not_published": selectors.NOT_PUBLISHED,
        }
        return render(request, "assessments/public_plan.html", context)
