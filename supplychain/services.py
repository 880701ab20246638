"""Writes of the supplier list: one facility or chain at a time, or a whole upload."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from trustone.access.actor import Actor
from trustone.audit.services import audit_record

from .models import Chain, Facility
from .selectors import may_edit_supplier_list


def _check(actor: Actor, organisation: Any) -> None:
    if not may_edit_supplier_list(actor, organisation):
        raise PermissionDenied


@transaction.atomic
def facility_save(
    *, actor: Actor, organisation: Any, facility: Facility | None = None, **fields: Any
) -> Facility:
    """Add a facility to the actor's own supplier list, or change one."""
    _check(actor, organisation)
    created = facility is None
    facility = facility or Facility(organisation=organisation)
    for name, value in fields.items():
        setattr(facility, name, value)
    facility.updated_at, facility.updated_by = timezone.now(), actor.user
    facility.full_clean()
    facility.save()
    audit_record(
        actor=actor, action="facility_created" if created else "facility_updated", target=facility
    )
    return facility


@transaction.atomic
def facility_delete(*, actor: Actor, facility: Facility) -> None:
    """Remove a facility that no chain uses any more."""
    _check(actor, facility.organisation)
    if Chain.objects.filter(Q(factory=facility) | Q(quarry=facility)).exists():
        raise ValidationError(
            _("%(name)s is still part of a chain. Change or remove those chains first.")
            % {"name": facility.name}
        )
    audit_record(actor=actor, action="facility_deleted", target=facility)
    facility.delete()


@transaction.atomic
def chain_save(
    *, actor: Actor, organisation: Any, chain: Chain | None = None, **fields: Any
) -> Chain:
    """Add a chain to the actor's own supplier list, or change one."""
    _check(actor, organisation)
    for role, kind in (("factory", "factory"), ("quarry", "quarry")):
        facility = fields.get(role)
        if facility is not None and (
            facility.organisation_id != organisation.pk or facility.kind != kind
        ):
            raise ValidationError({role: _("Choose one of your own facilities of this kind.")})
    created = chain is None
    chain = chain or Chain(organisation=organisation)
    for name, value in fields.items():
        setattr(chain, name, value)
    chain.updated_at, chain.updated_by = timezone.now(), actor.user
    chain.full_clean()
    chain.save()
    audit_record(actor=actor, action="chain_created" if created else "chain_updated", target=chain)
    return chain


@transaction.atomic
def chain_delete(*, actor: Actor, chain: Chain) -> None:
    _check(actor, chain.organisation)
    audit_record(actor=actor, action="chain_deleted", target=chain)
    chain.delete()


@transaction.atomic
def supplier_list_import(*, actor: Actor, organisation: Any, chains: list[Any]) -> int:
    """Replace the company's chains, factories and quarries by those of a validated file
    (other links stay). All or nothing; returns the number of chains."""
    from .upload import FacilityRow

    _check(actor, organisation)
    now = timezone.now()
    Chain.objects.filter(organisation=organisation).delete()
    Facility.objects.filter(organisation=organisation, kind__in=["factory", "quarry"]).delete()
    created: dict[tuple[str, tuple[str, str, str]], Facility] = {}

    def facility(kind: str, row: FacilityRow | None) -> Facility | None:
        if row is None:
            return None
        key = (kind, row.key())
        if key not in created:
            created[key] = Facility(
                organisation=organisation,
                kind=kind,
                name=row.name,
                address=row.address,
                place=row.place,
                country=row.country,
                latitude=row.latitude,
                longitude=row.longitude,
                updated_at=now,
                updated_by=actor.user,
            )
        return created[key]

    pending = [
        (row, facility("factory", row.factory), facility("quarry", row.quarry)) for row in chains
    ]
    Facility.objects.bulk_create(list(created.values()), batch_size=1000)
    Chain.objects.bulk_create(
        [
            Chain(
                organisation=organisation,
                product=row.product,
                factory=factory,
                quarry=quarry,
                extraction_country=row.extraction_country,
                processing_country=row.processing_country,
                volume_eur=row.volume_eur,
                is_circular=row.is_circular,
                updated_at=now,
                updated_by=actor.user,
            )
            for row, factory, quarry in pending
        ],
        batch_size=1000,
    )
    audit_record(
        actor=actor,
        action="supplier_list_imported",
        target=organisation,
        data={"chains": len(chains), "facilities": len(created)},
    )
    return len(chains)


def supplier_list_upload_store(
    *, actor: Actor, organisation: Any, filename: str, content: bytes
) -> Any:
    """Keep a validated file until the user confirms it."""
    from .models import SupplierListUpload

    _check(actor, organisation)
    return SupplierListUpload.objects.create(
        organisation=organisation,
        uploaded_by=actor.user,
        filename=filename[:200],
        content=content,
    )


@transaction.atomic
def supplier_list_upload_confirm(*, actor: Actor, upload: Any) -> int:
    """Import a kept file after validating it again; refuses a file used before."""
    from .models import SupplierListUpload
    from .upload import UnreadableFile, read_rows, validate_rows

    upload = SupplierListUpload.objects.select_for_update().get(pk=upload.pk)
    if upload.imported_at is not None:
        raise ValidationError(_("This file has already been imported."))
    try:
        validation = validate_rows(read_rows(upload.filename, bytes(upload.content)))
    except UnreadableFile as error:
        raise ValidationError(str(error)) from error
    if not validation.is_valid:
        raise ValidationError([str(problem) for problem in validation.problems[:20]])
    count = supplier_list_import(
        actor=actor, organisation=upload.organisation, chains=validation.chains
    )
    upload.imported_at = timezone.now()
    upload.save(update_fields=["imported_at"])
    return count
