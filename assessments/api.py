"""The report through the API, for companies' own systems: the same selectors, services
and validation as the browser."""

from __future__ import annotations

from django.core.exceptions import ValidationError as DjangoValidationError
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request
from rest_framework.response import Response

from trustone.access import policies
from trustone.access.api import PortalAPIView

from . import reports, submission


class ReportOutputSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    year = serializers.IntegerField(source="period.year")
    deadline = serializers.DateField(source="period.deadline")
    version = serializers.IntegerField()
    status = serializers.CharField()
    framework_version = serializers.IntegerField(source="framework.version")
    submitted_at = serializers.DateTimeField(allow_null=True)


class ReportListAPI(PortalAPIView):
    """The reports of the company the request acts for."""

    access_policy = policies.COMPANY

    @extend_schema(responses=ReportOutputSerializer(many=True))
    def get(self, request: Request) -> Response:
        items = reports.reports_visible_to(self.actor).order_by("-period__year", "-version")
        return Response(ReportOutputSerializer(items, many=True).data)


class ReportDetailAPI(PortalAPIView):
    """One report with its content: what was submitted, or the draft as it is now."""

    access_policy = policies.COMPANY

    @extend_schema(responses=dict)
    def get(self, request: Request, pk: int) -> Response:
        report = reports.access_report(self.actor, pk)
        content = report.snapshot or submission.snapshot_of(report)
        return Response(
            {
                **ReportOutputSerializer(report).data,
                "content": content,
                "missing": [] if report.snapshot else submission.missing_parts(report),
            }
        )


class AnswerInputSerializer(serializers.Serializer):
    question = serializers.CharField(max_length=10)
    option = serializers.CharField(max_length=20, allow_blank=True, required=False, default="")
    explanation = serializers.CharField(allow_blank=True, required=False, default="")


class AnswerAPI(PortalAPIView):
    """Answer one question of a draft report (the same rules as in the browser)."""

    access_policy = policies.COMPANY

    @extend_schema(request=AnswerInputSerializer, responses=dict)
    def post(self, request: Request, pk: int) -> Response:
        report = reports.access_editable_report(self.actor, pk)
        data = AnswerInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        try:
            answer = reports.answer_save(
                actor=self.actor,
                report=report,
                question_code=data.validated_data["question"],
                option_code=data.validated_data["option"],
                explanation=data.validated_data["explanation"],
            )
        except DjangoValidationError as error:
            raise ValidationError(getattr(error, "message_dict", None) or error.messages) from None
        return Response(
            {
                "question": answer.question.code,
                "option": answer.option.code if answer.option else None,
                "explanation": answer.explanation,
                "updated_at": answer.updated_at,
            }
        )
