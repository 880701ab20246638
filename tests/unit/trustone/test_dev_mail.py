"""`make run`: links in e-mails point where the portal serves; mail on the console is
readable (no base64 attachments)."""

import io
import subprocess
from pathlib import Path

import pytest
from django.core.mail import EmailMessage

from trustone.devservices import portal_url
from trustone.mail_backends import ConsoleEmailBackend

ROOT = Path(__file__).resolve().parents[3]


@pytest.mark.parametrize(
    ("address", "url"),
    [
        ("127.0.0.1:8765", "http://127.0.0.1:8765"),
        ("0.0.0.0:8000", "http://localhost:8000"),
        ("8001", "http://127.0.0.1:8001"),
    ],
)
def test_the_portal_url_follows_the_address(address, url) -> None:
    assert portal_url(address) == url


def test_make_run_seeds_and_serves_with_the_portal_url_of_its_address() -> None:
    dry_run = subprocess.run(
        ["make", "-n", "seed", "run", "ADDRESS=127.0.0.1:8765"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    seed = next(line for line in dry_run.splitlines() if "seed_demo" in line)
    serve = next(line for line in dry_run.splitlines() if "devservices serve" in line)
    assert "PORTAL_URL=http://127.0.0.1:8765" in seed
    assert "PORTAL_URL=http://127.0.0.1:8765" in serve


def test_console_mail_names_attachments_instead_of_printing_them() -> None:
    stream = io.StringIO()
    message = EmailMessage("Uw verklaring", "Geachte heer,\n\nZie bijlage.", to=["a@example.org"])
    message.attach("verklaring.pdf", b"%PDF-1.7" + b"x" * 50_000, "application/pdf")
    ConsoleEmailBackend(stream=stream).send_messages([message])
    printed = stream.getvalue()
    assert "Subject: Uw verklaring" in printed and "To: a@example.org" in printed
    assert "Zie bijlage." in printed
    assert "[attachment: verklaring.pdf (application/pdf, 50008 bytes)]" in printed
    assert len(printed.splitlines()) < 15
