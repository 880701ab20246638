"""Generating, rendering, publishing and discarding versions of the annual report.

Generating runs as a job on the `lists` queue: it collects every table's inputs once
(the snapshot), computes the published figures from them, then queues the PDFs (Dutch
and English) on the `reports` queue. Both steps are idempotent: a redelivered job or a
retried rendering does nothing twice."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

from celery import current_app
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Max, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from trustone.access.actor import Actor
from trustone.access.errors import require
from trustone.audit.services import audit_record
from trustone.jobs.models import JobStatus
from trustone.jobs.services import job_finish, job_progress, job_start
from trustone.pdf import render_pdf

from ..models import AnnualReport, AnnualReportStatus
from ..projects.selectors import public_projects
from ..rules.annual import figures_from
from .presentation import report_context
from .tables import table_specs, year_end

FIRST_YEAR = 2021  # the first full year of the covenant's first term with reports
LANGUAGES = ("nl", "en")
BUILD_TASK = "assessments.tasks.rebuild_annual_report_task"
RENDER_TASK = "assessments.tasks.render_annual_report_pdf_task"

SNAPSHOT_PROJECT_KEYS = (
    "slug",
    "name",
    "name_en",
    "kind",
    "status",
    "country",
    "region",
    "stone",
    "themes",
    "summary",
    "summary_en",
    "member_companies",
    "participants",
)


def _projects_snapshot() -> list[dict[str, Any]]:
    """The published projects as the snapshot keeps them: codes and both languages'
    texts, no labels (the report is read in Dutch and in English)."""
    snapshot = []
    for project in public_projects():
        row = {key: project.get(key) for key in SNAPSHOT_PROJECT_KEYS}
        row["started_on"] = project["started_on"].isoformat() if project.get("started_on") else None
        snapshot.append(row)
    return snapshot


@transaction.atomic
def annual_report_generate(*, actor: Actor, year: int) -> AnnualReport:
    """The coordinator generates a new version of the report on `year` (a job)."""
    require(actor.is_secretariat_admin)
    today = timezone.localdate()
    if not FIRST_YEAR <= year <= today.year:
        raise ValidationError(
            {
                "year": _("Choose a year from %(first)s to %(last)s.")
                % {"first": FIRST_YEAR, "last": today.year}
            }
        )
    versions = AnnualReport.objects.select_for_update().filter(year=year)
    # A version whose job failed for good is not being generated any more.
    versions.filter(status=AnnualReportStatus.GENERATING, job__status=JobStatus.FAILED).update(
        status=AnnualReportStatus.FAILED
    )
    if versions.filter(status=AnnualReportStatus.GENERATING).exists():
        raise ValidationError(
            {"year": _("A version of this year's report is being generated; wait for it.")}
        )
    latest = versions.aggregate(latest=Max("version"))["latest"] or 0
    report = AnnualReport(year=year, version=latest + 1, generated_by=actor.user)
    report.full_clean()
    report.save()
    report.job = job_start(
        actor=actor,
        kind="annual_report",
        task=current_app.signature(BUILD_TASK),
        params={"report": report.pk},
    )
    report.save(update_fields=["job"])
    audit_record(actor=actor, action="annual_report_generated", target=report, data={"year": year})
    return report


def annual_report_inputs(year: int, progress: Callable[[int, int], None]) -> dict[str, Any]:
    """Read every table's inputs for `year`: the snapshot a version is computed from."""
    specs = table_specs()
    tables = {}
    for done, spec in enumerate(specs):
        progress(done, len(specs) + 1)
        tables[spec.key] = spec.collect(year)
    projects = _projects_snapshot()
    progress(len(specs) + 1, len(specs) + 1)
    return {
        "year": year,
        "as_of": min(timezone.localdate(), year_end(year)).isoformat(),
        "generated_on": timezone.localdate().isoformat(),
        "tables": tables,
        "projects": projects,
    }


def annual_report_build(
    *, report_id: int, progress: Callable[[int, int], None] = lambda done, total: None
) -> AnnualReport | None:
    """Take the snapshot of a version being generated and compute its figures, then
    queue its PDFs. Does nothing (returns None) when the version is not being generated
    any more: a redelivered job changes nothing."""
    report = AnnualReport.objects.filter(pk=report_id).first()
    if report is None or report.status != AnnualReportStatus.GENERATING:
        return None
    inputs = annual_report_inputs(report.year, progress)
    figures = figures_from(inputs)
    with transaction.atomic():
        report = AnnualReport.objects.select_for_update().get(pk=report.pk)
        if report.status != AnnualReportStatus.GENERATING:
            return None
        report.inputs, report.figures = inputs, figures
        report.status = AnnualReportStatus.DRAFT
        report.save(update_fields=["inputs", "figures", "status"])
        transaction.on_commit(lambda: current_app.signature(RENDER_TASK).delay(report.pk))
    return report


