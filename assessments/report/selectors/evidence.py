"""Reads of evidence files: one file, for whoever may read its report."""

from __future__ import annotations

from trustone.access.actor import Actor
from trustone.access.errors import NotFound

from ...models import Evidence
from .reports import reports_visible_to


def access_evidence(actor: Actor, evidence_id: int) -> Evidence:
    """A file of a report the actor may see; not found otherwise."""
    evidence = Evidence.objects.select_related("report").filter(pk=evidence_id).first()
    if evidence is None or not reports_visible_to(actor).filter(pk=evidence.report_id).exists():
        raise NotFound
    return evidence
