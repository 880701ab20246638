"""Reads for everyone: the public member listing. Only public data
(name, membership type, join date, public levels, published notes) leaves here."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import (
    Exists,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    TextField,
    Value,
)
from django.db.models.functions import Coalesce, NullIf
from django.urls import reverse
from django.utils import timezone

from trustone.hooks import Hook

from .models import LevelAssignment, Organisation, Termination
from .rules import SECOND_TERM_STARTS

#: Notes a higher app publishes beside a member on the listing, before the note recorded
#: with the level: each callable returns a one-column subquery for an organisation row
#: (it may use OuterRef("pk") and OuterRef("current_level")); the first non-empty wins.
#: The assessments app registers the explanatory note of a delayed company (§4.5).
listing_notes: Hook[Callable[[], Any]] = Hook("listing notes")


@dataclass(frozen=True)
class MemberPage:
    """A public page a higher app keeps per listed member (members never import it)."""

    #: Names the annotation that says whether a member has the page.
    key: str
    #: Lazily translated: the heading on the member's page, the link on the listing.
    label: Any
    #: The text of the link on the member's page, and what it says when there is none.
    link_text: Any
    empty_text: Any
    #: A URL name, reversed with the member's slug.
    url_name: str
    #: A one-column subquery for an organisation row (it may use OuterRef("pk")):
    #: truthy when the member has the page.
    available: Callable[[], Any]
    #: The membership types the page is kept for.
    member_types: tuple[str, ...] = ("full", "associated")


#: Pages a higher app keeps per member, linked from the listing and the member's page.
#: The assessments app registers the published plan of action (Art. 5.12, 6.6).
member_pages: Hook[Callable[[], MemberPage]] = Hook("member pages")

LISTS = {
    "companies": ("full", "associated"),
    "supporting": ("supporting",),
    "governments": ("government",),
}


def public_levels() -> QuerySet[LevelAssignment]:
    """Levels of the second term (from 1 March 2025) are public; earlier ones are not."""
    return LevelAssignment.objects.filter(decided_on__gte=SECOND_TERM_STARTS)


def listed_organisations(*, on: date | None = None) -> QuerySet[Organisation]:
    """Organisations whose membership runs on `on`: declaration signed, not ended."""
    on = on or timezone.localdate()
    return Organisation.objects.filter(
        covenant__joined_on__isnull=False, covenant__joined_on__lte=on
    ).filter(Q(covenant__ends_on__isnull=True) | Q(covenant__ends_on__gt=on))


def with_current_level(organisations: QuerySet[Organisation], on: date) -> QuerySet[Organisation]:
    latest = (
        public_levels()
        .filter(organisation=OuterRef("pk"), decided_on__lte=on)
        .order_by("-decided_on", "-id")
    )
    notes: list[Any] = [Subquery(note()) for note in listing_notes]
    notes.append(NullIf(Subquery(latest.values("explanatory_note")[:1]), Value("")))
    pages = {f"has_page_{p.key}": Subquery(p.available()) for p in (m() for m in member_pages)}
    return organisations.annotate(
        current_level=Subquery(latest.values("level")[:1]),
        # When the secretariat last decided (or confirmed) the level: the last assessment.
        level_decided_on=Subquery(latest.values("decided_on")[:1]),
        **pages,
    ).annotate(
        current_note=Coalesce(*notes, output_field=TextField()) if len(notes) > 1 else notes[0],
    )


def pages_of(organisation: Organisation) -> list[tuple[MemberPage, str | None]]:
    """The pages kept for the member's type, each with its address where the member
    has it (None where not yet), from the listing's annotations."""
    member_type = organisation.covenant.member_type
    found = []
    for registered in member_pages:
        page = registered()
        if member_type not in page.member_types:
            continue
        url = None
        if getattr(organisation, f"has_page_{page.key}", None):
            url = reverse(page.url_name, args=[organisation.slug])
        found.append((page, url))
    return found


