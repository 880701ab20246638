"""The demo's organisations, users and membership data (members.demo seeds them)."""

from __future__ import annotations

from dataclasses import dataclass

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


# Covenant membership per organisation: (member type, employees, revenue in € million,
# establishments, chains, chains from risk countries, signed on, collective via,
# levels as (year, level, decided on) -- decisions before 1 March 2025 are first term).
MEMBERSHIPS: dict[str, tuple] = {
    "Van der Steen Natuursteen B.V.": (
        "full",
        310,
        62,
        3,
        9,
        True,
        "2024-11-12",
        None,
        [
            (2023, 1, "2023-10-02"),
            (2024, 2, "2024-10-15"),
            (2025, 3, "2025-10-20"),
            (2026, 3, "2026-10-14"),
        ],
    ),
    "Graniet Import Nederland B.V.": (
        "full",
        120,
        35,
        2,
        6,
        True,
        "2025-03-20",
        None,
        [(2025, 1, "2025-11-04"), (2026, 2, "2026-10-30")],
    ),
    "Steenhandel De Vries & Zonen": (
        "full",
        18,
        3.2,
        1,
        3,
        True,
        "2025-04-02",
        None,
        [(2025, 2, "2025-11-18"), (2026, 2, "2026-11-02")],
    ),
    "Blauwe Hardsteen Import N.V.": (
        "full",
        85,
        22,
        2,
        4,
        True,
        "2023-06-01",
        None,
        [
            (2023, 3, "2023-09-25"),
            (2024, 3, "2024-09-30"),
            (2025, 3, "2025-09-22"),
            (2026, 3, "2026-09-25"),
        ],
    ),
    "Natuursteen Bakker Oosterhout": (
        "full",
        22,
        4.1,
        1,
        2,
        False,
        "2025-05-15",
        None,
        [(2025, 4, "2025-12-01")],
    ),
    "Hollandia Stone Trading B.V.": (
        "full",
        260,
        75,
        4,
        12,
        True,
        "2022-03-01",
        None,
        [(2023, 2, "2023-10-10"), (2025, 4, "2025-10-08"), (2026, 5, "2026-10-12")],
    ),
    "Vlaamse Steenimport B.V.": (
        "full",
        40,
        9,
        2,
        5,
        True,
        "2025-09-01",
        None,
        [(2026, 1, "2026-10-05")],
    ),
    "Kempen Natuursteen B.V.": ("full", 12, 1.8, 1, 1, True, "2026-02-10", None, []),
    "Mosa Graniet Maastricht": (
        "full",
        55,
        11,
        1,
        3,
        True,
        "2024-05-20",
        None,
        [(2025, 3, "2025-11-11"), (2026, 3, "2026-11-09")],
    ),
    "Zeeuwse Stenen Compagnie": (
        "full",
        30,
        6.5,
        2,
        2,
        False,
        "2025-06-30",
        None,
        [(2025, 2, "2025-12-10")],
    ),
    "Brabant Sierbestrating B.V.": (
        "full",
        75,
        16,
        3,
        7,
        True,
        "2021-09-01",
        None,
        [(2024, 1, "2024-10-01"), (2025, 3, "2025-10-01"), (2026, 3, "2026-10-01")],
    ),
    "Ardenner Leisteen B.V.": ("full", 9, 0.9, 1, 0, False, "2025-10-01", None, []),
    "Steenhouwerij Jansen": (
        "associated",
        14,
        1.6,
        2,
        0,
        False,
        None,
        "Algemene Natuursteen Vereniging",
        [],
    ),
    "Grafmonumenten Peeters": (
        "associated",
        8,
        0.7,
        1,
        0,
        False,
        "2025-04-22",
        "Algemene Natuursteen Vereniging",
        [(2025, 2, "2025-12-05")],
    ),
    "Keukenbladen Noord B.V.": ("associated", 45, 7.5, 3, 2, True, None, None, []),
    "Tuinsteen Centrum Achterhoek": (
        "associated",
        20,
        3.9,
        4,
        0,
        False,
        "2025-08-14",
        None,
        [(2026, 1, "2026-10-21")],
    ),
    "Steenzagerij Limburg": (
        "associated",
        11,
        1.2,
        1,
        0,
        False,
        "2024-12-01",
        "Algemene Natuursteen Vereniging",
        [(2025, 2, "2025-11-20")],
    ),
    "Interieursteen Haarlem": ("associated", 6, 0.6, 1, 0, False, "2025-11-03", None, []),
    "Architectenbureau Groen & Steen": ("supporting", 16, 2.1, 1, 0, False, "2025-05-01", None, []),
    "Stichting Duurzaam Bouwen Vlaanderen": (
        "supporting",
        5,
        0.4,
        1,
        0,
        False,
        "2025-09-15",
        None,
        [],
    ),
    "Gemeente Amsterdam": ("government", None, None, 1, 0, False, "2025-03-01", None, []),
    "Rijkswaterstaat": ("government", None, None, 1, 0, False, "2025-06-12", None, []),
    "Algemene Natuursteen Vereniging": (
        "collective",
        None,
        None,
        1,
        0,
        False,
        "2025-03-01",
        None,
        [],
    ),
}
DELAY_NOTES = {
    "Van der Steen Natuursteen B.V.": "Wij hebben in 2025 twee fabrieken in Rajasthan vervangen "
    "omdat de oude leveranciers niet wilden meewerken; het inzicht in de groeves loopt daardoor "
    "een jaar achter.",
}
PARTIES = {
    "Landelijke India Werkgroep",
    "Stichting Onderzoek Multinationale Ondernemingen",
    "FNV",
    "Algemene Natuursteen Vereniging",
}


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
        "secretariaat-medewerker@trustone.demo",
        "Femke Bakker",
        "Secretariaat TruStone Initiatief",
        "member",
        "secretariat member (neither coordinator nor assessor)",
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
        "rijkswaterstaat@trustone.demo",
        "Anouk Verbeek",
        "Rijkswaterstaat",
        "admin",
        "government buyer (a second government, for the targets)",
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
        "admin",
        "complaints committee (its chair)",
    ),
    DemoUser(
        "stuurgroep@trustone.demo",
        "Joost Smit",
        "Stuurgroep TruStone",
        "member",
        "steering group member",
    ),
    DemoUser(
        "voorzitter-stuurgroep@trustone.demo",
        "Marieke de Boer",
        "Stuurgroep TruStone",
        "admin",
        "steering group chair (records the group's decisions)",
    ),
]
