"""Writes of the supplier list: one facility or chain at a time, or a whole upload."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F, ProtectedError, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from trustone.access.actor import Actor
from trustone.audit.services import audit_record
from trustone.services import model_update

from .models import Chain, Facility
from .references import facilities_referenced
from .rules import chain_identity, facility_identity
from .selectors import may_edit_supplier_list

#: What a company may set on its facilities and chains (the form, the API, the upload).
EDITABLE_FACILITY_FIELDS = ("kind", "name", "address", "place", "country", "latitude", "longitude")
EDITABLE_CHAIN_FIELDS = (
    "product",
    "factory",
    "quarry",
    "extraction_country",
    "processing_country",
    "volume_eur",
    "is_circular",
)


def _identity(facility: Facility) -> tuple[Any, ...]:
    return (
        facility.kind,
        facility.name,
        facility.address,
        facility.place,
        str(facility.country),
        facility.latitude,
        facility.longitude,
    )


def _identity_stored(pk: int) -> tuple[Any, ...] | None:
    """The identity as stored (a form may have changed the instance already)."""
    stored = Facility.objects.filter(pk=pk).first()
    return None if stored is None else _identity(stored)


def _registry_link_reconsider(facility: Facility) -> None:
    """A facility whose name, place or kind changed is matched again: an automatic or
    new link is undone (the next matching run decides), and a facility that is no longer
    a factory or quarry leaves the registry. A link the secretariat confirmed stays for a
    factory or quarry: the coordinator decided on this facility, not on its spelling."""
    from .models import FacilityKind, FacilityLink

    still_a_site = facility.kind in (FacilityKind.FACTORY, FacilityKind.QUARRY)
    if facility.site_link == FacilityLink.CONFIRMED and still_a_site:
        return
    Facility.objects.filter(pk=facility.pk).update(site=None, site_link="", matched_at=None)
    facility.site, facility.site_link, facility.matched_at = None, "", None


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
    before = None if facility is None else _identity_stored(facility.pk)
    facility, _changed = model_update(
        facility or Facility(organisation=organisation),
        fields=EDITABLE_FACILITY_FIELDS,
        data=fields,
        user=actor.user,
    )
    if before is not None and before != _identity(facility):
        _registry_link_reconsider(facility)
    audit_record(
        actor=actor, action="facility_created" if created else "facility_updated", target=facility
    )
    return facility


@transaction.atomic
def facility_delete(*, actor: Actor, facility: Facility) -> None:
    """Remove a facility that no chain uses any more; one that a plan of action or a
    submitted report refers to is archived instead (it keeps its id)."""
    _check(actor, facility.organisation)
    if Chain.objects.filter(Q(factory=facility) | Q(quarry=facility)).exists():
        raise ValidationError(
            _("%(name)s is still part of a chain. Change or remove those chains first.")
            % {"name": facility.name}
        )
    archived = _remove_facilities(facility.organisation, [facility], timezone.now())
    audit_record(
        actor=actor,
        action="facility_archived" if archived else "facility_deleted",
        target=facility,
    )


def _remove_facilities(organisation: Any, facilities: list[Facility], now: Any) -> list[int]:
    """Delete the facilities, archiving those something refers to: what a higher app
    registered (references.py) or a protecting foreign key says. Returns the archived ids."""
    referenced = facilities_referenced(organisation, [f.pk for f in facilities])
    deletable = [f.pk for f in facilities if f.pk not in referenced]
    try:
        with transaction.atomic():
            Facility.objects.filter(pk__in=deletable).delete()
    except ProtectedError:
        for pk in deletable:  # one at a time, to learn which are protected
            try:
                with transaction.atomic():
                    Facility.objects.filter(pk=pk).delete()
            except ProtectedError:
                referenced.add(pk)
    Facility.objects.filter(pk__in=referenced).update(archived_at=now)
    return sorted(referenced)


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
    chain, _changed = model_update(
        chain or Chain(organisation=organisation),
        fields=EDITABLE_CHAIN_FIELDS,
        data=fields,
        user=actor.user,
    )
    audit_record(actor=actor, action="chain_created" if created else "chain_updated", target=chain)
    return chain


@transaction.atomic
def chain_delete(*, actor: Actor, chain: Chain) -> None:
    _check(actor, chain.organisation)
    audit_record(actor=actor, action="chain_deleted", target=chain)
    chain.delete()


#: What an upload compares and sets on the facilities and chains it keeps.
FACILITY_FIELDS = ("name", "address", "place", "country", "latitude", "longitude")
CHAIN_FIELDS = ("product", "extraction_country", "processing_country", "volume_eur", "is_circular")


@transaction.atomic
def supplier_list_import(*, actor: Actor, organisation: Any, chains: list[Any]) -> int:
    """Bring the company's chains, factories and quarries in line with a validated file
    (other links stay). A facility or chain still on the list keeps its id (identity:
    rules.facility_identity and rules.chain_identity) and takes the file's spelling; one
    no longer on it is deleted, or archived when a plan of action or a submitted report
    refers to it; an archived facility listed again comes back. All or nothing; returns
    the number of chains. For the company's own users."""
    _check(actor, organisation)
    now = timezone.now()
    facilities = _FacilityMatcher(organisation, actor, now)
    pending = [
        (row, facilities.match("factory", row.factory), facilities.match("quarry", row.quarry))
        for row in chains
    ]
    facilities.save()

    existing: dict[tuple[Any, ...], list[Chain]] = {}
    for chain in Chain.objects.select_for_update().filter(organisation=organisation).order_by("pk"):
        key = chain_identity(
            product=chain.product,
            factory=chain.factory_id,
            quarry=chain.quarry_id,
            extraction_country=str(chain.extraction_country or ""),
            processing_country=str(chain.processing_country or ""),
        )
        existing.setdefault(key, []).append(chain)
    new_chains, changed_chains = [], []
    for row, factory, quarry in pending:
        values = {
            "product": row.product,
            "extraction_country": row.extraction_country,
            "processing_country": row.processing_country,
            "volume_eur": row.volume_eur,
            "is_circular": row.is_circular,
        }
        key = chain_identity(
            product=row.product,
            factory=factory.pk if factory else None,
            quarry=quarry.pk if quarry else None,
            extraction_country=row.extraction_country,
            processing_country=row.processing_country,
        )
        matches = existing.get(key)
        if matches:
            chain = matches.pop(0)
            if _assign(chain, values):
                chain.updated_at, chain.updated_by = now, actor.user
                changed_chains.append(chain)
        else:
            new_chains.append(
                Chain(
                    organisation=organisation,
                    factory=factory,
                    quarry=quarry,
                    updated_at=now,
                    updated_by=actor.user,
                    **values,
                )
            )
    gone_chains = [chain.pk for chains_left in existing.values() for chain in chains_left]
    Chain.objects.filter(pk__in=gone_chains).delete()
    Chain.objects.bulk_update(
        changed_chains, [*CHAIN_FIELDS, "updated_at", "updated_by"], batch_size=1000
    )
    Chain.objects.bulk_create(new_chains, batch_size=1000)
    archived = facilities.remove_gone()
    audit_record(
        actor=actor,
        action="supplier_list_imported",
        target=organisation,
        data={
            "chains": len(chains),
            "chains_created": len(new_chains),
            "chains_removed": len(gone_chains),
            "facilities": len(facilities.listed),
            "facilities_created": len(facilities.created),
            "facilities_removed": len(facilities.gone) - len(archived),
            "facilities_archived": archived,
        },
    )
    return len(chains)


