"""The report through the API, for companies' own systems: the same selectors, services
and validation as the browser."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema, extend_schema_field
from rest_framework import serializers
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request
from rest_framework.response import Response

from trustone.access import policies
from trustone.access.actor import Actor
from trustone.access.api import PortalAPIView

from .models import ActionStatus, Rating, Report, Theme
from .report import selectors, services


class ReportOutputSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    year = serializers.IntegerField(source="period.year")
    deadline = serializers.DateField(source="period.deadline")
    version = serializers.IntegerField()
    status = serializers.CharField()
    framework_version = serializers.IntegerField(source="framework.version")
    submitted_at = serializers.DateTimeField(allow_null=True)
    pdf_status = serializers.SerializerMethodField(
        help_text="null for a version not submitted; `being_prepared` until the PDF of "
        "what was submitted is ready (it is rendered after submission), then `ready`."
    )
    pdf_url = serializers.SerializerMethodField(
        help_text="The portal's download link of the submitted PDF; null until it is ready."
    )

    @extend_schema_field(
        serializers.ChoiceField(
            choices=[selectors.PDF_BEING_PREPARED, selectors.PDF_READY], allow_null=True
        )
    )
    def get_pdf_status(self, report: Report) -> str | None:
        return selectors.report_pdf_status(report)

    @extend_schema_field(serializers.URLField(allow_null=True))
    def get_pdf_url(self, report: Report) -> str | None:
        return selectors.report_pdf_url(report)


class ReportListAPI(PortalAPIView):
    """The reports of the company the request acts for."""

    access_policy = policies.COMPANY

    @extend_schema(responses=ReportOutputSerializer(many=True))
    def get(self, request: Request) -> Response:
        items = selectors.reports_visible_to(self.actor).order_by("-period__year", "-version")
        return Response(ReportOutputSerializer(items, many=True).data)


class ReportDetailAPI(PortalAPIView):
    """One report with its content: what was submitted, or the draft as it is now."""

    access_policy = policies.COMPANY

    @extend_schema(responses=dict)
    def get(self, request: Request, pk: int) -> Response:
        report = selectors.access_report(self.actor, pk)
        content = report.snapshot or selectors.snapshot_of(report)
        return Response(
            {
                **ReportOutputSerializer(report).data,
                "content": content,
                "missing": [] if report.snapshot else selectors.missing_parts(report),
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
        report = selectors.access_editable_report(self.actor, pk)
        data = AnswerInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        answer = services.answer_save(
            actor=self.actor,
            report=report,
            question_code=data.validated_data["question"],
            option_code=data.validated_data["option"],
            explanation=data.validated_data["explanation"],
        )
        return Response(
            {
                "question": answer.question.code,
                "option": answer.option.code if answer.option else None,
                "explanation": answer.explanation,
                "updated_at": answer.updated_at,
            }
        )


class RiskSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    theme = serializers.ChoiceField(choices=Theme.choices)
    other_theme = serializers.CharField(
        max_length=150, allow_blank=True, required=False, default=""
    )
    region = serializers.CharField(max_length=200)
    facility = serializers.IntegerField(
        source="facility_id", allow_null=True, required=False, default=None
    )
    scale = serializers.ChoiceField(choices=Rating.choices)
    scope = serializers.ChoiceField(choices=Rating.choices)
    irremediability = serializers.ChoiceField(choices=Rating.choices)
    likelihood = serializers.ChoiceField(choices=Rating.choices)
    justification = serializers.CharField()


class ActionSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    risk = serializers.IntegerField(source="risk_id", read_only=True)
    description = serializers.CharField()
    owner = serializers.CharField(max_length=150)
    indicator = serializers.CharField(max_length=300)
    target = serializers.CharField(max_length=300)
    deadline = serializers.DateField()
    status = serializers.ChoiceField(
        choices=ActionStatus.choices, required=False, default=ActionStatus.PLANNED
    )
    progress = serializers.CharField(allow_blank=True, required=False, default="")


def _with_facility(
    actor: Actor, report: Report, validated: dict[str, Any], current: int | None = None
) -> dict[str, Any]:
    """Turn a facility id into one of the company's own facilities (only when given); the
    risk's `current` facility stays valid even when it has been archived."""
    from supplychain.selectors import facilities_of

    fields = dict(validated)
    if "facility_id" in fields:
        facility_id = fields.pop("facility_id")
        fields["facility"] = None
        if facility_id is not None:
            fields["facility"] = (
                facilities_of(actor, report.organisation, including=current)
                .filter(pk=facility_id)
                .first()
            )
            if fields["facility"] is None:
                raise ValidationError({"facility": [_("Choose one of your own facilities.")]})
    return fields


