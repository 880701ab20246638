"""The listing fixtures of the query-count benchmarks: exactly `rows` listed companies,
and what the public company listing should show."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    pass

from .data import BATCH_SIZE, CITIES, COMPANY_WORDS, LISTED_TYPES, SECOND_TERM_STARTS, log

# --- Listing fixtures: exactly `rows` listed companies, found by a name token ----------

LISTING_FIXTURE_ROWS = (100, 1000)  # the sizes of queries:listing@<rows>
LISTING_FILTER = {"country": "DE", "level": "3"}  # half of each fixture matches this
# The other half: listed, but each misses the filter in one way (current level shown).
LISTING_DISTRACTORS = (
    ("BE", [(2025, 3)]),  # other country
    ("DE", [(2025, 3), (2026, 4)]),  # was 3, now 4
    ("DE", [(2024, 3)]),  # 3 only in the first term: not public, no current level
    ("DE", []),  # not assessed yet
    ("XX", [(2024, 2), (2025, 3)]),  # other country
    ("DE", [(2025, 2)]),  # other level
)
LISTING_MATCHES = (  # DE, current public level 3 (some with hidden first-term levels)
    [(2025, 3)],
    [(2024, 2), (2025, 3)],
    [(2025, 2), (2026, 3)],
    [(2024, 3), (2025, 2), (2026, 3)],
)
# Not listed at all, though named with the token: must not be counted or shown.
LISTING_UNLISTED = ("not_signed", "ended", "supporting", "joins_later")


@dataclass(frozen=True)
class ListingFixture:
    rows: int  # listed companies whose name contains `token`
    token: str  # the listing's name search (`q`) that finds exactly these
    first_name: str  # the first of them by name
    matching: int  # how many of them LISTING_FILTER keeps
    first_matching_name: str


def _fixture_name(rows: int, number: int) -> str:
    return f"Benchlijst-{rows}/{number:05d} {COMPANY_WORDS[number % len(COMPANY_WORDS)]} B.V."


def listing_fixture(rows: int) -> ListingFixture:
    """`rows` listed companies named "Benchlijst-<rows>/<number> …" (the token ends in a
    slash, so 100's does not find 1000's), with covenant memberships and levels, plus
    a few companies with the token that are not listed. Even numbers match
    LISTING_FILTER, odd ones are LISTING_DISTRACTORS. Created once; recreated if the
    set is incomplete."""
    from django.db import transaction
    from django.utils import timezone

    from members.models import CovenantMembership, LevelAssignment, Organisation

    if rows % 2:
        raise ValueError("listing fixtures have an even number of rows")
    prefix = f"bench-listing-{rows}-"
    unlisted = max(len(LISTING_UNLISTED), rows // 20)
    existing = Organisation.objects.filter(slug__startswith=prefix)
    today, now = timezone.localdate(), timezone.now()
    if existing.filter(covenant__isnull=False).count() != rows + unlisted:
        with transaction.atomic():
            LevelAssignment.objects.filter(organisation__in=existing).delete()
            existing.delete()
            organisations, covenants, levels = [], [], []
            for number in range(rows + unlisted):
                if number < rows:
                    country, history = (
                        ("DE", LISTING_MATCHES[(number // 2) % len(LISTING_MATCHES)])
                        if number % 2 == 0
                        else LISTING_DISTRACTORS[(number // 2) % len(LISTING_DISTRACTORS)]
                    )
                    status = "listed"
                else:
                    country, history = "DE", [(2025, 3)]
                    status = LISTING_UNLISTED[(number - rows) % len(LISTING_UNLISTED)]
                organisation = Organisation(
                    name=_fixture_name(rows, number),
                    slug=f"{prefix}{number:05d}",
                    kind="company",
                    country=country,
                    city=CITIES[country][number % len(CITIES[country])],
                    created_at=now,
                )
                organisations.append(organisation)
                joined_on = date(2023, 9, 1) + timedelta(days=number % 200)
                covenants.append(
                    CovenantMembership(
                        organisation=organisation,
                        member_type={"supporting": "supporting"}.get(
                            status, "associated" if number % 5 == 4 else "full"
                        ),
                        employees=10 + number % 90,
                        joined_on={
                            "not_signed": None,
                            "joins_later": today + timedelta(days=30),
                        }.get(status, joined_on),
                        ends_on=today - timedelta(days=10) if status == "ended" else None,
                        created_at=now,
                    )
                )
                for year, level in history if status != "not_signed" else []:
                    decided_on = date(year, 2, 10) if year == 2024 else date(year, 6, 15)
                    levels.append(
                        LevelAssignment(
                            organisation=organisation,
                            year=year,
                            level=level,
                            decided_on=min(decided_on, today),
                            created_at=now,
                        )
                    )
            Organisation.objects.bulk_create(organisations, batch_size=BATCH_SIZE)
            CovenantMembership.objects.bulk_create(covenants, batch_size=BATCH_SIZE)
            LevelAssignment.objects.bulk_create(levels, batch_size=BATCH_SIZE)
        log(f"created listing fixture of {rows} listed (+{unlisted} unlisted) companies")
    return ListingFixture(
        rows=rows,
        token=f"Benchlijst-{rows}/",
        first_name=_fixture_name(rows, 0),
        matching=rows // 2,
        first_matching_name=_fixture_name(rows, 0),
    )


def listing_fixtures_generate(scale: int) -> dict[str, int]:
    from members.models import Organisation

    before = Organisation.objects.filter(slug__startswith="bench-listing-").count()
    for rows in LISTING_FIXTURE_ROWS:
        listing_fixture(rows)
    after = Organisation.objects.filter(slug__startswith="bench-listing-").count()
    return {"created": max(0, after - before), "removed": max(0, before - after)}


# --- What the public company listing should show ---------------------------------------


@dataclass(frozen=True)
class ListingExpectation:
    listed: int  # rows the listing covers
    first_name: str | None  # the first of them by name (None: empty)


@cache
def listing_expected(*, country: str = "", level: int | None = None) -> ListingExpectation:
    """The company listing (optionally filtered by country and current level), worked out
    here from the plain rows and the listing's rules, not with members.public: signed on
    or before today, not ended, full or associated; the current level is the latest
    public decision (decided from SECOND_TERM_STARTS up to today)."""
    from django.utils import timezone

    from members.models import CovenantMembership, LevelAssignment, Organisation

    today = timezone.localdate()
    listed = {
        organisation_id
        for organisation_id, member_type, joined_on, ends_on, organisation_country in (
            CovenantMembership.objects.values_list(
                "organisation_id", "member_type", "joined_on", "ends_on", "organisation__country"
            ).iterator(chunk_size=BATCH_SIZE)
        )
        if member_type in LISTED_TYPES
        and joined_on is not None
        and joined_on <= today
        and (ends_on is None or ends_on > today)
        and (not country or organisation_country == country)
    }
    if level is not None:
        latest: dict[int, tuple[date, int, int]] = {}
        for organisation_id, decided_on, pk, value in LevelAssignment.objects.values_list(
            "organisation_id", "decided_on", "pk", "level"
        ).iterator(chunk_size=BATCH_SIZE):
            if (
                SECOND_TERM_STARTS <= decided_on <= today
                and (decided_on, pk) > latest.get(organisation_id, (date.min, 0, 0))[:2]
            ):
                latest[organisation_id] = (decided_on, pk, value)
        listed = {pk for pk in listed if pk in latest and latest[pk][2] == level}
    first_name = next(
        (
            name
            for pk, name in Organisation.objects.filter(covenant__isnull=False)
            .order_by("name")
            .values_list("pk", "name")
            .iterator(chunk_size=BATCH_SIZE)
            if pk in listed
        ),
        None,
    )
    return ListingExpectation(listed=len(listed), first_name=first_name)
