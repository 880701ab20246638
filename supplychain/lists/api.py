"""The public quarry-area list as open data: the current version, or one published
earlier (`?version=`), exactly as the public page shows it."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response

from trustone.access import policies
from trustone.access.api import PortalAPIView

from ..models import ListKind
from . import selectors


class QuarryAreaQuerySerializer(serializers.Serializer):
    version = serializers.IntegerField(
        required=False, min_value=1, help_text="An earlier version's id (default: the current)."
    )


class QuarryAreaSerializer(serializers.Serializer):
    level = serializers.ChoiceField(
        choices=["district", "region", "country", "other"],
        help_text="district; or region / country / other: areas combined because each "
        "alone has fewer than three members sourcing there.",
    )
    country = serializers.CharField(help_text="ISO 3166 alpha-2; empty for 'other'.")
    region = serializers.CharField()
    district = serializers.CharField()
    members = serializers.IntegerField(help_text="Member companies sourcing there (≥ 3).")
    products = serializers.ListField(child=serializers.CharField(), help_text="Stone types.")
    lat = serializers.FloatField(allow_null=True, help_text="Rounded to 0.25 degree.")
    lon = serializers.FloatField(allow_null=True, help_text="Rounded to 0.25 degree.")


class QuarryAreaListSerializer(serializers.Serializer):
    version = serializers.IntegerField(source="pk")
    published_at = serializers.DateTimeField()
    areas = QuarryAreaSerializer(many=True, source="rows")


class QuarryAreasAPI(PortalAPIView):
    """Public: the areas where TruStone members source stone from quarries (Art. 6.5),
    after disclosure control; no quarry and no company is named. 404 before the first
    publication or for a version that does not exist."""

    access_policy = policies.PUBLIC
    authentication_classes: list[type] = []

    @extend_schema(parameters=[QuarryAreaQuerySerializer], responses=QuarryAreaListSerializer)
    def get(self, request: Request) -> Response:
        query = QuarryAreaQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        version = query.validated_data.get("version")
        if version is None:
            publication = selectors.publication_latest(self.actor, ListKind.QUARRY_AREAS)
            if publication is None:
                raise selectors.NotFound
        else:
            publication = selectors.access_publication(self.actor, ListKind.QUARRY_AREAS, version)
        return Response(QuarryAreaListSerializer(publication).data)
