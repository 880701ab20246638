"""REST API: who am I, and the organisations I may see."""

from __future__ import annotations

from django.db.models import QuerySet
from drf_spectacular.utils import extend_schema
from rest_framework import generics, serializers
from rest_framework.request import Request
from rest_framework.response import Response

from trustone.access import policies
from trustone.access.api import PortalAPIView

from .models import Organisation
from .selectors import access_organisation, organisations_visible_to


class OrganisationOutputSerializer(serializers.ModelSerializer):
    class Meta:
        model = Organisation
        fields = [
            "id",
            "name",
            "slug",
            "kind",
            "country",
            "city",
            "registration_number",
            "website",
            "is_active",
        ]


class MembershipOutputSerializer(serializers.Serializer):
    organisation = OrganisationOutputSerializer()
    role = serializers.CharField()


class MeOutputSerializer(serializers.Serializer):
    email = serializers.EmailField()
    full_name = serializers.CharField()
    acting_for = OrganisationOutputSerializer(allow_null=True)
    role = serializers.CharField(allow_null=True)
    memberships = MembershipOutputSerializer(many=True)


class MeAPI(PortalAPIView):
    """The authenticated user and the organisation the request acts for. Token clients
    choose an organisation with the X-TruStone-Organisation header (its id)."""

    access_policy = policies.AUTHENTICATED

    @extend_schema(responses=MeOutputSerializer)
    def get(self, request: Request) -> Response:
        actor = self.actor
        assert actor.user is not None
        data = {
            "email": actor.user.email,
            "full_name": actor.user.full_name,
            "acting_for": actor.organisation,
            "role": actor.role,
            "memberships": actor.memberships,
        }
        return Response(MeOutputSerializer(data).data)


class OrganisationListAPI(PortalAPIView, generics.ListAPIView):
    """Organisations visible to the actor: all for the secretariat, else their own."""

    access_policy = policies.AUTHENTICATED
    serializer_class = OrganisationOutputSerializer

    def get_queryset(self) -> QuerySet[Organisation]:
        return organisations_visible_to(self.actor).order_by("name")


class OrganisationDetailAPI(PortalAPIView, generics.RetrieveAPIView):
    access_policy = policies.AUTHENTICATED
    serializer_class = OrganisationOutputSerializer

    def get_object(self) -> Organisation:
        return access_organisation(self.actor, self.kwargs["pk"])
