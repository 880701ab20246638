from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response

from trustone.access import policies
from trustone.access.api import PortalAPIView

from .models import Job
from .selectors import access_job


class JobOutputSerializer(serializers.ModelSerializer):
    percent = serializers.IntegerField()

    class Meta:
        model = Job
        fields = [
            "id",
            "kind",
            "status",
            "done",
            "total",
            "percent",
            "message",
            "created_at",
            "finished_at",
        ]


class JobAPI(PortalAPIView):
    """Progress of a job the caller started."""

    access_policy = policies.AUTHENTICATED

    @extend_schema(responses=JobOutputSerializer)
    def get(self, request: Request, pk: int) -> Response:
        return Response(JobOutputSerializer(access_job(self.actor, pk)).data)
