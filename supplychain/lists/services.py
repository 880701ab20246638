"""Writes of the confidentiality statements: an NGO or union signs (its administrator,
in the portal, as a PDF of exactly what was signed); the coordinator sets the expiry."""

from __future__ import annotations

import hashlib
from datetime import date, timedelta
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from trustone.access.actor import Actor
from trustone.access.errors import require
from trustone.audit.services import audit_record
from trustone.pdf import render_pdf

from ..models import ConfidentialityStatement
from .selectors import WATCHERS, ended_by_secretariat, valid_statement

TERM = timedelta(days=365)  # a statement is valid a year unless the secretariat decides otherwise


def statement_text(language: str) -> str:
    language = language if language in {"nl", "en"} else "nl"
    return render_to_string(f"supplychain/lists/statement_{language}.html")


@transaction.atomic
def statement_sign(
    *, actor: Actor, signer_name: str, signer_function: str, agreed: bool, language: str
) -> ConfidentialityStatement:
    """The administrator of an NGO or union signs the statement for its organisation;
    valid for a year from today (the secretariat may set another date)."""
    require(
        actor.organisation is not None and actor.organisation_kind in WATCHERS and actor.is_admin
    )
    if valid_statement(actor.organisation) is not None:
        raise ValidationError(_("Your organisation's statement is already in force."))
    if ended_by_secretariat(actor.organisation):
        raise ValidationError(
            _("The secretariat has ended your organisation's access. Contact the secretariat.")
        )
    errors: dict[str, str] = {}
    if not agreed:
        errors["agreed"] = _("Tick the box to agree with the statement.")
    if not signer_name.strip():
        errors["signer_name"] = _("Give the name of the person who signs.")
    if not signer_function.strip():
        errors["signer_function"] = _("Give the function of the person who signs.")
    if errors:
        raise ValidationError(errors)
    statement = statement_record(
        organisation=actor.organisation,
        signed_by=actor.user,
        signer_name=signer_name,
        signer_function=signer_function,
        language=language,
    )
    audit_record(actor=actor, action="confidentiality_signed", target=statement)
    return statement


def statement_record(
    *, organisation: Any, signed_by: Any, signer_name: str, signer_function: str, language: str
) -> ConfidentialityStatement:
    """Store a signed statement with the PDF of its text. Not a service for views: the
    checks are the caller's (statement_sign for a user, the demo data for its NGO)."""
    language = language if language in {"nl", "en"} else "nl"
    text = statement_text(language)
    now = timezone.now()
    statement = ConfidentialityStatement(
        organisation=organisation,
        language=language,
        signer_name=signer_name.strip()[:150],
        signer_function=signer_function.strip()[:150],
        signed_by=signed_by,
        signed_at=now,
        text_sha256=hashlib.sha256(text.encode()).hexdigest(),
        expires_on=timezone.localdate() + TERM,
    )
    pdf = render_pdf(
        "pdf/supplychain/confidentiality.html",
        {"statement": statement, "organisation": organisation, "text": text},
        language=language,
    )
    statement.pdf.save(
        f"confidentiality-{organisation.slug}-{now:%Y%m%d}.pdf", ContentFile(pdf), save=False
    )
    statement.full_clean()
    statement.save()
    return statement


@transaction.atomic
def statement_expiry_set(
    *, actor: Actor, statement: ConfidentialityStatement, expires_on: date
) -> ConfidentialityStatement:
    """The coordinator sets until when a statement is valid (a past date ends it now)."""
    require(actor.is_secretariat_admin)
    if expires_on > timezone.localdate() + 5 * TERM:
        raise ValidationError({"expires_on": _("A statement is valid for at most five years.")})
    statement.expires_on, statement.expiry_set_by = expires_on, actor.user
    statement.save(update_fields=["expires_on", "expiry_set_by"])
    audit_record(
        actor=actor,
        action="confidentiality_expiry_set",
        target=statement,
        data={"expires_on": expires_on.isoformat()},
    )
    return statement
