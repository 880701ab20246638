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

from members.selectors import active_people, secretariat_admins
from trustone.access.actor import Actor
from trustone.access.errors import require
from trustone.attachments import check_attachment
from trustone.audit.services import audit_record
from trustone.mail import mail_users
from trustone.pdf import render_pdf

from ..models import ConfidentialityStatement, RegionRequest, RegionRequestStatus
from .selectors import WATCHERS, ended_by_secretariat, regions_offered, valid_statement

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
    transaction.on_commit(lambda: _mail_statement(statement.pk))
    return statement


def _mail_statement(statement_id: int) -> None:
    """The signed statement confirmed to the organisation's administrators, and told to
    the coordinator, who sets until when it is valid."""
    statement = ConfidentialityStatement.objects.select_related("organisation").get(pk=statement_id)
    for people, to_secretariat in (
        (active_people(statement.organisation, role="admin"), False),
        (secretariat_admins(), True),
    ):
        mail_users(
            people,
            lambda: _("TruStone: the confidentiality statement is signed"),
            "supplychain/email/statement_signed.txt",
            {"statement": statement, "to_secretariat": to_secretariat},
        )


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


@transaction.atomic
def region_request_create(
    *,
    actor: Actor,
    country: str,
    region: str,
    partner_name: str,
    partner_contact: str,
    purpose: str,
    clause: Any,
) -> RegionRequest:
    """The administrator of an NGO or union asks for the part of the aggregated list
    about one region, for a local partner whose signed confidentiality clause comes
    with it (Art. 6.4). The secretariat is told."""
    require(
        actor.organisation is not None and actor.organisation_kind in WATCHERS and actor.is_admin
    )
    errors: dict[str, str] = {}
    if (country, region) not in regions_offered():
        errors["region"] = _("Choose one of the regions of the aggregated list.")
    for name, value, message in (
        ("partner_name", partner_name, _("Give the name of the local partner.")),
        ("partner_contact", partner_contact, _("Give a contact person at the partner.")),
        ("purpose", purpose, _("Say what the partner will use the list for.")),
    ):
        if not value.strip():
            errors[name] = message
    if clause is None:
        errors["clause"] = _("Add the confidentiality clause the partner signed (PDF).")
    elif not clause.name.lower().endswith(".pdf"):
        errors["clause"] = _("The signed clause must be a PDF.")
    else:
        try:
            check_attachment(clause, field="clause")
        except ValidationError as problem:
            errors["clause"] = " ".join(problem.messages)
    if errors:
        raise ValidationError(errors)
    request = RegionRequest(
        organisation=actor.organisation,
        requested_by=actor.user,
        country=country,
        region=region,
        partner_name=partner_name.strip(),
        partner_contact=partner_contact.strip(),
        purpose=purpose.strip(),
        clause=clause,
        clause_name=clause.name[:200],
    )
    request.full_clean()
    request.save()
    audit_record(
        actor=actor,
        action="region_request_created",
        target=request,
        data={"country": country, "region": region},
    )
    transaction.on_commit(lambda: _mail_request(request.pk, to_secretariat=True))
    return request


@transaction.atomic
def region_request_decide(
    *, actor: Actor, request: RegionRequest, approve: bool, note: str
) -> RegionRequest:
    """The coordinator approves or refuses a request (a refusal says why); the
    requesting organisation's administrators are told."""
    require(actor.is_secretariat_admin)
    request = RegionRequest.objects.select_for_update().get(pk=request.pk)
    if request.status != RegionRequestStatus.REQUESTED:
        raise ValidationError(_("This request has already been decided."))
    if not approve and not note.strip():
        raise ValidationError({"note": _("Say why the request is refused.")})
    request.status = RegionRequestStatus.APPROVED if approve else RegionRequestStatus.REFUSED
    request.decided_by, request.decided_at = actor.user, timezone.now()
    request.decision_note = note.strip()
    request.save(update_fields=["status", "decided_by", "decided_at", "decision_note"])
    audit_record(
        actor=actor,
        action="region_request_decided",
        target=request,
        data={"status": request.status},
    )
    transaction.on_commit(lambda: _mail_request(request.pk, to_secretariat=False))
    return request


@transaction.atomic
def region_request_withdraw(*, actor: Actor, request: RegionRequest) -> RegionRequest:
    """The requesting organisation's administrator withdraws a request not yet decided,
    or ends an approved one (its export closes)."""
    require(actor.is_admin and actor.organisation_id == request.organisation_id)
    request = RegionRequest.objects.select_for_update().get(pk=request.pk)
    if request.status not in (RegionRequestStatus.REQUESTED, RegionRequestStatus.APPROVED):
        raise ValidationError(_("This request can no longer be withdrawn."))
    request.status = RegionRequestStatus.WITHDRAWN
    request.save(update_fields=["status"])
    audit_record(actor=actor, action="region_request_withdrawn", target=request)
    return request


def _mail_request(request_id: int, *, to_secretariat: bool) -> None:
    request = RegionRequest.objects.select_related("organisation").get(pk=request_id)
    if to_secretariat:
        people = secretariat_admins()
        subject = _("TruStone: a request for the aggregated list of a region")
    else:
        people = active_people(request.organisation, role="admin")
        subject = _("TruStone: the secretariat has decided on your request")
    mail_users(
        people,
        lambda: str(subject),
        "supplychain/email/region_request.txt",
        {"request": request, "to_secretariat": to_secretariat},
    )
