"""The benchmark database: create it, migrate it and fill it with generated data.

Everything the benchmarks create is recognisable: organisation slugs start with `bench-`
and e-mail addresses end in `.bench`. Generation is deterministic (seeded) and idempotent:
a second run with the same BENCH_SCALE reuses what is there, a larger scale adds the
missing organisations, a smaller one removes the surplus. Every step adds only what is
missing, so a database made by an earlier version of the harness is upgraded in place.

To add data, add a step to DATA_STEPS (at the end of this file).
"""

from __future__ import annotations

import random
import sys
import time
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import islice
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from members.models import Organisation, User

BENCH_PASSWORD = "Bench-TruStone-2026"
BENCH_EMAIL = "bench@trustone.bench"
BENCH_COMPANY_SLUG = "bench-company"
BENCH_COMPANY_NAME = "Bench Natuursteen Nederland B.V."
BENCH_COLLEAGUES = 5
ORG_SLUG_PREFIX = "bench-org-"
BATCH_SIZE = 2000
SEED = 20260101

# Weighted like the real portal: mostly member companies, a few of everything else.
# Secretariat, steering group and complaints committee exist once in reality and are
# never generated.
KIND_WEIGHTS = {
    "company": 88,
    "government": 5,
    "ngo": 3,
    "sector_organisation": 2,
    "union": 2,
}
COUNTRY_WEIGHTS = {"NL": 70, "BE": 22, "DE": 5, "XX": 3}
CITIES = {
    "NL": ["Amsterdam", "Rotterdam", "Utrecht", "Tilburg", "Eindhoven", "Kampen", "Maastricht",
           "Groningen", "Zwolle", "Oosterhout", "Haarlem", "Delft", "Vlissingen", "Doetinchem"],
    "BE": ["Antwerpen", "Gent", "Soignies", "Hasselt", "Geel", "Tongeren", "Bertrix", "Leuven"],
    "DE": ["Köln", "Aachen", "Düsseldorf", "Kleve", "Münster"],
    "XX": ["Bangalore", "Xiamen", "Porto", "Carrara", "Istanbul"],
}  # fmt: skip
COMPANY_WORDS = ["Natuursteen", "Graniet", "Steenhandel", "Hardsteen", "Marmer", "Leisteen",
                 "Steenhouwerij", "Sierbestrating", "Keukenbladen", "Tuinsteen", "Grafmonumenten",
                 "Steenzagerij", "Interieursteen", "Stone Trading", "Kwartsiet"]  # fmt: skip
FAMILY_NAMES = ["de Vries", "Jansen", "Bakker", "Visser", "Smit", "Peeters", "Janssens",
                "Maes", "Mulder", "de Boer", "van Dijk", "Bos", "Claes", "Hendriks", "Dekker",
                "van den Berg", "Willems", "Vermeulen", "Meijer", "Goossens"]  # fmt: skip
FIRST_NAMES = ["Anne", "Bram", "Chantal", "Daan", "Els", "Femke", "Geert", "Hanna", "Inge",
               "Joris", "Karin", "Lars", "Marieke", "Noah", "Olga", "Pieter", "Ruben", "Sanne",
               "Tom", "Wouter", "Yara", "Zeynep"]  # fmt: skip
COMPANY_SUFFIXES = ["B.V.", "B.V.", "B.V.", "N.V.", "& Zonen", "VOF", "BV"]
OTHER_NAMES = {
    "government": ["Gemeente {city}", "Provincie {family}", "Waterschap {city}"],
    "ngo": ["Stichting {word} Eerlijk", "Werkgroep {city}", "Stichting {family} Fonds"],
    "sector_organisation": ["Vereniging {word} {city}", "Branchevereniging {word}"],
    "union": ["Bond {word} {city}", "Vakbond {family}"],
}


def log(message: str) -> None:
    print(f"[bench] {message}", file=sys.stderr, flush=True)


def _batched(iterable: Any, size: int) -> Any:
    iterator = iter(iterable)
    while batch := list(islice(iterator, size)):
        yield batch


# --- Database ---------------------------------------------------------------------------


def _server_connection() -> Any:
    """An autocommit connection to the `postgres` database of the configured server."""
    import psycopg
    from django.conf import settings

    db = settings.DATABASES["default"]  # dj_database_url.parse: HOST is the socket path
    return psycopg.connect(
        dbname="postgres",
        host=db.get("HOST") or None,
        port=db.get("PORT") or None,
        user=db.get("USER") or None,
        password=db.get("PASSWORD") or None,
        autocommit=True,
    )


