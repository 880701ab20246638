"""The audit log as CSV, written by a job."""

from __future__ import annotations

import csv
import io

from django.utils import timezone

from trustone.access.actor import actor_for
from trustone.jobs.models import Job
from trustone.jobs.services import job_finish, job_progress
from trustone.spreadsheets import spreadsheet_row

from .selectors import audit_entries_filtered

BATCH = 500


def audit_export(job: Job) -> None:
    """Write the audit entries the job's starter may see, filtered by the job's params."""
    actor = actor_for(job.started_by, job.organisation_id)
    params = job.params
    entries = audit_entries_filtered(
        actor, search=params.get("search", ""), action=params.get("action", "")
    ).order_by("created_at", "id")
    total = entries.count()
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(
        ["when", "user", "acting_for", "action", "object_type", "object_id", "object", "ip_address"]
    )
    for index, entry in enumerate(entries.iterator(chunk_size=BATCH), start=1):
        writer.writerow(
            spreadsheet_row(
                [
                    timezone.localtime(entry.created_at).isoformat(timespec="seconds"),
                    entry.user_email,
                    entry.organisation.name if entry.organisation else "",
                    entry.action,
                    entry.target_type,
                    entry.target_id,
                    entry.target_label,
                    entry.ip_address or "",
                ]
            )
        )
        if index % BATCH == 0:
            job_progress(job.pk, done=index, total=total)
    job_progress(job.pk, done=total, total=total)
    job_finish(
        job.pk,
        filename=f"audit-log-{timezone.localdate():%Y%m%d}.csv",
        content=buffer.getvalue().encode("utf-8-sig"),
        message=f"{total}",
    )
