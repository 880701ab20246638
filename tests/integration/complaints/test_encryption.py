"""Complaint text and evidence are encrypted at rest: a dump of the database holds none
of it, and the key can be rotated without losing a word."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pgserver
import pytest
from cryptography.fernet import Fernet
from django.core.management import CommandError, call_command
from django.db import connection
from django.test import override_settings

from complaints import crypto
from complaints.models import Case, CaseAttachment, CaseEntry
from complaints.selectors import Reader
from complaints.services import case_file_read
from tests.factories.complaints import MARKER, complaint, evidence

ATTACHMENT_MARKER = b"Loonstrook-Omega-5528 zonder handtekening"


def _pg_dumps() -> list[str]:
    """The embedded server's pg_dump (pgserver), then any on the PATH: pg_dump refuses a
    server newer than itself, so the first that matches the server is used."""
    embedded = Path(pgserver.__file__).parent / "pginstall" / "bin" / "pg_dump"
    found = [str(embedded)] if embedded.exists() else []
    on_path = shutil.which("pg_dump")
    return found + ([on_path] if on_path else [])


def _dump() -> bytes:
    settings = connection.settings_dict
    env = {
        **os.environ,
        "PGHOST": settings["HOST"] or "",
        "PGPORT": str(settings["PORT"] or ""),
        "PGUSER": settings["USER"] or "",
        "PGPASSWORD": settings["PASSWORD"] or "",
    }
    errors = []
    for pg_dump in _pg_dumps():
        result = subprocess.run(  # noqa: S603 (our own binary and database)
            [pg_dump, "--data-only", "--no-owner", settings["NAME"]],
            env=env,
            capture_output=True,
            timeout=120,
        )
        if result.returncode == 0:
            return result.stdout
        errors.append(result.stderr.decode())
    raise AssertionError("pg_dump failed: " + " | ".join(errors))


@pytest.mark.django_db(transaction=True)
def test_a_database_dump_holds_no_complaint_text_or_evidence():
    case, digits = complaint(
        is_anonymous=False,
        name="Ravi Meena",
        email="ravi.meena@example.org",
        attachments=[evidence("loonstrook.pdf", ATTACHMENT_MARKER)],
    )
    dump = _dump()
    assert case.reference.encode() in dump  # the dump did see the case
    for secret in (
        MARKER.encode(),
        ATTACHMENT_MARKER,
        b"Ravi Meena",
        b"ravi.meena@example.org",
        b"loonstrook.pdf",
        digits.encode(),
    ):
        assert secret not in dump
    # Binary columns are dumped as hex: the hex of the plaintext is absent too.
    assert MARKER.encode().hex().encode() not in dump
    assert ATTACHMENT_MARKER.hex().encode() not in dump


@pytest.mark.django_db
def test_the_key_is_rotated_and_the_old_one_can_go():
    old, new = Fernet.generate_key().decode(), Fernet.generate_key().decode()
    with override_settings(COMPLAINTS_KEYS=[old]):
        case, _digits = complaint(is_anonymous=False, name="Ravi", email="r@example.org")
    # The new key alone cannot read the old content.
    with override_settings(COMPLAINTS_KEYS=[new]), pytest.raises(CommandError):
        call_command("complaints_rotate_key", "--check")
    with override_settings(COMPLAINTS_KEYS=[new, old]):
        call_command("complaints_rotate_key")
    with override_settings(COMPLAINTS_KEYS=[new]):
        call_command("complaints_rotate_key", "--check")
        case.refresh_from_db()
        file = case_file_read(actor=None, case=case, reader=Reader.COMMITTEE)
        assert file.content["what"] == MARKER
        assert file.contact["name"] == "Ravi"
        attachment = CaseAttachment.objects.get(entry__case=case)
        assert crypto.decrypt(bytes(attachment.content)).endswith(b"fotoverslag")
        assert CaseEntry.objects.filter(case=case).exists()
    with override_settings(COMPLAINTS_KEYS=[old]), pytest.raises(crypto.InvalidToken):
        crypto.decrypt(bytes(Case.objects.get(pk=case.pk).content))
