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
from .public import bidder_check
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
        results = bidder_check(query.validated_data["q"])
        return Response(BidderOutputSerializer(results, many=True).data)
