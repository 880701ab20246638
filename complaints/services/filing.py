"""Filing a case and reading it back: anyone files a complaint without an account and
gets a receipt code; an organisation files a dispute; whoever may open a case file reads
it decrypted, and every read is logged."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from members.models import Organisation
from trustone.access.actor import Actor
from trustone.access.errors import require
from trustone.attachments import attachment_content_type, check_attachments
from trustone.audit.services import audit_record

from .. import crypto, receipts, rules
from ..models import (
    Audience,
    Case,
    CaseAttachment,
    CaseEntry,
    CaseKind,
    CaseStatus,
    Side,
)
from ..selectors import PARTY_KINDS, Reader, cases_by_receipt_lookup, entries_for
from .notify import notify_filed

MAX_ATTACHMENTS = 5
MAX_TEXT = 20_000


def _sealed(data: dict[str, Any]) -> bytes:
    return crypto.encrypt_text(json.dumps(data, ensure_ascii=False))


def unsealed(token: bytes | memoryview | None) -> dict[str, Any]:
    """The decrypted JSON of an encrypted field ({} when empty)."""
    if token is None or len(token) == 0:
        return {}
    result: dict[str, Any] = json.loads(crypto.decrypt_text(bytes(token)))
    return result


def _reference(kind: str) -> str:
    """The next reference of the year, KG-2026-001, one sequence for complaints and
    disputes; an advisory lock makes two filings at once take two numbers."""
    year = timezone.localdate().year
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_xact_lock(hashtext('complaints.reference'))")
    prefix = f"KG-{year}-"
    count = Case.objects.filter(reference__startswith=prefix).count()
    return f"{prefix}{count + 1:03d}"


def _check_uploads(attachments: list[Any], errors: dict[str, str]) -> None:
    check_attachments(attachments, at_most=MAX_ATTACHMENTS, errors=errors)


def _check_text(errors: dict[str, str], name: str, text: str, required: bool = True) -> None:
    if required and not text.strip():
        errors[name] = _("This field is required.")
    elif len(text) > MAX_TEXT:
        errors[name] = _("Keep this under %(count)s characters.") % {"count": MAX_TEXT}


def attachments_add(entry: CaseEntry, attachments: list[Any]) -> None:
    """Store uploads (already checked) encrypted with the entry."""
    for upload in attachments:
        data = b"".join(upload.chunks())
        CaseAttachment.objects.create(
            entry=entry,
            name=crypto.encrypt_text(upload.name[:200]),
            content=crypto.encrypt(data),
            content_type=attachment_content_type(upload.name),
            size=len(data),
        )


def _deadline(name: str) -> Any:
    return rules.due_date(timezone.localdate(), settings.COMPLAINTS_DEADLINE_DAYS[name])


@transaction.atomic
def complaint_file(
    *,
    language: str,
    is_anonymous: bool,
    name: str,
    email: str,
    phone: str,
    content: dict[str, str],
    attachments: list[Any],
) -> tuple[Case, str]:
    """Anyone files a complaint, without an account: returns the case and its receipt
    code, which the caller shows once and nobody can see again. Nothing identifying the
    client (address, browser) is stored; an anonymous complaint keeps no contact."""
    errors: dict[str, str] = {}
    _check_text(errors, "what", content.get("what", ""))
    for key in ("where", "company", "since", "remedy", "representative"):
        _check_text(errors, key, content.get(key, ""), required=False)
    if not is_anonymous and not (name.strip() or email.strip() or phone.strip()):
        errors["name"] = _(
            "Give a name, an e-mail address or a telephone number, or choose to stay anonymous."
        )
    _check_uploads(attachments, errors)
    if errors:
        raise ValidationError(errors)
    digits = receipts.receipt_new()
    contact = None
    if not is_anonymous:
        contact = _sealed({"name": name.strip(), "email": email.strip(), "phone": phone.strip()})
    case = Case(
        reference=_reference(CaseKind.COMPLAINT),
        kind=CaseKind.COMPLAINT,
        language=language.strip()[:60],
        is_anonymous=is_anonymous,
        content=_sealed({key: value.strip() for key, value in content.items()}),
        contact=contact,
        receipt_lookup=receipts.receipt_lookup(digits),
        receipt_hash=receipts.receipt_hash(digits),
        admissibility_due=_deadline("admissibility"),
    )
    case.full_clean(exclude=["content", "contact"])
    case.save()
    if attachments:
        entry = CaseEntry.objects.create(
            case=case,
            side=Side.COMPLAINANT,
            audience=Audience.COMPLAINANT,
            body=crypto.encrypt_text(""),
        )
        attachments_add(entry, attachments)
    audit_record(actor=None, action="complaint_filed", target=case)
    transaction.on_commit(lambda: notify_filed(case.pk))
    return case, digits


def receipt_open(digits: str) -> Case | None:
    """The complaint whose receipt code this is, or None. Every candidate is checked by
    its slow hash, so a wrong code costs as much as a right one."""
    found = None
    candidates = list(cases_by_receipt_lookup(receipts.receipt_lookup(digits)))
    for case in candidates:
        if receipts.receipt_matches(digits, case.receipt_hash):
            found = case
    if not candidates:  # as slow as a real check: the time tells nothing
        receipts.receipt_matches(digits, receipts.decoy_hash())
    return found


def dispute_parties(actor: Actor) -> list[Organisation]:
    """The organisations a dispute can be filed against: the other parties and members."""
    return list(
        Organisation.objects.filter(kind__in=PARTY_KINDS, is_active=True)
        .exclude(pk=actor.organisation_id or 0)
        .order_by("name")
    )


@transaction.atomic
def dispute_file(
    *,
    actor: Actor,
    respondent_id: int | None,
    subject: str,
    description: str,
    remedy: str,
    attachments: list[Any],
) -> Case:
    """An administrator of a party or member files a dispute with another about how the
    covenant is applied (Art. 11). While it is pending neither can give notice."""
    require(actor.is_admin and actor.organisation_kind in PARTY_KINDS)
    errors: dict[str, str] = {}
    respondent = next((o for o in dispute_parties(actor) if o.pk == respondent_id), None)
    if respondent is None:
        errors["respondent"] = _("Choose the organisation the dispute is with.")
    _check_text(errors, "subject", subject)
    _check_text(errors, "description", description)
    _check_text(errors, "remedy", remedy, required=False)
    _check_uploads(attachments, errors)
    if errors:
        raise ValidationError(errors)
    case = Case(
        reference=_reference(CaseKind.DISPUTE),
        kind=CaseKind.DISPUTE,
        language=actor.person.language or "nl",
        content=_sealed(
            {"subject": subject.strip(), "what": description.strip(), "remedy": remedy.strip()}
        ),
        filed_by=actor.user,
        filed_by_organisation=actor.organisation,
        respondent=respondent,
        admissibility_due=_deadline("admissibility"),
    )
    case.full_clean(exclude=["content", "contact"])
    case.save()
    if attachments:
        entry = CaseEntry.objects.create(
            case=case,
            side=Side.COMPLAINANT,
            audience=Audience.COMPLAINANT,
            author=actor.user,
            body=crypto.encrypt_text(""),
        )
        attachments_add(entry, attachments)
    audit_record(actor=actor, action="dispute_filed", target=case)
    transaction.on_commit(lambda: notify_filed(case.pk))
    return case


# --- reading -----------------------------------------------------------------------------


@dataclass(frozen=True)
class EntryView:
    entry: CaseEntry
    body: str
    attachments: list[tuple[int, str, int]]


@dataclass(frozen=True)
class CaseFile:
    """A case decrypted for one reader: the filed content only for the committee, the
    assigned staff and the complainant; contact details only for the first two."""

    case: Case
    reader: Reader
    content: dict[str, Any] = field(default_factory=dict)
    contact: dict[str, Any] = field(default_factory=dict)
    entries: list[EntryView] = field(default_factory=list)


@transaction.atomic
def case_file_read(*, actor: Actor | None, case: Case, reader: Reader) -> CaseFile:
    """The case file as `reader` may read it (the caller resolved the reader through
    access_case, or the receipt for a complainant). The read is logged."""
    inside = reader in (Reader.COMMITTEE, Reader.STAFF)
    entries = [
        EntryView(
            entry=entry,
            body=crypto.decrypt_text(bytes(entry.body)),
            attachments=[
                (attachment.pk, crypto.decrypt_text(bytes(attachment.name)), attachment.size)
                for attachment in entry.attachments.all()
            ],
        )
        for entry in entries_for(case, reader)
    ]
    audit_record(actor=actor, action="complaint_case_read", target=case, data={"as": str(reader)})
    return CaseFile(
        case=case,
        reader=reader,
        content=unsealed(case.content) if reader != Reader.RESPONDENT else {},
        contact=unsealed(case.contact) if inside else {},
        entries=entries,
    )


@transaction.atomic
def attachment_read(
    *, actor: Actor | None, case: Case, attachment: CaseAttachment
) -> tuple[str, bytes]:
    """An attachment's name and content, decrypted (the caller checked access); logged."""
    audit_record(
        actor=actor,
        action="complaint_attachment_read",
        target=case,
        data={"attachment": attachment.pk},
    )
    return crypto.decrypt_text(bytes(attachment.name)), crypto.decrypt(bytes(attachment.content))


def case_is_open(case: Case) -> bool:
    return case.status != CaseStatus.CLOSED
