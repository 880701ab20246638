"""Signals for the tests: filed by the world's NGO about a site, routed where asked."""

from datetime import date, timedelta
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from supplychain.models import Signal, SignalAttachment, SignalRoute, Site


def signal_about(world: Any, site: Site | None, **fields: Any) -> Signal:
    """A signal of the world's NGO about `site` (or a region), with one attachment."""
    values = {
        "organisation": world.organisations["ngo"],
        "filed_by": world.users["ngo_admin"],
        "site": site,
        "country": "IN",
        "region": "" if site else "Bundi",
        "themes": ["child_labour"],
        "description": "Kinderen werken in de groeve.",
        "urgency": "urgent",
        **fields,
    }
    signal = Signal.objects.create(**values)
    SignalAttachment.objects.create(
        signal=signal,
        file=SimpleUploadedFile("foto.pdf", b"%PDF-1.4 foto"),
        original_name="foto.pdf",
        content_type="application/pdf",
        size=13,
    )
    return signal


def route_to(signal: Signal, company: Any, facility: Any = None, due: date | None = None) -> Any:
    signal.status, signal.routed_at = "routed", timezone.now()
    signal.save(update_fields=["status", "routed_at"])
    return SignalRoute.objects.create(
        signal=signal,
        organisation=company,
        facility=facility,
        respond_by=due or timezone.localdate() + timedelta(days=14),
    )