class RiskAPI(PortalAPIView):
    """Add a risk to the plan of action of a draft report."""

    access_policy = policies.COMPANY

    @extend_schema(request=RiskSerializer, responses={201: RiskSerializer})
    def post(self, request: Request, pk: int) -> Response:
        report = selectors.access_editable_report(self.actor, pk)
        data = RiskSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        fields = _with_facility(self.actor, report, data.validated_data)
        risk = services.risk_save(actor=self.actor, report=report, **fields)
        return Response(RiskSerializer(risk).data, status=201)


class RiskDetailAPI(PortalAPIView):
    """One risk of the company's plan of action: read; change or remove while the report
    is a draft."""

    access_policy = policies.COMPANY

    @extend_schema(responses=RiskSerializer)
    def get(self, request: Request, pk: int) -> Response:
        return Response(RiskSerializer(selectors.access_risk(self.actor, pk)).data)

    def _update(self, request: Request, pk: int, *, partial: bool) -> Response:
        risk = selectors.access_risk(self.actor, pk)
        data = RiskSerializer(risk, data=request.data, partial=partial)
        data.is_valid(raise_exception=True)
        fields = _with_facility(self.actor, risk.report, data.validated_data, risk.facility_id)
        if partial and fields.get("theme", risk.theme) == "other":
            fields.setdefault("other_theme", risk.other_theme)
        risk = services.risk_save(actor=self.actor, report=risk.report, risk=risk, **fields)
        return Response(RiskSerializer(risk).data)

    @extend_schema(request=RiskSerializer, responses=RiskSerializer)
    def put(self, request: Request, pk: int) -> Response:
        return self._update(request, pk, partial=False)

    @extend_schema(request=RiskSerializer, responses=RiskSerializer)
    def patch(self, request: Request, pk: int) -> Response:
        return self._update(request, pk, partial=True)

    @extend_schema(responses={204: None})
    def delete(self, request: Request, pk: int) -> Response:
        services.risk_delete(actor=self.actor, risk=selectors.access_risk(self.actor, pk))
        return Response(status=204)


class ActionAPI(PortalAPIView):
    """Add a SMART action to a risk of a draft report."""

    access_policy = policies.COMPANY

    @extend_schema(request=ActionSerializer, responses={201: ActionSerializer})
    def post(self, request: Request, risk_pk: int) -> Response:
        risk = selectors.access_risk(self.actor, risk_pk)
        data = ActionSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        action = services.action_save(actor=self.actor, risk=risk, **data.validated_data)
        return Response(ActionSerializer(action).data, status=201)


class ActionDetailAPI(PortalAPIView):
    """One SMART action: read; change or remove while the report is a draft."""

    access_policy = policies.COMPANY

    @extend_schema(responses=ActionSerializer)
    def get(self, request: Request, pk: int) -> Response:
        return Response(ActionSerializer(selectors.access_action(self.actor, pk)).data)

    def _update(self, request: Request, pk: int, *, partial: bool) -> Response:
        action = selectors.access_action(self.actor, pk)
        data = ActionSerializer(action, data=request.data, partial=partial)
        data.is_valid(raise_exception=True)
        action = services.action_save(
            actor=self.actor, risk=action.risk, action=action, **data.validated_data
        )
        return Response(ActionSerializer(action).data)

    @extend_schema(request=ActionSerializer, responses=ActionSerializer)
    def put(self, request: Request, pk: int) -> Response:
        return self._update(request, pk, partial=False)

    @extend_schema(request=ActionSerializer, responses=ActionSerializer)
    def patch(self, request: Request, pk: int) -> Response:
        return self._update(request, pk, partial=True)

    @extend_schema(responses={204: None})
    def delete(self, request: Request, pk: int) -> Response:
        services.action_delete(actor=self.actor, action=selectors.access_action(self.actor, pk))
        return Response(status=204)
