"""Demo data for `make run`: realistic Dutch and Belgian organisations, one user per role."""

from __future__ import annotations

from django.db import transaction

from trustone.demo import demo_seeders, demo_summaries

from .demo_data import (
    DELAY_NOTES,
    DEMO_PASSWORD,
    DEMO_TOTP_SECRET,
    MEMBERSHIPS,
    ORGANISATIONS,
    PARTIES,
    USERS,
    DemoUser,
)
from .models import Membership, Organisation, User


@transaction.atomic
def seed_demo() -> list[DemoUser]:
    """Create or update the demo organisations and users. Safe to run again."""
    from allauth.mfa.models import Authenticator
    from allauth.mfa.totp.internal.auth import TOTP
    from django.utils.text import slugify

    from trustone.access.mfa import KINDS_WITH_MANDATORY_MFA

    organisations: dict[str, Organisation] = {}
    for name, kind, country, city, number in ORGANISATIONS:
        organisation, _created = Organisation.objects.update_or_create(
            slug=slugify(name)[:80],
            defaults={
                "name": name,
                "kind": kind,
                "country": country,
                "city": city,
                "registration_number": number,
                "is_active": True,
            },
        )
        organisations[name] = organisation

    for demo in USERS:
        user, _created = User.objects.get_or_create(email=demo.email)
        user.full_name = demo.full_name
        user.set_password(DEMO_PASSWORD)
        is_secretariat = organisations[demo.organisation].kind == "secretariat"
        user.is_staff = user.is_superuser = is_secretariat and demo.role == "admin"
        user.save()
        for organisation_name, role in ((demo.organisation, demo.role), *demo.also):
            Membership.objects.update_or_create(
                user=user,
                organisation=organisations[organisation_name],
                defaults={"role": role, "is_active": True},
            )
        needs_totp = organisations[demo.organisation].kind in KINDS_WITH_MANDATORY_MFA
        has_totp = Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
        if needs_totp and not has_totp:
            TOTP.activate(user, DEMO_TOTP_SECRET)
    _seed_memberships(organisations)
    for seeder in demo_seeders:  # the supplier list, the reporting period, assessments …
        seeder(organisations)
    for summary in demo_summaries:  # the annual report, over all of it
        summary(organisations)
    return USERS


def _seed_memberships(organisations: dict[str, Organisation]) -> None:
    """Membership data, declarations (signed on paper and entered by the secretariat),
    levels, one notice and an application to become a party."""
    from datetime import date
    from decimal import Decimal

    from members.models import LevelAssignment
    from trustone.access.actor import Actor

    from .applications import party_application_submit
    from .lifecycle import declaration_sign
    from .models import CovenantMembership, PartyApplication, Termination

    Organisation.objects.filter(name__in=PARTIES).update(is_party=True)
    for name, row in MEMBERSHIPS.items():
        member_type, employees, revenue, establishments, chains, risk, signed, via, levels = row
        organisation = organisations[name]
        CovenantMembership.objects.update_or_create(
            organisation=organisation,
            defaults={
                "member_type": member_type,
                "employees": employees,
                "annual_revenue_eur": Decimal(str(revenue * 1_000_000)) if revenue else None,
                "establishments": establishments,
                "chains": chains,
                "full_due_diligence": risk,
                "collective_via": organisations[via] if via else None,
                "collective_member_count": 120 if member_type == "collective" else None,
                "supplies_public_clients": member_type == "full" and chains > 3,
            },
        )
        if signed and not organisation.declarations.exists():
            signer = User.objects.filter(memberships__organisation=organisation).first()
            signer = signer or User.objects.get(email="secretariaat@trustone.demo")
            declaration_sign(
                actor=Actor(user=signer, organisation=organisation, role="admin"),
                organisation=organisation,
                signer_name="Directie " + name.split()[0],
                signer_function="directeur",
                signed_on=date.fromisoformat(signed),
                language="nl",
                agreed=True,
                recorded_from_paper=True,
            )
        for year, level, decided in levels:
            LevelAssignment.objects.get_or_create(
                organisation=organisation,
                year=year,
                decided_on=date.fromisoformat(decided),
                defaults={
                    "level": level,
                    "explanatory_note": DELAY_NOTES.get(name, "") if year == 2026 else "",
                },
            )
    leaving = organisations["Zeeuwse Stenen Compagnie"]
    if not Termination.objects.filter(organisation=leaving).exists():
        secretary = User.objects.get(email="secretariaat@trustone.demo")
        Termination.objects.create(
            organisation=leaving,
            kind="stopped_trading",
            notice_on=date(2026, 9, 1),
            ends_on=date(2026, 10, 1),
            recorded_by=secretary,
            reason="Het bedrijf is gestopt met de handel in natuursteen.",
        )
        CovenantMembership.objects.filter(organisation=leaving).update(ends_on=date(2026, 10, 1))
    if not PartyApplication.objects.exists():
        party_application_submit(
            organisation_name="Stichting Steenwerkers Zuid-India",
            organisation_kind="ngo",
            country="NL",
            contact_name="Priya Raman",
            contact_email="priya@steenwerkers.example",
            motivation="Wij werken sinds 2015 met steenhouwers in Tamil Nadu en willen onze "
            "kennis van de graniethoeves inbrengen in de dialoog over Zuid-India.",
            added_value="Netwerk van lokale vakbonden in Krishnagiri en Hosur.",
            accepts_criteria=True,
        )


def current_totp_code(secret: str = DEMO_TOTP_SECRET) -> str:
    """The TOTP code an authenticator app would show now for `secret`."""
    import time

    from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value

    return format_hotp_value(hotp_value(secret, int(time.time()) // 30))
