"""Demo data for `make run`: realistic Dutch and Belgian organisations, one user per role."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction

from .models import Membership, Organisation, User

DEMO_PASSWORD = "TruStone-demo-2026"
# The demo TOTP secret (base32) shared by the demo users who must use two-factor login.
# Add it to an authenticator app, or run `python manage.py demo_totp`.
DEMO_TOTP_SECRET = "JBSWY3DPEHPK3PXPTRUSTONEDEMO2345"

# (name, kind, country, city, registration number)
ORGANISATIONS: list[tuple[str, str, str, str, str]] = [
    ("Secretariaat TruStone Initiatief", "secretariat", "NL", "Den Haag", ""),
    ("Stuurgroep TruStone", "steering_group", "NL", "Den Haag", ""),
    ("Klachten- en Geschillencommissie TruStone", "complaints_committee", "NL", "Den Haag", ""),
    # Full members (importers), large to small.
    ("Van der Steen Natuursteen B.V.", "company", "NL", "Tilburg", "18034567"),
    ("Graniet Import Nederland B.V.", "company", "NL", "Rotterdam", "24187654"),
    ("Steenhandel De Vries & Zonen", "company", "NL", "Kampen", "05091234"),
    ("Blauwe Hardsteen Import N.V.", "company", "BE", "Soignies", "0401.234.567"),
    ("Natuursteen Bakker Oosterhout", "company", "NL", "Oosterhout", "20045678"),
    ("Hollandia Stone Trading B.V.", "company", "NL", "Amsterdam", "33212121"),
    ("Vlaamse Steenimport B.V.", "company", "BE", "Antwerpen", "0455.678.901"),
    ("Kempen Natuursteen B.V.", "company", "BE", "Geel", "0467.890.123"),
    ("Mosa Graniet Maastricht", "company", "NL", "Maastricht", "14056789"),
    ("Zeeuwse Stenen Compagnie", "company", "NL", "Vlissingen", "22034455"),
    ("Brabant Sierbestrating B.V.", "company", "NL", "Eindhoven", "17098765"),
    ("Ardenner Leisteen B.V.", "company", "BE", "Bertrix", "0478.123.456"),
    # Associated members (processors, retailers) and a supporting member.
    ("Steenhouwerij Jansen", "company", "NL", "Utrecht", "30067890"),
    ("Grafmonumenten Peeters", "company", "BE", "Hasselt", "0499.321.654"),
    ("Keukenbladen Noord B.V.", "company", "NL", "Groningen", "02076543"),
    ("Tuinsteen Centrum Achterhoek", "company", "NL", "Doetinchem", "09087654"),
    ("Steenzagerij Limburg", "company", "BE", "Tongeren", "0412.987.654"),
    ("Interieursteen Haarlem", "company", "NL", "Haarlem", "34098712"),
    ("Architectenbureau Groen & Steen", "company", "NL", "Delft", "27065432"),
    ("Stichting Duurzaam Bouwen Vlaanderen", "company", "BE", "Gent", "0433.555.777"),
    # NGOs, union, governments, sector organisation.
    ("Landelijke India Werkgroep", "ngo", "NL", "Utrecht", ""),
    ("Stichting Onderzoek Multinationale Ondernemingen", "ngo", "NL", "Amsterdam", ""),
    ("FNV", "union", "NL", "Utrecht", ""),
    ("Gemeente Amsterdam", "government", "NL", "Amsterdam", ""),
    ("Rijkswaterstaat", "government", "NL", "Utrecht", ""),
    ("Algemene Natuursteen Vereniging", "sector_organisation", "NL", "Utrecht", ""),
]


@dataclass(frozen=True)
class DemoUser:
    email: str
    full_name: str
    organisation: str
    role: str
    description: str
    also: tuple[tuple[str, str], ...] = ()


USERS: list[DemoUser] = [
    DemoUser(
        "secretariaat@trustone.demo",
        "Sanne de Boer",
        "Secretariaat TruStone Initiatief",
        "admin",
        "secretariat officer (coordinator)",
    ),
    DemoUser(
        "beoordelaar@trustone.demo",
        "Pieter Hendriks",
        "Secretariaat TruStone Initiatief",
        "assessor",
        "secretariat assessor",
    ),
    DemoUser(
        "bedrijf@trustone.demo",
        "Eva van der Steen",
        "Van der Steen Natuursteen B.V.",
        "admin",
        "company admin (also member of a second company)",
        also=(("Graniet Import Nederland B.V.", "member"),),
    ),
    DemoUser(
        "medewerker@trustone.demo",
        "Daan Bakker",
        "Van der Steen Natuursteen B.V.",
        "member",
        "company user",
    ),
    DemoUser(
        "geassocieerd@trustone.demo",
        "Lotte Jansen",
        "Steenhouwerij Jansen",
        "admin",
        "associated member admin",
    ),
    DemoUser(
        "ngo@trustone.demo",
        "Meera Kapoor",
        "Landelijke India Werkgroep",
        "member",
        "NGO researcher",
    ),
    DemoUser("vakbond@trustone.demo", "Kees Visser", "FNV", "member", "union officer"),
    DemoUser(
        "overheid@trustone.demo", "Ilse Mulder", "Gemeente Amsterdam", "admin", "municipal buyer"
    ),
    DemoUser(
        "branche@trustone.demo",
        "Bram de Wit",
        "Algemene Natuursteen Vereniging",
        "admin",
        "sector organisation",
    ),
    DemoUser(
        "commissie@trustone.demo",
        "Fatima El Amrani",
        "Klachten- en Geschillencommissie TruStone",
        "member",
        "complaints committee",
    ),
    DemoUser(
        "stuurgroep@trustone.demo",
        "Joost Smit",
        "Stuurgroep TruStone",
        "member",
        "steering group member",
    ),
]


@transaction.atomic
def seed_demo() -> list[DemoUser]:
    """Create or update the demo organisations and users. Safe to run again."""
    from allauth.mfa.models import Authenticator
    from allauth.mfa.totp.internal.auth import TOTP
    from django.utils.text import slugify

    from .rules import KINDS_WITH_MANDATORY_MFA

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
    return USERS


def current_totp_code(secret: str = DEMO_TOTP_SECRET) -> str:
    """The TOTP code an authenticator app would show now for `secret`."""
    import time

    from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value

    return format_hotp_value(hotp_value(secret, int(time.time()) // 30))