def database_ensure(*, reset: bool = False) -> None:
    """Create the benchmark database if missing (drop it first with reset), then migrate."""
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connections
    from psycopg import sql

    name = settings.DATABASES["default"]["NAME"]
    if name in {"trustone", "postgres"}:
        raise RuntimeError(f"Refusing to benchmark in database {name!r}; use settings.bench.")
    connections.close_all()
    with _server_connection() as server:
        if reset:
            log(f"dropping database {name}")
            server.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
            )
        exists = server.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if not exists:
            log(f"creating database {name}")
            server.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    started = time.monotonic()
    call_command("migrate", interactive=False, verbosity=0, stdout=sys.stderr)
    log(f"migrated {name} in {time.monotonic() - started:.1f} s")


# --- Generated organisations ------------------------------------------------------------


def _weighted(rng: random.Random, weights: dict[str, int]) -> str:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def _registration_number(rng: random.Random, country: str) -> str:
    if country == "NL":
        return f"{rng.randrange(10**7, 10**8)}"
    if country == "BE":
        digits = f"{rng.randrange(10**8, 10**9)}"
        return f"0{digits[:3]}.{digits[3:6]}.{digits[6:]}"
    return ""


def _organisation_name(rng: random.Random, kind: str, city: str) -> str:
    word, family = rng.choice(COMPANY_WORDS), rng.choice(FAMILY_NAMES)
    if kind == "company":
        pattern = rng.choice(["{word} {family}", "{family} {word}", "{word} {city}"])
        pattern += " " + rng.choice(COMPANY_SUFFIXES)
    else:
        pattern = rng.choice(OTHER_NAMES[kind])
    name = pattern.format(word=word, family=family, city=city)
    return name[0].upper() + name[1:]  # "de Vries Natuursteen" starts a name as "De Vries"


def organisation_slug(index: int) -> str:
    return f"{ORG_SLUG_PREFIX}{index:07d}"


def _generated_organisation(index: int, now: Any) -> tuple[Organisation, list[User], list[str]]:
    """Organisation number `index` with its 1–3 users (unsaved) and their roles.
    Seeded per index, so the same index always yields the same organisation."""
    from members.models import Organisation, User

    rng = random.Random(SEED * 1_000_003 + index)
    kind = _weighted(rng, KIND_WEIGHTS)
    country = _weighted(rng, COUNTRY_WEIGHTS)
    city = rng.choice(CITIES[country])
    slug = organisation_slug(index)
    created = now - timedelta(days=rng.randrange(5 * 365), seconds=rng.randrange(86400))
    organisation = Organisation(
        name=_organisation_name(rng, kind, city),
        slug=slug,
        kind=kind,
        country=country,
        city=city,
        registration_number=_registration_number(rng, country) if kind == "company" else "",
        website=f"https://www.{slug}.example" if rng.random() < 0.7 else "",
        is_active=rng.random() < 0.97,
        created_at=created,
    )
    users, roles = [], []
    for number in range(rng.choice([1, 1, 2, 2, 2, 3])):
        first, family = rng.choice(FIRST_NAMES), rng.choice(FAMILY_NAMES)
        users.append(
            User(
                email=f"{first.lower()}.{number}@{slug}.bench",
                full_name=f"{first} {family}",
                language="nl" if country in {"NL", "BE"} else "en",
                date_joined=created,
            )
        )
        roles.append("admin" if number == 0 else "member")
    return organisation, users, roles


def _password_hash() -> str:
    """Hashed once per run (settings.bench uses the MD5 hasher) and shared by all users."""
    from django.contrib.auth.hashers import make_password

    return make_password(BENCH_PASSWORD)


def organisations_generate(scale: int) -> dict[str, int]:
    """Make the database hold exactly `scale` generated organisations (with users)."""
    from django.db import transaction
    from django.utils import timezone

    from members.models import LevelAssignment, Membership, Organisation, User

    generated = Organisation.objects.filter(slug__startswith=ORG_SLUG_PREFIX)
    existing = set(generated.values_list("slug", flat=True))
    surplus = generated.filter(slug__gt=organisation_slug(scale - 1)) if scale else generated
    missing = [index for index in range(scale) if organisation_slug(index) not in existing]
    removed = created = 0
    with transaction.atomic():
        if surplus.exists():
            users = User.objects.filter(
                email__endswith=".bench", memberships__organisation__in=surplus
            )
            User.objects.filter(pk__in=list(users.values_list("pk", flat=True))).delete()
            LevelAssignment.objects.filter(organisation__in=surplus).delete()  # PROTECT
            removed = surplus.delete()[1].get("members.Organisation", 0)
            log(f"removed {removed} generated organisations above scale {scale}")
        if not missing:
            return {"created": 0, "removed": removed}
        password, now = _password_hash(), timezone.now()
        for batch in _batched(missing, BATCH_SIZE):
            rows = [_generated_organisation(index, now) for index in batch]
            Organisation.objects.bulk_create([organisation for organisation, _, _ in rows])
            users = [user for _, people, _ in rows for user in people]
            for user in users:
                user.password = password
            User.objects.bulk_create(users)
            Membership.objects.bulk_create(
                Membership(organisation=organisation, user=user, role=role, created_at=now)
                for organisation, people, roles in rows
                for user, role in zip(people, roles, strict=True)
            )
            created += len(batch)
            log(f"generated {created}/{len(missing)} organisations")
    _analyze(Organisation, User, Membership)  # fresh statistics, as in production
    return {"created": created, "removed": removed}


