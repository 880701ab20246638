"""Demo data of the supply chain: a real-looking supplier list for the demo importer.
Registered as a demo seeder in SupplychainConfig.ready(); idempotent."""

from __future__ import annotations

from typing import Any

from django.db.models import Count

from members.models import Membership
from trustone.access.actor import actor_for

from .demo_registry import seed_supplier_lists
from .lists.building import lists_build
from .lists.services import statement_record
from .models import Chain, ConfidentialityStatement, Facility, Signal, Site
from .registry.matcher import facilities_match
from .signals.services import signal_file, signal_message_post, signal_route

DEMO_IMPORTER = "Van der Steen Natuursteen B.V."
DEMO_NGO = "Landelijke India Werkgroep"
#: Answers the demo signal (bedrijf@trustone.demo works for it too).
DEMO_ANSWERING = "Graniet Import Nederland B.V."


# (product, factory, factory place, country, lat, lon, quarry, quarry place, volume €)
SUPPLIER_LIST = [
    (
        "Kandla Grey zandsteen",
        "Shree Ganesh Stone Industries",
        "Kota",
        "IN",
        "25.1802",
        "75.8331",
        "Bijolia sandstone quarry",
        "Bijolia",
        "185000",
    ),
    (
        "Raj Green leisteen",
        "Rajasthan Slate Works",
        "Deoli",
        "IN",
        "25.7561",
        "75.3811",
        "",
        "",
        "64000",
    ),
    (
        "G654 graniet",
        "Xiamen Granite Co.",
        "Shuitou",
        "CN",
        "24.7373",
        "118.4364",
        "Zhangpu quarry",
        "Zhangpu",
        "142000",
    ),
    (
        "Blauwe hardsteen (Vietnam)",
        "Thanh Hoa Bluestone Factory",
        "Thanh Hoa",
        "VN",
        "",
        "",
        "",
        "",
        "96000",
    ),
    (
        "Sagar Black",
        "Sagar Stones Pvt. Ltd.",
        "Ongole",
        "IN",
        "15.5057",
        "80.0499",
        "Chimakurthy quarry",
        "Chimakurthy",
        "51000",
    ),
]


def seed_supplier_list_of(organisation: Any) -> None:
    """A supplier list of five chains in India, China and Vietnam, unless it has one."""
    if Chain.objects.filter(organisation=organisation).exists():
        return
    for product, factory, place, country, lat, lon, quarry, quarry_place, volume in SUPPLIER_LIST:
        factory_row = Facility.objects.create(
            organisation=organisation,
            kind="factory",
            name=factory,
            place=place,
            country=country,
            latitude=lat or None,
            longitude=lon or None,
            address="" if lat else f"Industrial Area, {place}",
        )
        quarry_row = None
        if quarry:
            quarry_row = Facility.objects.create(
                organisation=organisation,
                kind="quarry",
                name=quarry,
                place=quarry_place,
                country=country,
                address=f"{quarry_place} mining area",
            )
        Chain.objects.create(
            organisation=organisation,
            product=product,
            factory=factory_row,
            quarry=quarry_row,
            extraction_country=country,
            processing_country=country,
            volume_eur=volume,
        )


def seed_supply_chain(organisations: dict[str, Any]) -> None:
    """The demo importers' supplier lists, then the registry: matched as after their
    submissions (some sites linked, a few proposals for the coordinator)."""
    seed_supplier_list_of(organisations[DEMO_IMPORTER])
    seed_supplier_lists(organisations)
    facilities_match()
    seed_statement(organisations.get(DEMO_NGO))
    lists_build()
    seed_signal(organisations.get(DEMO_NGO))


def seed_signal(ngo: Any) -> None:
    """The demo NGO's signal about a quarry that Graniet Import and other members buy
    from, routed to them; Graniet Import has answered."""
    quarry = (
        Site.objects.filter(kind="quarry", facilities__organisation__name=DEMO_ANSWERING)
        .annotate(buyers=Count("facilities__organisation", distinct=True))
        .order_by("-buyers", "pk")
        .first()
    )
    if ngo is None or quarry is None or Signal.objects.exists():
        return
    watcher = Membership.objects.filter(organisation=ngo).select_related("user").first()
    coordinator = (
        Membership.objects.filter(organisation__kind="secretariat", role="admin")
        .select_related("user", "organisation")
        .first()
    )
    if watcher is None or coordinator is None:
        return
    signal = signal_file(
        actor=actor_for(watcher.user, ngo.pk),
        site_id=quarry.public_id,
        country="",
        region="",
        themes=["child_labour", "health_and_safety"],
        description=(
            "Bij een bezoek in oktober zagen onze partners kinderen van 12 tot 14 jaar "
            "stenen sjouwen in de groeve, zonder mondkapjes in het stof."
        ),
        since=None,
        affected=35,
        sources="Veldbezoek partnerorganisatie, oktober 2026; foto's op aanvraag.",
        urgency="urgent",
        attachments=[],
    )
    routes = signal_route(
        actor=actor_for(coordinator.user, coordinator.organisation_id), signal=signal
    )
    answering = next((r for r in routes if r.organisation.name == DEMO_ANSWERING), None)
    admin = (
        Membership.objects.filter(organisation=answering.organisation)
        .select_related("user")
        .order_by("-role", "pk")
        .first()
        if answering
        else None
    )
    if answering is not None and admin is not None:
        signal_message_post(
            actor=actor_for(admin.user, answering.organisation_id),
            route=answering,
            body=(
                "Dank voor de melding. Onze inkoper bezoekt de groeve in december en vraagt "
                "de leverancier om een leeftijdscontrole bij de ingang."
            ),
        )


def seed_statement(ngo: Any) -> None:
    """The demo NGO has signed the confidentiality statement (its researcher sees the
    linked list)."""
    if ngo is None or ConfidentialityStatement.objects.filter(organisation=ngo).exists():
        return
    membership = Membership.objects.filter(organisation=ngo).select_related("user").first()
    if membership is None:
        return
    statement_record(
        organisation=ngo,
        signed_by=membership.user,
        signer_name=membership.user.full_name or membership.user.email,
        signer_function="Coördinator",
        language="nl",
    )
