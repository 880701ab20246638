"""The public API of procurement: the bidder check."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response

from trustone.access import policies
from trustone.access.api import PortalAPIView

from . import bidders


class BidderCheckQuerySerializer(serializers.Serializer):
    q = serializers.CharField(
        min_length=2,
        max_length=100,
        help_text="The bidder's name (or part of it), KvK number or Belgian enterprise "
        "number; at least 2 characters.",
    )


class BidderOutputSerializer(serializers.Serializer):
    name = serializers.CharField(source="organisation.name")
    slug = serializers.CharField(source="organisation.slug")
    registration_number = serializers.CharField(source="organisation.registration_number")
    country = serializers.CharField(source="organisation.country")
    is_listed = serializers.BooleanField()
    member_type = serializers.CharField()
    member_since = serializers.DateField(source="joined_on", allow_null=True)
    membership_ends_on = serializers.DateField(source="ends_on", allow_null=True)
    level = serializers.IntegerField(allow_null=True)
    checked_on = serializers.DateField()


class BidderCheckAPI(PortalAPIView):
    """Public: is a bidder a listed TruStone member, since when and at which level (as of
    today)? Search by name or by KvK / Belgian enterprise number."""

    access_policy = policies.PUBLIC
    authentication_classes: list[type] = []

    @extend_schema(
        parameters=[BidderCheckQuerySerializer], responses=BidderOutputSerializer(many=True)
    )
    def get(self, request: Request) -> Response:
        query = BidderCheckQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        results = bidders.bidder_check(query.validated_data["q"])
        return Response(BidderOutputSerializer(results, many=True).data)