def _analyze(*models: Any) -> None:
    from django.db import connection

    with connection.cursor() as cursor:
        for model in models:
            cursor.execute(f"ANALYZE {connection.ops.quote_name(model._meta.db_table)}")


# --- Named companies: the logged-in benchmark user and the query-count fixtures ---------


@dataclass(frozen=True)
class Company:
    organisation: Organisation
    admin: User
    members: int


def company_ensure(*, slug: str, name: str, admin_email: str, members: int) -> Company:
    """A company whose admin is `admin_email`, with exactly `members` memberships in all.
    The admin belongs to no other organisation (so the dashboard acts for this one)."""
    from django.db import transaction

    from members.models import Membership, Organisation, User

    password = _password_hash()
    with transaction.atomic():
        organisation, _ = Organisation.objects.update_or_create(
            slug=slug,
            defaults={"name": name, "kind": "company", "country": "NL", "city": "Tilburg",
                      "registration_number": "18099999", "is_active": True},
        )  # fmt: skip
        admin, _ = User.objects.update_or_create(
            email=admin_email,
            defaults={"full_name": "Bench Beheerder", "password": password, "is_active": True},
        )
        Membership.objects.filter(user=admin).exclude(organisation=organisation).delete()
        Membership.objects.update_or_create(
            user=admin, organisation=organisation, defaults={"role": "admin", "is_active": True}
        )
        colleagues = Membership.objects.filter(organisation=organisation).exclude(user=admin)
        wanted = members - 1
        have = colleagues.count()
        if have > wanted:
            surplus = colleagues.order_by("-user__email")[: have - wanted]
            User.objects.filter(memberships__in=list(surplus)).delete()
        elif have < wanted:
            taken = set(colleagues.values_list("user__email", flat=True))
            rng = random.Random(slug)
            users = []
            for number in range(members * 2):
                email = f"collega.{number:05d}@{slug}.bench"
                if email in taken:
                    continue
                first, family = rng.choice(FIRST_NAMES), rng.choice(FAMILY_NAMES)
                users.append(User(email=email, full_name=f"{first} {family}", password=password))
                if len(users) == wanted - have:
                    break
            User.objects.bulk_create(users)
            Membership.objects.bulk_create(
                Membership(organisation=organisation, user=user, role="member") for user in users
            )
    assert Membership.objects.filter(organisation=organisation).count() == members
    return Company(organisation=organisation, admin=admin, members=members)


def bench_company() -> Company:
    """The company of the user that the HTTP benchmarks log in as."""
    return company_ensure(
        slug=BENCH_COMPANY_SLUG,
        name=BENCH_COMPANY_NAME,
        admin_email=BENCH_EMAIL,
        members=1 + BENCH_COLLEAGUES,
    )


def company_with_members(members: int) -> Company:
    """A company with exactly `members` memberships, for query counts at that size."""
    return company_ensure(
        slug=f"bench-members-{members}",
        name=f"Bench Graniet {members} B.V.",
        admin_email=f"bench-members-{members}@trustone.bench",
        members=members,
    )


# --- Covenant memberships and levels of the generated companies -------------------------

# Only levels decided from the start of the covenant's second term are public
# (members.rules.SECOND_TERM_STARTS); written out here so that the listing is checked
# against the rule, not against the code under test.
SECOND_TERM_STARTS = date(2025, 3, 1)
LISTED_TYPES = ("full", "associated")  # the company listing (/members/)
LEVEL_YEARS = (2024, 2025, 2026)
# What becomes of a generated company's covenant membership.
COVENANT_STATUS_WEIGHTS = {"listed": 90, "not_signed": 4, "ended": 4, "leaving": 2}
MEMBER_TYPE_WEIGHTS = {"full": 85, "associated": 15}
FIRST_LEVEL_WEIGHTS = {0: 8, 1: 30, 2: 30, 3: 20, 4: 9, 5: 3}
DELAY_NOTE = "Rapportage over {year} is vertraagd; de beoordeling volgt in {next}."


def _index_of(slug: str) -> int:
    return int(slug.removeprefix(ORG_SLUG_PREFIX))


