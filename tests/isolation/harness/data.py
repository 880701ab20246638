"""What the cases need in the database: objects to reach, and the state a write changes."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from members.models import (
    CovenantMembership,
    Declaration,
    Invitation,
    Invoice,
    Membership,
    Organisation,
    PartyApplication,
    Termination,
)
from tests.factories import InvitationFactory
from trustone.jobs.models import Job


def _job_of(world: Any, who: str) -> Job:
    user = world.users[who]
    return Job.objects.create(
        kind="audit_export", started_by=user, organisation=user.memberships.first().organisation
    )


def _job_with_file(world: Any, who: str) -> Job:
    from django.core.files.base import ContentFile

    job = _job_of(world, who)
    job.result_file.save("audit.csv", ContentFile(b"when,user\n"), save=False)
    job.status = "succeeded"
    job.save()
    return job


def _switches(world: Any) -> Any:
    from trustone.audit.models import AuditEntry

    return list(
        AuditEntry.objects.filter(action="organisation_switched").values_list(
            "id", "user_id", "organisation_id"
        )
    )


def _api_tokens(world: Any) -> Any:
    from knox.models import AuthToken

    return list(AuthToken.objects.values_list("user_id", "digest").order_by("user_id", "digest"))


def _token_of_company_member(world: Any) -> Membership:
    """company_member's membership, with an API token to revoke."""
    from knox.models import AuthToken

    AuthToken.objects.create(user=world.users["company_member"])
    return Membership.objects.get(user=world.users["company_member"])


def _covenant(world: Any, signed: bool = True) -> CovenantMembership:
    from datetime import date

    return CovenantMembership.objects.get_or_create(
        organisation=world.organisations["company"],
        defaults={
            "member_type": "full",
            "employees": 40,
            "chains": 3,
            "full_due_diligence": True,
            "joined_on": date(2024, 1, 15) if signed else None,
        },
    )[0]


def _every_company_signed(world: Any) -> None:
    """Each company of the world a signed member since 2024: endpoints that act on the
    actor's own membership then work for each of them."""
    from datetime import date

    for key in ("company", "other_company", "associated_company"):
        CovenantMembership.objects.update_or_create(
            organisation=world.organisations[key],
            defaults={"joined_on": date(2024, 1, 15)},
            create_defaults={"member_type": "full", "joined_on": date(2024, 1, 15)},
        )


def _declaration(world: Any) -> Declaration:
    from datetime import date

    from django.core.files.base import ContentFile

    _covenant(world)
    declaration = Declaration(
        organisation=world.organisations["company"],
        chapter="D",
        language="nl",
        signer_name="Eva",
        signer_function="directeur",
        signed_on=date(2024, 1, 15),
        signed_by=world.users["company_admin"],
        text_sha256="0" * 64,
    )
    declaration.pdf.save("d.pdf", ContentFile(b"%PDF-1.4 test"), save=False)
    declaration.save()
    return declaration


def _invoice(world: Any) -> Invoice:
    from datetime import date

    from django.core.files.base import ContentFile

    invoice = Invoice(
        number="TS-2026-00001",
        organisation=world.organisations["company"],
        year=2026,
        issued_on=date(2026, 1, 31),
        member_type="full",
        amount="1600.00",
        tariff_valid_from=date(2025, 3, 1),
    )
    invoice.pdf.save("i.pdf", ContentFile(b"%PDF-1.4 test"), save=False)
    invoice.save()
    return invoice


def _application(world: Any) -> PartyApplication:
    return PartyApplication.objects.create(
        organisation_name="Steenwerkers",
        organisation_kind="ngo",
        country="NL",
        contact_name="Priya",
        contact_email="priya@example.nl",
        motivation="Graag",
        accepts_criteria=True,
    )


def _covenants(world: Any) -> Any:
    return CovenantMembership.objects.values_list(
        "id", "member_type", "employees", "joined_on", "ends_on"
    ).order_by("id")


def _terminations(world: Any) -> Any:
    return Termination.objects.values_list("id", "ends_on").order_by("id")


def _levels(world: Any) -> Any:
    from members.models import LevelAssignment

    return LevelAssignment.objects.values_list("id", "level").order_by("id")


def _declarations(world: Any) -> Any:
    return Declaration.objects.values_list("id", "signed_on").order_by("id")


def _applications(world: Any) -> Any:
    return PartyApplication.objects.values_list("id", "status").order_by("id")


def _facility(world: Any, kind: str = "factory") -> Any:
    from supplychain.models import Facility

    return Facility.objects.create(
        organisation=world.organisations["company"],
        kind=kind,
        name="Rajasthan Sandstone Works",
        country="IN",
        address="RIICO Industrial Area, Kota",
    )


def _chain(world: Any) -> Any:
    from supplychain.models import Chain

    return Chain.objects.create(
        organisation=world.organisations["company"],
        product="Kandla Grey",
        factory=_facility(world),
        volume_eur="125000.00",
    )


def _upload(world: Any) -> Any:
    from supplychain.models import SupplierListUpload

    return SupplierListUpload.objects.create(
        organisation=world.organisations["company"],
        uploaded_by=world.users["company_admin"],
        filename="lijst.csv",
        content=b"product;fabriek_naam;fabriek_land\nKandla;Mill;IN\n",
    )


def _supplier_list(world: Any) -> Any:
    from supplychain.models import Chain, Facility

    return [
        list(Facility.objects.values_list("id", "name", "latitude").order_by("id")),
        list(Chain.objects.values_list("id", "product", "volume_eur").order_by("id")),
    ]


IMPORTER_DATA = {"name": "Andere importeur", "has_policy": "on", "themes": ["child_labour"]}


def _state(*querysets: Callable[[Any], Any]) -> Callable[[Any], Any]:
    return lambda world: [list(q(world)) for q in querysets]


def _invitation(world: Any) -> Invitation:
    return InvitationFactory(organisation=world.organisations["company"])


def _member_membership(world: Any) -> Membership:
    return Membership.objects.get(user=world.users["company_member"])


def _organisations(world: Any) -> Any:
    return Organisation.objects.values_list("id", "name", "kind").order_by("id")


def _invitations(world: Any) -> Any:
    return Invitation.objects.values_list("id", "email", "revoked_at").order_by("id")


def _memberships(world: Any) -> Any:
    return Membership.objects.values_list("id", "role", "is_active").order_by("id")


def _jobs(world: Any) -> Any:
    return Job.objects.values_list("id", "status").order_by("id")
