"""The bidder check (public): is a bidder a listed TruStone member, since when and at
which level? Governments ask it when they award a tender (DOMAIN §8)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import CharField, F, Func, Q, QuerySet, Value
from django.utils import timezone

from members.models import Organisation
from members.public import listed_organisations, with_current_level
from members.rules import normalise_registration_number


@dataclass(frozen=True)
class BidderResult:
    organisation: Organisation
    is_listed: bool
    joined_on: date | None
    ends_on: date | None
    level: int | None
    member_type: str
    checked_on: date


def _company_members() -> QuerySet[Organisation]:
    return (
        Organisation.objects.filter(covenant__isnull=False, kind="company")
        .annotate(
            registration_digits=Func(
                F("registration_number"),
                Value("[^0-9]"),
                Value(""),
                Value("g"),
                function="regexp_replace",
                output_field=CharField(),
            )
        )
        .select_related("covenant")
        .order_by("name")
    )


def _bidder_results(candidates: QuerySet[Organisation], on: date) -> list[BidderResult]:
    organisations = list(with_current_level(candidates, on))
    listed_ids = set(
        listed_organisations(on=on)
        .filter(pk__in=[o.pk for o in organisations])
        .values_list("pk", flat=True)
    )
    return [
        BidderResult(
            organisation=organisation,
            is_listed=organisation.pk in listed_ids,
            joined_on=organisation.covenant.joined_on,
            ends_on=organisation.covenant.ends_on,
            level=organisation.current_level,  # type: ignore[attr-defined]  # annotated
            member_type=organisation.covenant.member_type,
            checked_on=on,
        )
        for organisation in organisations
    ]


BIDDER_CHECK_LIMIT = 20


def bidder_check(
    query: str, *, on: date | None = None, limit: int = BIDDER_CHECK_LIMIT
) -> list[BidderResult]:
    """Companies whose name contains the query, or whose KvK / enterprise number is the
    query (compared on digits), with whether they are listed on `on`, since when and at
    which level. At most `limit` results."""
    on = on or timezone.localdate()
    query = query.strip()
    if len(query) < 2:
        return []
    digits = normalise_registration_number(query)
    condition = Q(name__icontains=query)
    if len(digits) >= 6:
        condition |= Q(registration_digits=digits)
    return _bidder_results(_company_members().filter(condition)[:limit], on)


def bidder_by_slug(slug: str, *, on: date | None = None) -> BidderResult | None:
    """The bidder-check result of one company (for its dated statement)."""
    results = _bidder_results(_company_members().filter(slug=slug), on or timezone.localdate())
    return results[0] if results else None
