"""Bidder statements that cannot be forged (DOMAIN §8).

A tendering officer receives a bidder-check statement (a PDF) from the bidder, not from
the portal. Every statement the portal issues is stored as a `BidderStatement`: what it
said, when, under a random verification code (80 bits; `rules.statement_code_*`). The
PDF carries the code, the verification address and a QR code of it; anyone who opens
that address sees what the portal issued then, and whether the listing changed since.

Public: a statement only repeats the public member listing of its day.

- `statement_issue(organisation_result=..., actor=...)`: store a statement of one
  bidder-check result (the download, and the tender form that keeps a statement with a
  tender, call it).
- `statement_pdf(statement, language=...)`: the PDF of a stored statement.
- `statement_by_code(text)`: the statement of a code as people type it, or None.
- `statement_listing_today(statement)`: the listing's change since, for the note.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from members.models import MemberType
from trustone.access.actor import Actor
from trustone.audit.services import audit_record
from trustone.pdf import qr_code_data_uri, render_pdf

from . import rules
from .bidders import BidderResult, bidder_by_slug
from .models import BidderStatement

#: A fresh code colliding with a stored one takes 2**80 / (number of statements) tries;
#: a few retries make the unique constraint's error unreachable in practice.
_CODE_TRIES = 5


def _new_code() -> str:
    return "".join(
        secrets.choice(rules.STATEMENT_CODE_ALPHABET) for _ in range(rules.STATEMENT_CODE_LENGTH)
    )


@transaction.atomic
def statement_issue(
    *, organisation_result: BidderResult, actor: Actor | None = None
) -> BidderStatement:
    """Anyone (the public bidder check, or a government user's tender form) may store a
    statement of a bidder-check result (`bidders.bidder_check` / `bidder_by_slug`): what
    the result says, issued now, under a new random verification code. The caller
    renders it with `statement_pdf`; a public caller rate-limits first (the table must
    not be filled by anyone who asks)."""
    for _try in range(_CODE_TRIES):
        code = _new_code()
        if not BidderStatement.objects.filter(code=code).exists():
            break
    else:  # pragma: no cover - 80 random bits do not collide five times
        raise RuntimeError("No free verification code")
    statement = BidderStatement(
        code=code,
        organisation=organisation_result.organisation,
        company_name=organisation_result.organisation.name,
        registration_number=organisation_result.organisation.registration_number,
        issued_at=timezone.now(),
        is_listed=organisation_result.is_listed,
        level=organisation_result.level,
        member_type=organisation_result.member_type,
        joined_on=organisation_result.joined_on,
        ends_on=organisation_result.ends_on,
    )
    statement.full_clean()
    statement.save()
    audit_record(
        actor=actor,
        action="bidder_statement_issued",
        target=statement,
        data={"organisation": statement.organisation_id, "is_listed": statement.is_listed},
    )
    return statement


def statement_code_display(statement: BidderStatement) -> str:
    """The statement's code as it is printed: K7Q2-M9XD-4PRT-8HZA."""
    return rules.statement_code_display(statement.code)


def statement_member_type_label(statement: BidderStatement) -> str:
    """The statement's membership type in words ("" when it had none)."""
    if statement.member_type in MemberType.values:
        return str(MemberType(statement.member_type).label)
    return statement.member_type


def statement_verify_url(statement: BidderStatement) -> str:
    """The full address where anyone verifies the statement (printed and in the QR code)."""
    path = reverse("procurement:statement", args=[statement_code_display(statement)])
    return settings.PORTAL_URL + path


def statement_pdf(statement: BidderStatement, *, language: str) -> bytes:
    """The one-page PDF of a stored statement: exactly what was stored, with its code, its
    verification address and a QR code of that address."""
    verify_url = statement_verify_url(statement)
    context: dict[str, Any] = {
        "statement": statement,
        "code": statement_code_display(statement),
        "member_type": statement_member_type_label(statement),
        "verify_url": verify_url,
        "verify_start": settings.PORTAL_URL + reverse("procurement:verify"),
        "qr_code": qr_code_data_uri(verify_url),
    }
    return render_pdf("pdf/procurement/verification_statement.html", context, language=language)


def statement_by_code(text: str) -> BidderStatement | None:
    """Public: the statement of a verification code as people type it (any case, with or
    without dashes); None for an unknown code and for anything that is not a code. The
    caller counts the misses (rate limit): codes are not to be guessed."""
    code = rules.statement_code_normalise(text)
    if code is None:
        return None
    return BidderStatement.objects.select_related("organisation").filter(code=code).first()


@dataclass(frozen=True)
class ListingToday:
    """The company's listing today, and the one change since the statement worth noting
    (a `rules.statement_change` code, or None)."""

    change: str | None
    is_listed: bool
    level: int | None
    ends_on: date | None


def statement_listing_today(statement: BidderStatement) -> ListingToday:
    """Public: how the statement's company is listed today, compared with the statement."""
    today = bidder_by_slug(statement.organisation.slug)
    is_listed = today is not None and today.is_listed
    level = today.level if today is not None else None
    ends_on = today.ends_on if today is not None else None
    change = rules.statement_change(
        was_listed=statement.is_listed,
        level_then=statement.level,
        ends_on_then=statement.ends_on,
        is_listed=is_listed,
        level_now=level,
        ends_on_now=ends_on,
    )
    return ListingToday(change=change, is_listed=is_listed, level=level, ends_on=ends_on)
