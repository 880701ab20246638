"""The supplier list through the API: read it; add, change and remove facilities and
chains with the same validation as the browser."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _
from django_countries.serializer_fields import CountryField
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request
from rest_framework.response import Response

from trustone.access import policies
from trustone.access.api import PortalAPIView

from . import geography, selectors, services
from .models import FacilityKind


class FacilitySerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    kind = serializers.ChoiceField(choices=FacilityKind.choices)
    name = serializers.CharField(max_length=200)
    address = serializers.CharField(max_length=300, allow_blank=True, required=False, default="")
    place = serializers.CharField(max_length=120, allow_blank=True, required=False, default="")
    country = CountryField()
    latitude = serializers.DecimalField(
        max_digits=9,
        decimal_places=6,
        allow_null=True,
        required=False,
        default=None,
        min_value=-90,
        max_value=90,
    )
    longitude = serializers.DecimalField(
        max_digits=9,
        decimal_places=6,
        allow_null=True,
        required=False,
        default=None,
        min_value=-180,
        max_value=180,
    )
    # Only in the answer to a write (absent when reading): saved, but worth a look.
    warnings = serializers.ListField(
        child=serializers.CharField(),
        read_only=True,
        help_text="After a write only: e.g. coordinates outside the stated country.",
    )


def _saved(facility: Any) -> dict[str, Any]:
    """The facility as saved, with the warnings about it (in the request's language)."""
    warning = geography.coordinates_country_warning(
        country=facility.country.code, latitude=facility.latitude, longitude=facility.longitude
    )
    facility.warnings = [warning] if warning else []
    return FacilitySerializer(facility).data


class ChainSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    product = serializers.CharField(max_length=200)
    factory = serializers.IntegerField(
        source="factory_id", allow_null=True, required=False, default=None
    )
    quarry = serializers.IntegerField(
        source="quarry_id", allow_null=True, required=False, default=None
    )
    extraction_country = CountryField(allow_blank=True, required=False, default="")
    processing_country = CountryField(allow_blank=True, required=False, default="")
    volume_eur = serializers.DecimalField(
        max_digits=14, decimal_places=2, allow_null=True, required=False, default=None, min_value=0
    )
    is_circular = serializers.BooleanField(required=False, default=False)


class FacilityListAPI(PortalAPIView):
    """The facilities of the company the request acts for; POST adds one."""

    access_policy = policies.COMPANY

    @extend_schema(responses=FacilitySerializer(many=True))
    def get(self, request: Request) -> Response:
        items = selectors.facilities_of(self.actor, self.actor.organisation)
        return Response(FacilitySerializer(items, many=True).data)

    @extend_schema(request=FacilitySerializer, responses={201: FacilitySerializer})
    def post(self, request: Request) -> Response:
        data = FacilitySerializer(data=request.data)
        data.is_valid(raise_exception=True)
        facility = services.facility_save(
            actor=self.actor, organisation=self.actor.organisation, **data.validated_data
        )
        return Response(_saved(facility), status=status.HTTP_201_CREATED)


class ChainListAPI(PortalAPIView):
    """The chains of the company the request acts for; POST adds one."""

    access_policy = policies.COMPANY

    @extend_schema(responses=ChainSerializer(many=True))
    def get(self, request: Request) -> Response:
        items = selectors.chains_of(self.actor, self.actor.organisation)
        return Response(ChainSerializer(items, many=True).data)

    @extend_schema(request=ChainSerializer, responses={201: ChainSerializer})
    def post(self, request: Request) -> Response:
        data = ChainSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        fields = _with_facilities(self.actor, data.validated_data)
        chain = services.chain_save(
            actor=self.actor, organisation=self.actor.organisation, **fields
        )
        return Response(ChainSerializer(chain).data, status=status.HTTP_201_CREATED)


def _with_facilities(actor: Any, validated: dict[str, Any]) -> dict[str, Any]:
    """Turn factory/quarry ids into the company's own facilities (only those given)."""
    fields = dict(validated)
    facilities = selectors.facilities_of(actor, actor.organisation)
    for role in ("factory", "quarry"):
        if f"{role}_id" not in fields:
            continue
        facility_id = fields.pop(f"{role}_id")
        fields[role] = None
        if facility_id is not None:
            fields[role] = facilities.filter(pk=facility_id, kind=role).first()
            if fields[role] is None:
                raise ValidationError(
                    {role: [_("Choose one of your own facilities of this kind.")]}
                )
    return fields


class FacilityDetailAPI(PortalAPIView):
    """One facility of the company the request acts for: read, change (PUT, PATCH), remove."""

    access_policy = policies.COMPANY

    @extend_schema(responses=FacilitySerializer)
    def get(self, request: Request, pk: int) -> Response:
        return Response(FacilitySerializer(selectors.access_facility(self.actor, pk)).data)

    def _update(self, request: Request, pk: int, *, partial: bool) -> Response:
        facility = selectors.access_facility(self.actor, pk)
        data = FacilitySerializer(facility, data=request.data, partial=partial)
        data.is_valid(raise_exception=True)
        facility = services.facility_save(
            actor=self.actor,
            organisation=facility.organisation,
            facility=facility,
            **data.validated_data,
        )
        return Response(_saved(facility))

    @extend_schema(request=FacilitySerializer, responses=FacilitySerializer)
    def put(self, request: Request, pk: int) -> Response:
        return self._update(request, pk, partial=False)

    @extend_schema(request=FacilitySerializer, responses=FacilitySerializer)
    def patch(self, request: Request, pk: int) -> Response:
        return self._update(request, pk, partial=True)

    @extend_schema(responses={204: None})
    def delete(self, request: Request, pk: int) -> Response:
        facility = selectors.access_facility(self.actor, pk)
        services.facility_delete(actor=self.actor, facility=facility)
        return Response(status=status.HTTP_204_NO_CONTENT)


class ChainDetailAPI(PortalAPIView):
    """One chain of the company the request acts for: read, change (PUT, PATCH), remove."""

    access_policy = policies.COMPANY

    @extend_schema(responses=ChainSerializer)
    def get(self, request: Request, pk: int) -> Response:
        return Response(ChainSerializer(selectors.access_chain(self.actor, pk)).data)

    def _update(self, request: Request, pk: int, *, partial: bool) -> Response:
        chain = selectors.access_chain(self.actor, pk)
        data = ChainSerializer(chain, data=request.data, partial=partial)
        data.is_valid(raise_exception=True)
        fields = _with_facilities(self.actor, data.validated_data)
        chain = services.chain_save(
            actor=self.actor, organisation=chain.organisation, chain=chain, **fields
        )
        return Response(ChainSerializer(chain).data)

    @extend_schema(request=ChainSerializer, responses=ChainSerializer)
    def put(self, request: Request, pk: int) -> Response:
        return self._update(request, pk, partial=False)

    @extend_schema(request=ChainSerializer, responses=ChainSerializer)
    def patch(self, request: Request, pk: int) -> Response:
        return self._update(request, pk, partial=True)

    @extend_schema(responses={204: None})
    def delete(self, request: Request, pk: int) -> Response:
        services.chain_delete(actor=self.actor, chain=selectors.access_chain(self.actor, pk))
        return Response(status=status.HTTP_204_NO_CONTENT)
