"""The secretariat's decisions on the registry: confirm or reject a proposed match, make
a facility a site of its own, merge two sites, split a facility off, record a site's OS
ID. Each is the coordinator's, recorded in the registry's history and the audit log, and
never undone by a later matching run (a confirmed link stays, a rejected pair is never
proposed again)."""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from trustone.access.actor import Actor
from trustone.access.errors import require
from trustone.audit.services import audit_record

from ..lists.building import lists_rebuild_queue
from ..models import (
    CandidateStatus,
    Facility,
    FacilityLink,
    MatchAction,
    MatchCandidate,
    MatchDecision,
    Site,
)
from .matcher import facilities_match, new_site_from
from .selectors import may_manage_registry

OS_ID = re.compile(r"^[A-Z]{2}[0-9]{7}[A-Z0-9]{6,7}$")  # e.g. CN2019303BQ3FZP


def _record(
    actor: Actor,
    action: str,
    site: Site,
    *,
    facility: Facility | None = None,
    other_site: Site | None = None,
    note: str = "",
) -> None:
    MatchDecision.objects.create(
        action=action,
        facility=facility,
        site=site,
        other_site=other_site,
        decided_by=actor.user,
        note=note[:500],
    )


def _link(facility: Facility, site: Site) -> None:
    facility.site = site
    facility.site_link = FacilityLink.CONFIRMED
    facility.matched_at = timezone.now()
    facility.save(update_fields=["site", "site_link", "matched_at"])


def _close_open(facility: Facility, actor: Actor, status: str) -> None:
    MatchCandidate.objects.filter(facility=facility, status=CandidateStatus.OPEN).update(
        status=status, decided_by=actor.user, decided_at=timezone.now()
    )


@transaction.atomic
def match_confirm(*, actor: Actor, candidate: MatchCandidate) -> Facility:
    """The proposed site is the facility's: linked, confirmed; other proposals withdrawn."""
    require(may_manage_registry(actor))
    candidate = MatchCandidate.objects.select_for_update().get(pk=candidate.pk)
    if candidate.status != CandidateStatus.OPEN:
        raise ValidationError(_("This proposal has already been decided."))
    facility, site = candidate.facility, candidate.site
    _link(facility, site)
    candidate.status = CandidateStatus.CONFIRMED
    candidate.decided_by, candidate.decided_at = actor.user, timezone.now()
    candidate.save(update_fields=["status", "decided_by", "decided_at"])
    _close_open(facility, actor, CandidateStatus.WITHDRAWN)
    _record(actor, MatchAction.CONFIRMED, site, facility=facility)
    audit_record(actor=actor, action="site_match_confirmed", target=site)
    lists_rebuild_queue()
    return facility


@transaction.atomic
def match_reject(*, actor: Actor, candidate: MatchCandidate) -> None:
    """The proposed site is not the facility's; never proposed again. When nothing is
    left to decide, the facility is matched again without the rejected sites."""
    require(may_manage_registry(actor))
    candidate = MatchCandidate.objects.select_for_update().get(pk=candidate.pk)
    if candidate.status != CandidateStatus.OPEN:
        raise ValidationError(_("This proposal has already been decided."))
    candidate.status = CandidateStatus.REJECTED
    candidate.decided_by, candidate.decided_at = actor.user, timezone.now()
    candidate.save(update_fields=["status", "decided_by", "decided_at"])
    _record(actor, MatchAction.REJECTED, candidate.site, facility=candidate.facility)
    audit_record(actor=actor, action="site_match_rejected", target=candidate.site)
    if not MatchCandidate.objects.filter(
        facility=candidate.facility, status=CandidateStatus.OPEN
    ).exists():
        facilities_match(facility_ids=[candidate.facility_id])


@transaction.atomic
def facility_new_site(*, actor: Actor, facility: Facility) -> Site:
    """None of the proposals: the facility is a site of its own (confirmed)."""
    require(may_manage_registry(actor))
    _close_open(facility, actor, CandidateStatus.REJECTED)
    site = new_site_from(facility)
    _link(facility, site)
    _record(actor, MatchAction.NEW_SITE, site, facility=facility)
    audit_record(actor=actor, action="site_created", target=site)
    lists_rebuild_queue()
    return site


@transaction.atomic
def facility_split(*, actor: Actor, facility: Facility) -> Site:
    """The facility is not the site it was linked to: it gets a site of its own (and is
    never proposed for the old one again)."""
    require(may_manage_registry(actor))
    old = facility.site
    if old is None:
        raise ValidationError(_("This facility is not linked to a site."))
    MatchCandidate.objects.update_or_create(
        facility=facility,
        site=old,
        defaults={
            "status": CandidateStatus.REJECTED,
            "score": 0,
            "decided_by": actor.user,
            "decided_at": timezone.now(),
        },
    )
    site = new_site_from(facility)
    _link(facility, site)
    _record(actor, MatchAction.SPLIT, site, facility=facility, other_site=old)
    audit_record(actor=actor, action="facility_split_off", target=site)
    lists_rebuild_queue()
    return site


@transaction.atomic
def sites_merge(*, actor: Actor, site: Site, into: Site) -> Site:
    """Two sites are one: `site`'s facilities move to `into` (confirmed) and `site` keeps
    its row, pointing to `into`, so that its public id still resolves."""
    require(may_manage_registry(actor))
    if site.pk == into.pk:
        raise ValidationError({"into": _("Choose another site to merge with.")})
    if into.merged_into_id is not None or site.merged_into_id is not None:
        raise ValidationError({"into": _("This site has already been merged.")})
    if site.kind != into.kind or site.country != into.country:
        raise ValidationError(
            {"into": _("Only sites of the same kind in the same country can be merged.")}
        )
    now = timezone.now()
    Facility.objects.filter(site=site).update(
        site=into, site_link=FacilityLink.CONFIRMED, matched_at=now
    )
    MatchCandidate.objects.filter(site=site, status=CandidateStatus.OPEN).update(
        status=CandidateStatus.WITHDRAWN, decided_by=actor.user, decided_at=now
    )
    # A facility the secretariat said is not `site` is not the merged site either.
    for rejected in MatchCandidate.objects.filter(site=site, status=CandidateStatus.REJECTED):
        MatchCandidate.objects.get_or_create(
            facility_id=rejected.facility_id,
            site=into,
            defaults={
                "status": CandidateStatus.REJECTED,
                "score": rejected.score,
                "decided_by": actor.user,
                "decided_at": now,
            },
        )
    Site.objects.filter(merged_into=site).update(merged_into=into)
    site.merged_into, site.updated_at = into, now
    site.save(update_fields=["merged_into", "updated_at"])
    if not into.os_id and site.os_id:
        into.os_id = site.os_id
        into.save(update_fields=["os_id"])
    _record(actor, MatchAction.MERGED, into, other_site=site)
    audit_record(actor=actor, action="sites_merged", target=into, data={"merged": site.public_id})
    lists_rebuild_queue()
    return into


@transaction.atomic
def site_update(*, actor: Actor, site: Site, os_id: str) -> Site:
    """Record the site's Open Supply Hub ID (empty: none)."""
    require(may_manage_registry(actor))
    os_id = os_id.strip().upper()
    if os_id and not OS_ID.match(os_id):
        raise ValidationError(
            {
                "os_id": _(
                    "An OS ID is two letters and 13 or 14 letters and digits, e.g. CN2019303BQ3FZP."
                )
            }
        )
    site.os_id, site.updated_at = os_id, timezone.now()
    site.save(update_fields=["os_id", "updated_at"])
    audit_record(actor=actor, action="site_updated", target=site)
    return site
