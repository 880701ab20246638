"""Writes of a report's life: submitting a version (frozen, assessment opened, PDF queued),
starting a new version, and the secretariat returning one for changes."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from supplychain.registry.matcher import site_matches_queue
from trustone.access.actor import Actor
from trustone.access.errors import require
from trustone.audit.services import audit_record
from trustone.languages import portal_language

from ...assessment.services import assessment_open
from ...models import Action, Answer, Evidence, Importer, Report, ReportStatus, Risk
from ..selectors.reports import EDITABLE
from ..selectors.submission import SubmissionParts, missing_parts, snapshot_of
from .pdf import report_pdf_queue


@transaction.atomic
def report_submit(*, actor: Actor, report: Report, language: str = "nl") -> Report:
    """Freeze this version: the snapshot is stored and the assessment opened. The PDF and
    the confirmation e-mail follow from a task queued on commit (`report_pdf`), so the
    request renders nothing. Refused with the list of what is missing."""
    if not actor.acts_for(report.organisation):
        raise PermissionDenied
    report = (
        Report.objects.select_for_update()
        .select_related("organisation", "period", "framework")
        .get(pk=report.pk)
    )
    if report.status not in EDITABLE:
        raise ValidationError(_("This version has already been submitted."))
    parts = SubmissionParts(report)  # read once for the check and the snapshot
    missing = missing_parts(report, parts)
    if missing:
        raise ValidationError(missing)
    report.snapshot = snapshot_of(report, parts)
    report.status = ReportStatus.SUBMITTED
    report.submitted_at, report.submitted_by = timezone.now(), actor.user
    report.language = portal_language(language)
    report.save()
    audit_record(
        actor=actor, action="report_submitted", target=report, data={"version": report.version}
    )
    assessment_open(report=report)
    # Robust: should the broker be away, the submission stands and the beat task
    # `report_pdfs_requeue_task` queues the PDF later.
    transaction.on_commit(lambda: report_pdf_queue(report.pk), robust=True)
    # The registry learns the company's sites from what it has just reported.
    organisation_id = report.organisation_id
    transaction.on_commit(lambda: site_matches_queue(organisation_id), robust=True)
    return report


@transaction.atomic
def report_new_version(*, actor: Actor, report: Report, return_comment: str = "") -> Report:
    """A new draft version copying the answers and the plan of a submitted one. The
    company starts it to change its report; the secretariat to return it for changes."""
    report = Report.objects.select_for_update().get(pk=report.pk)
    if report.status != ReportStatus.SUBMITTED:
        raise ValidationError(_("Only a submitted version can get a new version."))
    if Report.objects.filter(
        organisation=report.organisation, period=report.period, version__gt=report.version
    ).exists():
        raise ValidationError(_("A newer version of this report exists already."))
    draft = Report.objects.create(
        organisation=report.organisation,
        period=report.period,
        version=report.version + 1,
        framework=report.framework,
        return_comment=return_comment,
    )
    Answer.objects.bulk_create(
        Answer(
            report=draft,
            question_id=a.question_id,
            option_id=a.option_id,
            explanation=a.explanation,
            updated_at=a.updated_at,
            updated_by_id=a.updated_by_id,
        )
        for a in Answer.objects.filter(report=report)
    )
    Importer.objects.bulk_create(
        Importer(
            report=draft,
            name=i.name,
            member_id=i.member_id,
            has_policy=i.has_policy,
            themes=i.themes,
            action_taken=i.action_taken,
        )
        for i in Importer.objects.filter(report=report)
    )
    Evidence.objects.bulk_create(
        Evidence(
            report=draft,
            question_id=e.question_id,
            file=e.file.name,
            original_name=e.original_name,
            content_type=e.content_type,
            size=e.size,
            uploaded_by_id=e.uploaded_by_id,
            created_at=e.created_at,
        )
        for e in Evidence.objects.filter(report=report)
    )
    for risk in Risk.objects.filter(report=report).prefetch_related("actions"):
        actions = list(risk.actions.all())
        risk.pk, risk.report = None, draft
        risk.save()
        for action in actions:
            action.pk, action.risk = None, risk
        Action.objects.bulk_create(actions)
    return draft


@transaction.atomic
def report_return(*, actor: Actor, report: Report, comment: str) -> Report:
    """The secretariat returns a submitted report for changes, with comments: the
    submitted version stays as it was; a new draft carries the comments. Only a
    secretariat administrator (the coordinator) returns a report."""
    require(actor.is_secretariat_admin)
    if not comment.strip():
        raise ValidationError({"comment": _("Say what has to change.")})
    draft = report_new_version(actor=actor, report=report, return_comment=comment.strip())
    Report.objects.filter(pk=report.pk).update(returned_at=timezone.now())
    audit_record(
        actor=actor, action="report_returned", target=report, data={"new_version": draft.version}
    )
    return draft