def annual_report_build_job(job: Any) -> None:
    """The job's body: the snapshot and the figures, then the PDFs are queued."""
    report = annual_report_build(
        report_id=job.params.get("report"),
        progress=lambda done, total: job_progress(job.pk, done=done, total=total),
    )
    if report is None:  # already built (a redelivered message), or discarded
        job_finish(job.pk, message=_("Nothing to do."))
        return
    suppressed = sum(t["merged"] + t["left_out"] for t in report.figures["tables"].values())
    job_finish(
        job.pk,
        message=ngettext(
            "Draft ready; %(count)s cell was combined or left out by disclosure control.",
            "Draft ready; %(count)s cells were combined or left out by disclosure control.",
            suppressed,
        )
        % {"count": suppressed},
    )


def annual_report_pdf_bytes(report: AnnualReport, language: str) -> bytes:
    """The designed PDF of a version, in `language`, from its stored figures."""
    return render_pdf(
        "pdf/assessments/annual_report.html",
        report_context(report, language=language, for_pdf=True),
        language=language,
    )


def annual_report_pdfs_render(*, report_id: int) -> None:
    """Render whichever PDFs of a version are missing (idempotent)."""
    report = AnnualReport.objects.filter(pk=report_id).first()
    if report is None or report.status not in (
        AnnualReportStatus.DRAFT,
        AnnualReportStatus.PUBLISHED,
    ):
        return
    for language in LANGUAGES:
        field = getattr(report, f"pdf_{language}")
        if field:
            continue
        content = annual_report_pdf_bytes(report, language)
        field.save(
            f"trustone-annual-report-{report.year}-v{report.version}-{language}.pdf",
            ContentFile(content),
            save=False,
        )
        AnnualReport.objects.filter(pk=report.pk).update(**{f"pdf_{language}": field.name})


REQUEUE_AFTER = timedelta(minutes=10)


def annual_reports_requeue() -> int:
    """Beat: send again what a lost message left undone — the job of a version still
    being generated some minutes after it was started, and the PDFs a version still
    lacks. Both are idempotent, so a message that was only slow does nothing twice."""
    before = timezone.now() - REQUEUE_AFTER
    sent = 0
    for job_id in AnnualReport.objects.filter(
        status=AnnualReportStatus.GENERATING,
        generated_at__lt=before,
        job__status__in=[JobStatus.PENDING, JobStatus.RUNNING],
    ).values_list("job_id", flat=True):
        current_app.signature(BUILD_TASK).delay(job_id)
        sent += 1
    missing = AnnualReport.objects.filter(
        status__in=[AnnualReportStatus.DRAFT, AnnualReportStatus.PUBLISHED],
        generated_at__lt=before,
    ).filter(Q(pdf_nl="") | Q(pdf_en=""))
    for report_id in missing.values_list("pk", flat=True):
        current_app.signature(RENDER_TASK).delay(report_id)
        sent += 1
    return sent


@transaction.atomic
def annual_report_publish(*, actor: Actor, report: AnnualReport, note: str = "") -> AnnualReport:
    """The coordinator publishes a reviewed draft whose PDFs are ready. From then on the
    version is frozen; a correction is a new version."""
    require(actor.is_secretariat_admin)
    report = AnnualReport.objects.select_for_update().get(pk=report.pk)
    if report.status != AnnualReportStatus.DRAFT:
        raise ValidationError(_("Only a draft can be published."))
    if not (report.pdf_nl and report.pdf_en):
        raise ValidationError(_("Wait until both PDFs are ready, then publish."))
    report.status = AnnualReportStatus.PUBLISHED
    report.published_by, report.published_at = actor.user, timezone.now()
    report.review_note = note.strip()
    report.save(update_fields=["status", "published_by", "published_at", "review_note"])
    audit_record(
        actor=actor,
        action="annual_report_published",
        target=report,
        data={"year": report.year, "version": report.version},
    )
    return report


@transaction.atomic
def annual_report_discard(*, actor: Actor, report: AnnualReport) -> None:
    """The coordinator throws a draft (or a failed version) away; published versions
    stay."""
    require(actor.is_secretariat_admin)
    report = AnnualReport.objects.select_for_update().get(pk=report.pk)
    if report.status not in (AnnualReportStatus.DRAFT, AnnualReportStatus.FAILED):
        raise ValidationError(_("Only a draft can be discarded."))
    audit_record(
        actor=actor,
        action="annual_report_discarded",
        target=report,
        data={"year": report.year, "version": report.version},
    )
    for language in LANGUAGES:
        getattr(report, f"pdf_{language}").delete(save=False)
    report.delete()