def _assign(instance: Any, values: dict[str, Any]) -> bool:
    """Set the values that differ; True when any did."""
    changed = False
    for name, value in values.items():
        current = getattr(instance, name)
        if hasattr(current, "code"):  # a django-countries Country
            current = current.code or ""
        if current != value:
            setattr(instance, name, value)
            changed = True
    return changed


class _FacilityMatcher:
    """The company's factories and quarries matched to the rows of an upload by identity
    (active ones first, then archived ones, which a match brings back)."""

    KINDS = ("factory", "quarry")

    def __init__(self, organisation: Any, actor: Actor, now: Any) -> None:
        self.organisation, self.actor, self.now = organisation, actor, now
        self.existing = list(
            Facility.objects.select_for_update()
            .filter(organisation=organisation, kind__in=self.KINDS)
            .order_by(F("archived_at").asc(nulls_first=True), "pk")
        )
        self.by_name: dict[Any, Facility] = {}
        self.by_coordinates: dict[Any, Facility] = {}
        for facility in self.existing:
            self._index(facility)
        self.listed: dict[int, Facility] = {}  # id() → facility, in the file's order
        self.created: list[Facility] = []
        self.changed: list[Facility] = []
        self.gone: list[Facility] = []

    def _index(self, facility: Facility) -> None:
        identity = facility_identity(
            kind=facility.kind,
            name=facility.name,
            place=facility.place,
            country=str(facility.country or ""),
            latitude=facility.latitude,
            longitude=facility.longitude,
        )
        self.by_name.setdefault(identity.by_name, facility)
        if identity.by_coordinates is not None:
            self.by_coordinates.setdefault(identity.by_coordinates, facility)

    def match(self, kind: str, row: Any) -> Facility | None:
        if row is None:
            return None
        identity = facility_identity(
            kind=kind,
            name=row.name,
            place=row.place,
            country=row.country,
            latitude=row.latitude,
            longitude=row.longitude,
        )
        facility = self.by_name.get(identity.by_name)
        if facility is None and identity.by_coordinates is not None:
            facility = self.by_coordinates.get(identity.by_coordinates)
        values = {name: getattr(row, name) for name in FACILITY_FIELDS}
        if facility is None:
            facility = Facility(
                organisation=self.organisation,
                kind=kind,
                updated_at=self.now,
                updated_by=self.actor.user,
                **values,
            )
            self.created.append(facility)
            self._index(facility)  # later rows of the file find it too
        elif id(facility) not in self.listed and facility.pk is not None:
            # The first row that names it gives its spelling; later rows only refer to it.
            before = _identity(facility)
            changed = _assign(facility, values)
            if changed and before != _identity(facility) and facility.site_link != "confirmed":
                # Spelt otherwise: the registry matches it afresh (see facility_save).
                facility.site, facility.site_link, facility.matched_at = None, "", None
            if facility.archived_at is not None:
                facility.archived_at, changed = None, True
            if changed:
                facility.updated_at, facility.updated_by = self.now, self.actor.user
                self.changed.append(facility)
                self._index(facility)
        self.listed[id(facility)] = facility
        return facility

    def save(self) -> None:
        """Write new and changed facilities (before the chains that use them)."""
        Facility.objects.bulk_update(
            self.changed,
            [
                *FACILITY_FIELDS,
                "archived_at",
                "updated_at",
                "updated_by",
                "site",
                "site_link",
                "matched_at",
            ],
            batch_size=1000,
        )
        Facility.objects.bulk_create(self.created, batch_size=1000)

    def remove_gone(self) -> list[int]:
        """Delete or archive the active facilities no longer on the list (after the
        chains that used them are gone). Returns the archived ids."""
        self.gone = [f for f in self.existing if f.archived_at is None and id(f) not in self.listed]
        return _remove_facilities(self.organisation, self.gone, self.now)


def supplier_list_upload_store(
    *, actor: Actor, organisation: Any, filename: str, content: bytes
) -> Any:
    """Keep a validated file until the user confirms it."""
    from .models import SupplierListUpload

    _check(actor, organisation)
    return SupplierListUpload.objects.create(
        organisation=organisation,
        uploaded_by=actor.person,
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
