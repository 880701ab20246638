"""The registry in Open Supply Hub's list format (a CSV OSH accepts as a list upload):
country, name, address, sector, facility type, coordinates, and the site's TruStone id
and OS ID, so that a site published there can be recognised again."""

from __future__ import annotations

from collections.abc import Iterable

from trustone.spreadsheets import csv_bytes

from ..models import FacilityKind, Site
from ..rules import join_address

COLUMNS = (
    "country",
    "name",
    "address",
    "sector",
    "facility_type",
    "lat",
    "lng",
    "trustone_id",
    "os_id",
)
FACILITY_TYPES: dict[str, str] = {FacilityKind.QUARRY: "Quarry", FacilityKind.FACTORY: "Processing"}


def osh_csv(sites: Iterable[Site]) -> bytes:
    """UTF-8 with a byte-order mark (spreadsheets open it right), comma-separated."""
    return csv_bytes(
        [
            COLUMNS,
            *(
                [
                    str(site.country),
                    site.name,
                    join_address(site.address, site.place),
                    "Natural Stone",
                    FACILITY_TYPES.get(site.kind, ""),
                    "" if site.latitude is None else f"{site.latitude:.6f}",
                    "" if site.longitude is None else f"{site.longitude:.6f}",
                    site.public_id,
                    site.os_id,
                ]
                for site in sites
            ),
        ],
        delimiter=",",
    )
