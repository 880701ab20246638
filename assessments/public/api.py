"""The published plans of action as public JSON (`/api/v1/public/members/<slug>/plan/`)."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response

from trustone.access import policies
from trustone.access.api import PortalAPIView

from ..models import ActionStatus, Theme
from . import selectors

REDACTED = (
    "Every name, address and place of the company's suppliers is replaced by a "
    "placeholder: `[leverancier]`, `[plaats]` in Dutch; `[supplier]`, `[place]` in English."
)
RATING = "1 low, 2 moderate, 3 high."


class PublicMemberSerializer(serializers.Serializer):
    name = serializers.CharField()
    slug = serializers.CharField()


class PublicActionSerializer(serializers.Serializer):
    description = serializers.CharField(help_text=REDACTED)
    indicator = serializers.CharField(help_text=REDACTED)
    target = serializers.CharField(help_text=REDACTED)
    deadline = serializers.DateField(allow_null=True)
    status = serializers.ChoiceField(choices=ActionStatus.choices)
    status_label = serializers.CharField(
        help_text="The status in Dutch (or English, as `theme_label`)."
    )
    progress = serializers.CharField(help_text=REDACTED)


class PublicRiskSerializer(serializers.Serializer):
    theme = serializers.ChoiceField(choices=Theme.choices)
    theme_label = serializers.CharField(
        help_text="The theme in Dutch (English with the cookie `django_language=en`); for "
        "`other`, the issue the company named (redacted)."
    )
    region = serializers.CharField(help_text="The production region or link. " + REDACTED)
    scale = serializers.IntegerField(help_text=RATING)
    scope = serializers.IntegerField(help_text=RATING)
    irremediability = serializers.IntegerField(help_text=RATING)
    likelihood = serializers.IntegerField(help_text=RATING)
    severity = serializers.IntegerField(help_text="scale + scope + irremediability: 3 to 9.")
    priority = serializers.IntegerField(help_text="severity × likelihood: 3 to 27.")
    justification = serializers.CharField(help_text=REDACTED)
    actions = PublicActionSerializer(many=True)


class PublicPlanOutputSerializer(serializers.Serializer):
    member = PublicMemberSerializer(source="organisation")
    is_published = serializers.BooleanField(
        help_text="False while the secretariat has published no plan of this member."
    )
    year = serializers.IntegerField(
        allow_null=True, help_text="The reporting period of the report the plan is in."
    )
    assessed_on = serializers.DateField(
        allow_null=True, help_text="When the secretariat decided the assessment of that report."
    )
    risks = PublicRiskSerializer(many=True, help_text="Highest priority first.")


class PublicPlanAPI(PortalAPIView):
    """Public: a listed member company's published plan of action — the plan of its
    latest report whose assessment the secretariat has decided — with every reference to
    a specific supplier removed (Art. 5.12, 6.6). 404 for an organisation that is not a
    listed member company (ended memberships included). The slug is the one the bidder
    check returns."""

    access_policy = policies.PUBLIC
    authentication_classes: list[type] = []

    @extend_schema(responses=PublicPlanOutputSerializer)
    def get(self, request: Request, slug: str) -> Response:
        plan = selectors.published_plan(slug)
        return Response(PublicPlanOutputSerializer(plan).data)
