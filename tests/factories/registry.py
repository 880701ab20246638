"""Registry sites and the listed members that buy from them, for the lists' tests."""

from decimal import Decimal
from typing import Any

from supplychain.models import Chain, Facility, Site


def site(name: str, where: tuple[float, float], kind: str = "quarry", country: str = "IN") -> Site:
    """A registry site at (lat, lon)."""
    return Site.objects.create(
        kind=kind, name=name, country=country, latitude=where[0], longitude=where[1]
    )


def buy(company: Any, at: Site, volume: str = "100000", product: str = "Kota Blue") -> Facility:
    """`company` reports `at` (linked by the secretariat) in a chain of `volume` euro."""
    facility = Facility.objects.create(
        organisation=company,
        kind=at.kind,
        name=at.name,
        country=at.country,
        site=at,
        site_link="confirmed",
    )
    Chain.objects.create(
        organisation=company,
        product=product,
        volume_eur=Decimal(volume),
        **{"quarry" if at.kind == "quarry" else "factory": facility},
    )
    return facility
