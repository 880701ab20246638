"""Reads of supplier lists. A company's facilities, chains and volumes are seen only by
that company's users and the secretariat (competition-sensitive, DOMAIN §5)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.db.models import Q, QuerySet

from trustone.access.actor import Actor
from trustone.access.errors import NotFound

from .models import Chain, Facility
from .rules import facility_is_identified, insight_percentages


def may_see_supplier_list(actor: Actor, organisation: Any) -> bool:
    """The company's own users and the secretariat's administrators; an assessor reads
    the frozen list in the report it is granted, never the live one."""
    return actor.is_secretariat_admin or (
        actor.acts_for(organisation) and actor.organisation_kind == "company"
    )


def may_edit_supplier_list(actor: Actor, organisation: Any) -> bool:
    """The company's own users edit their list; the secretariat only reads it."""
    return actor.acts_for(organisation) and actor.organisation_kind == "company"


def facilities_of(
    actor: Actor, organisation: Any, *, including: int | None = None
) -> QuerySet[Facility]:
    """The company's working list of facilities (archived ones left out, except the one
    `including` names: the facility a risk already refers to stays selectable there);
    for the company's users and the secretariat."""
    if organisation is None or not may_see_supplier_list(actor, organisation):
        return Facility.objects.none()
    current = Q(archived_at__isnull=True)
    if including is not None:
        current |= Q(pk=including)
    return Facility.objects.filter(current, organisation=organisation).select_related("updated_by")


def chains_of(actor: Actor, organisation: Any) -> QuerySet[Chain]:
    if organisation is None or not may_see_supplier_list(actor, organisation):
        return Chain.objects.none()
    return Chain.objects.filter(organisation=organisation).select_related(
        "factory", "quarry", "updated_by"
    )


def access_facility(actor: Actor, facility_id: int) -> Facility:
    """A facility of the actor's own company, for editing; not found otherwise."""
    facility = (
        Facility.objects.select_related("organisation")
        .filter(pk=facility_id, archived_at__isnull=True)
        .first()
    )
    if facility is None or not may_edit_supplier_list(actor, facility.organisation):
        raise NotFound
    return facility


def access_chain(actor: Actor, chain_id: int) -> Chain:
    """A chain of the actor's own company, for editing; not found otherwise."""
    chain = (
        Chain.objects.select_related("organisation", "factory", "quarry")
        .filter(pk=chain_id)
        .first()
    )
    if chain is None or not may_edit_supplier_list(actor, chain.organisation):
        raise NotFound
    return chain


def is_identified(facility: Facility | None) -> bool:
    if facility is None:
        return False
    return facility_is_identified(
        name=facility.name,
        address=facility.address,
        latitude=facility.latitude,
        longitude=facility.longitude,
    )


def chain_insight_rows(chains: Any) -> list[dict[str, Any]]:
    """The chains as the insight rule reads them."""
    return [
        {
            "volume": chain.volume_eur,
            "factory_known": is_identified(chain.factory),
            "quarry_known": is_identified(chain.quarry),
            "is_circular": chain.is_circular,
        }
        for chain in chains
    ]


def insight_of(chains: Any) -> tuple[Decimal, Decimal]:
    """(factory %, quarry %) of already loaded chains (factory and quarry selected)."""
    return insight_percentages(chain_insight_rows(chains))


def access_upload(actor: Actor, upload_id: int) -> Any:
    """A pending upload of the actor's own company; not found otherwise."""
    from .models import SupplierListUpload

    upload = SupplierListUpload.objects.select_related("organisation").filter(pk=upload_id).first()
    if upload is None or not may_edit_supplier_list(actor, upload.organisation):
        raise NotFound
    return upload
