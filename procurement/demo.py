"""Demo data of procurement: a municipal buyer's request to test the demo importer's plan
of action. Registered as a demo seeder in ProcurementConfig.ready(); idempotent."""

from __future__ import annotations

from typing import Any

from members.models import User
from trustone.access.actor import Actor

from .models import PlanTestRequest
from .plan_tests import plan_test_request


def seed_procurement(organisations: dict[str, Any]) -> None:
    if PlanTestRequest.objects.exists():
        return
    government = organisations["Gemeente Amsterdam"]
    official = User.objects.get(email="overheid@trustone.demo")
    plan_test_request(
        actor=Actor(user=official, organisation=government, role="admin"),
        company=organisations["Van der Steen Natuursteen B.V."],
        tender_reference="Herinrichting Stationsplein (2027-014)",
        ambition="significant",
        question="De inschrijver legt dit plan van aanpak over. Voldoet het aan het "
        "ambitieniveau Significant uit de aanbesteding?",
    )


#: (government, title, date, ambition, phases, ISV applied or why not, contractor)
DEMO_TENDERS: tuple[tuple[str, str, str, str, tuple[str, ...], str, str], ...] = (
    ("Gemeente Amsterdam", "Bestrating Damrak", "2024-03-11", "basis", ("award",), "", ""),
    ("Gemeente Amsterdam", "Trappen Centraal Station", "2024-06-03", "basis", ("award",), "", ""),
    (
        "Gemeente Amsterdam",
        "Banken Vondelpark",
        "2024-10-14",
        "basis",
        (),
        "Hergebruikte stenen uit eigen depot.",
        "",
    ),
    ("Gemeente Amsterdam", "Kademuren Herengracht", "2025-02-17", "basis", ("selection",), "", ""),
    ("Gemeente Amsterdam", "Pleinen Nieuw-West", "2025-05-12", "significant", ("award",), "", ""),
    ("Gemeente Amsterdam", "Bruggen Oost", "2025-09-01", "significant", ("award",), "", ""),
    ("Gemeente Amsterdam", "Stoepen Zuidas", "2025-11-24", "basis", ("award",), "", ""),
    ("Gemeente Amsterdam", "Museumplein", "2026-02-02", "significant", ("award",), "", ""),
    ("Gemeente Amsterdam", "Marktplein Noord", "2026-04-20", "ambitious", ("award",), "", ""),
    (
        "Gemeente Amsterdam",
        "Herinrichting Stationsplein",
        "2026-09-14",
        "significant",
        ("award", "contract"),
        "",
        "Van der Steen Natuursteen B.V.",
    ),
    ("Rijkswaterstaat", "Dijkbekleding Afsluitdijk", "2024-05-06", "basis", ("award",), "", ""),
    ("Rijkswaterstaat", "Sluis Terneuzen", "2025-03-03", "basis", ("selection",), "", ""),
    ("Rijkswaterstaat", "Oeverbescherming Maas", "2025-08-18", "significant", ("award",), "", ""),
    ("Rijkswaterstaat", "Kribben Waal", "2026-03-09", "significant", ("award",), "", ""),
    ("Rijkswaterstaat", "Zeewering Westkapelle", "2026-06-22", "ambitious", ("award",), "", ""),
)


def seed_tenders(organisations: dict[str, Any]) -> None:
    """Tenders of the two demo governments over three years (so that the targets
    dashboard shows a trend), one contract whose deadlines are near, Amsterdam's annual
    report for 2025 submitted, and a reported tender."""
    from datetime import date, timedelta

    from django.utils import timezone

    from .models import Tender, TenderSignal
    from .tender_signals import tender_signal_file
    from .tenders.reports import report_start, report_submit
    from .tenders.services import tender_save

    if Tender.objects.exists() or "Gemeente Amsterdam" not in organisations:
        return
    official = User.objects.get(email="overheid@trustone.demo")
    actors = {}
    for name in ("Gemeente Amsterdam", "Rijkswaterstaat"):
        admin = official if name == "Gemeente Amsterdam" else _admin_of(organisations[name])
        if admin is not None:
            actors[name] = Actor(user=admin, organisation=organisations[name], role="admin")
    closed_on = timezone.localdate() - timedelta(days=21)
    for number, row in enumerate(DEMO_TENDERS, start=1):
        government, title, on, ambition, phases, why_not, contractor = row
        actor = actors.get(government)
        if actor is None:
            continue
        member = organisations.get(contractor)
        tender_save(
            actor=actor,
            data={
                "title": title,
                "reference": f"{on[:4]}-{number:03d}",
                "tendered_on": date.fromisoformat(on),
                "value_band": "221k_5538k",
                "isv_applied": not why_not,
                "isv_explanation": why_not,
                "phases": list(phases),
                "ambition": ambition,
                "contractor": member,
                "contractor_name": "" if member else "Stratenmakers Noord B.V.",
                "contract_closed_on": closed_on if "contract" in phases else None,
            },
            criteria_ids=[],
        )
    if "Gemeente Amsterdam" in actors:
        report = report_start(actor=actors["Gemeente Amsterdam"], year=2025)
        report_submit(actor=actors["Gemeente Amsterdam"], report=report)
    ngo = organisations.get("Landelijke India Werkgroep")
    researcher = User.objects.filter(email="ngo@trustone.demo").first()
    if ngo is not None and researcher is not None and not TenderSignal.objects.exists():
        tender_signal_file(
            actor=Actor(user=researcher, organisation=ngo, role="member"),
            government_id=None,
            government_name="Gemeente Voorbeeldstad",
            tender_title="Herinrichting Marktplein (graniet uit India)",
            url="",
            description="De aanbesteding vraagt Indiaas graniet zonder ISV of enig criterium.",
        )


def _admin_of(organisation: Any) -> Any:
    from members.models import Membership

    membership = (
        Membership.objects.filter(organisation=organisation, is_active=True)
        .select_related("user")
        .order_by("-role", "pk")
        .first()
    )
    return membership.user if membership else None