def member_listing(
    *,
    list_name: str = "companies",
    search: str = "",
    member_type: str = "",
    level: str = "",
    country: str = "",
    on: date | None = None,
) -> QuerySet[Organisation]:
    """The public listing: one query for the page, one for the level histories."""
    on = on or timezone.localdate()
    member_types = LISTS.get(list_name, LISTS["companies"])
    organisations = listed_organisations(on=on).filter(covenant__member_type__in=member_types)
    if member_type in member_types:
        organisations = organisations.filter(covenant__member_type=member_type)
    if search:
        organisations = organisations.filter(name__icontains=search.strip())
    if country:
        organisations = organisations.filter(country=country)
    if level == "none":
        organisations = organisations.filter(
            ~Exists(public_levels().filter(organisation=OuterRef("pk"), decided_on__lte=on))
        )
    elif level.isdigit():
        # Companies whose latest public decision has this level: one pass over the levels
        # (DISTINCT ON) instead of a subquery per company.
        latest = (
            public_levels()
            .filter(decided_on__lte=on)
            .order_by("organisation_id", "-decided_on", "-id")
            .distinct("organisation_id")
            .values("pk")
        )
        organisations = organisations.filter(
            pk__in=LevelAssignment.objects.filter(pk__in=latest, level=int(level)).values(
                "organisation_id"
            )
        )
    organisations = with_current_level(organisations, on)
    return (
        organisations.select_related("covenant")
        .prefetch_related(
            Prefetch(
                "levels",
                queryset=public_levels().filter(decided_on__lte=on).order_by("decided_on", "id"),
                to_attr="public_level_history",
            )
        )
        .order_by("name")
    )


def level_history(organisation: Organisation) -> list[tuple[int, int]]:
    """(year, level) per year, the last decision of each year; from the prefetched list."""
    per_year: dict[int, int] = {}
    for assignment in getattr(organisation, "public_level_history", []):
        per_year[assignment.year] = assignment.level
    return sorted(per_year.items())


def public_member(slug: str, *, on: date | None = None) -> Organisation | None:
    """One listed organisation by slug, as the listing shows it; None if not listed."""
    on = on or timezone.localdate()
    return (
        member_listing(list_name="companies", on=on).filter(slug=slug).first()
        or member_listing(list_name="supporting", on=on).filter(slug=slug).first()
        or member_listing(list_name="governments", on=on).filter(slug=slug).first()
    )


def published_terminations(*, on: date | None = None) -> QuerySet[Termination]:
    """Terminations are made public by the steering group; shown once recorded."""
    return Termination.objects.select_related("organisation").order_by("-ends_on", "-id")


# --- Caching the public pages ---------------------------------------------------------
# Anonymous visitors get the listing from the cache. The key holds a version that every
# change to what the listing shows increases (listing_changed), the language, the day
# (levels and end dates take effect by date) and the query; a short timeout bounds the
# staleness of changes made outside the services (the admin).

LISTING_VERSION_KEY = "members:listing:version"
LISTING_CACHE_SECONDS = 300


def listing_version() -> int:
    from django.core.cache import cache

    version = cache.get(LISTING_VERSION_KEY)
    if version is None:
        cache.add(LISTING_VERSION_KEY, 1, timeout=None)
        version = cache.get(LISTING_VERSION_KEY, 1)
    return int(version)


def listing_changed(*, after_commit: bool = False) -> None:
    """Called by every service that changes what the public listing shows. With
    `after_commit`, the version is increased now and again after the commit, so that a
    page rendered from the old data in between is not served afterwards."""
    from django.core.cache import cache
    from django.db import transaction

    try:
        cache.incr(LISTING_VERSION_KEY)
    except ValueError:
        cache.add(LISTING_VERSION_KEY, 2, timeout=None)
    if after_commit:
        transaction.on_commit(listing_changed)


def listing_cache_key(*, page: str, language: str, query: str, on: date) -> str:
    from hashlib import sha256

    digest = sha256(query.encode()).hexdigest()[:24]
    return f"members:listing:{page}:{language}:{on.isoformat()}:{digest}"


def cached_listing(key: str) -> bytes | None:
    """The cached page if it was rendered at the current version (one round trip)."""
    from django.core.cache import cache

    found = cache.get_many([LISTING_VERSION_KEY, key])
    entry = found.get(key)
    if entry is None or entry[0] != found.get(LISTING_VERSION_KEY, 1):
        return None
    return bytes(entry[1])


def cache_listing(key: str, content: bytes, *, version: int) -> None:
    """Store a page rendered at `version` (read *before* rendering)."""
    from django.core.cache import cache

    cache.set(key, (version, content), LISTING_CACHE_SECONDS)