def _generated_covenant(index: int, today: date) -> dict[str, Any]:
    """The covenant membership of generated company `index` (seeded per index): mostly
    listed; a few not signed yet, a few ended, a few leaving (notice given, end ahead)."""
    rng = random.Random((SEED + 1) * 1_000_003 + index)
    status = _weighted(rng, COVENANT_STATUS_WEIGHTS)
    joined_on = date(2022, 3, 1) + timedelta(days=rng.randrange(4 * 365))
    ends_on = None
    if status == "ended":
        ends_on = today - timedelta(days=rng.randrange(1, 300))
        joined_on = min(joined_on, ends_on - timedelta(days=365))
    elif status == "leaving":
        ends_on = today + timedelta(days=rng.randrange(1, 300))
    employees = rng.choice([2, 5, 8, 12, 20, 35, 60, 120, 250])
    return {
        "member_type": _weighted(rng, MEMBER_TYPE_WEIGHTS),
        "employees": employees,
        "establishments": rng.choice([1, 1, 1, 2, 3]),
        "chains": rng.randrange(0, 15),
        "full_due_diligence": rng.random() < 0.3,
        "supplies_public_clients": rng.random() < 0.4,
        "joined_on": None if status == "not_signed" else joined_on,
        "ends_on": ends_on,
    }


def covenants_generate(scale: int) -> dict[str, int]:
    """A CovenantMembership for every generated company that has none."""
    from django.db import transaction
    from django.utils import timezone

    from members.models import CovenantMembership, Organisation

    missing = Organisation.objects.filter(
        slug__startswith=ORG_SLUG_PREFIX, kind="company", covenant__isnull=True
    ).values_list("pk", "slug")
    today, now = timezone.localdate(), timezone.now()
    created = 0
    with transaction.atomic():
        for batch in _batched(missing.iterator(chunk_size=BATCH_SIZE), BATCH_SIZE):
            CovenantMembership.objects.bulk_create(
                CovenantMembership(
                    organisation_id=pk,
                    created_at=now,
                    **_generated_covenant(_index_of(slug), today),
                )
                for pk, slug in batch
            )
            created += len(batch)
    if created:
        _analyze(CovenantMembership)
    return {"created": created, "removed": 0}


def _level_rows(
    rng: random.Random, joined_on: date, today: date, count: int | None = None
) -> list[tuple[int, int, date]]:
    """(year, level, decided_on) for consecutive years of 2024–2026 from the year after
    joining (1–3 of them). A year's level is decided in that year or early the next;
    decisions before SECOND_TERM_STARTS are the first term's and stay private."""
    first_year = max(LEVEL_YEARS[0], joined_on.year + (joined_on.month > 9))
    years = [year for year in LEVEL_YEARS if year >= first_year]
    count = count if count is not None else rng.choice([1, 2, 2, 3, 3])
    level = _weighted_int(rng, FIRST_LEVEL_WEIGHTS)
    rows = []
    for year in years[:count]:
        decided_on = date(year, 1, 20) + timedelta(days=rng.randrange(300))
        decided_on = min(max(decided_on, joined_on + timedelta(days=30)), today)
        rows.append((year, level, decided_on))
        level = min(5, max(0, level + rng.choice([0, 0, 1, 1, -1])))
    return rows


def _weighted_int(rng: random.Random, weights: dict[int, int]) -> int:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def levels_generate(scale: int) -> dict[str, int]:
    """1–3 LevelAssignments for every generated company that has signed and has none."""
    from django.db import transaction
    from django.utils import timezone

    from members.models import LevelAssignment, Organisation

    missing = Organisation.objects.filter(
        slug__startswith=ORG_SLUG_PREFIX,
        kind="company",
        covenant__joined_on__isnull=False,
        levels__isnull=True,
    ).values_list("pk", "slug", "covenant__joined_on")
    today, now = timezone.localdate(), timezone.now()
    created = 0
    with transaction.atomic():
        for batch in _batched(missing.iterator(chunk_size=BATCH_SIZE), BATCH_SIZE):
            rows = []
            for pk, slug, joined_on in batch:
                rng = random.Random((SEED + 2) * 1_000_003 + _index_of(slug))
                for year, level, decided_on in _level_rows(rng, joined_on, today):
                    note = ""
                    if level >= 3 and rng.random() < 0.08:
                        note = DELAY_NOTE.format(year=year, next=year + 1)
                    rows.append(
                        LevelAssignment(
                            organisation_id=pk,
                            year=year,
                            level=level,
                            decided_on=decided_on,
                            explanatory_note=note,
                            source=rng.choice(["assessment", "assessment", "recorded"]),
                            created_at=now,
                        )
                    )
            LevelAssignment.objects.bulk_create(rows, batch_size=BATCH_SIZE)
            created += len(rows)
    if created:
        _analyze(LevelAssignment)
    return {"created": created, "removed": 0}
