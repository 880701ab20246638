"""The lists without company links: the aggregated list (Art. 6.4), the public
quarry-area list (Art. 6.5) and the regions where members source together (Art. 6.15).

Each is built from what the listed member companies report, per registry site, and
passes disclosure control (`rules.disclosed_cells`, DOMAIN §5): contributions are summed
per company first; a cell with fewer than three companies, or held for more than 85 %
by its two largest, is merged into a coarser group, and secondary suppression keeps the
merged cells from being derived. Published coordinates are coarsened to a grid of
`GRID_DEGREES`. No row names a company, and a public row names no site."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from members.public import listed_organisations

from ..models import Chain, Facility, FacilityKind
from ..places import Area, area_of
from ..rules.disclosure import MIN_CONTRIBUTORS, disclosed_cells

GRID_DEGREES = 0.25  # the public quarry-area map never shows a place finer than this

Path = tuple[str, ...]


@dataclass
class SiteSourcing:
    """One registry site as the listed members report it: its area, the volume each
    company buys through it (0 when a company gives none) and the stone types."""

    public_id: str
    name: str
    kind: str
    area: Area
    lat: float | None
    lon: float | None
    volumes: dict[int, Decimal] = field(default_factory=dict)
    products: dict[str, set[int]] = field(default_factory=dict)  # product → companies

    @property
    def area_point(self) -> tuple[float | None, float | None]:
        """Where the town that placed the site is (for a site without coordinates)."""
        return self.area.lat, self.area.lon


_reading: ContextVar[list[list[SiteSourcing]] | None] = ContextVar("_reading", default=None)


@contextmanager
def one_reading() -> Iterator[None]:
    """Within it, the lists built share one reading of the supply chains (a rebuild of
    every list reads them once)."""
    token = _reading.set([])
    try:
        yield
    finally:
        _reading.reset(token)


def site_sourcing() -> list[SiteSourcing]:
    """Every registry site that a listed member company reports, with who buys there."""
    reading = _reading.get()
    if reading:
        return reading[0]
    sourcing = _site_sourcing()
    if reading is not None:
        reading.append(sourcing)
    return sourcing


def _site_sourcing() -> list[SiteSourcing]:
    members = listed_organisations().filter(kind="company")
    facilities = Facility.objects.filter(
        organisation__in=members, site__isnull=False, archived_at__isnull=True
    ).values_list(
        "pk",
        "organisation_id",
        "site_id",
        "site__public_id",
        "site__name",
        "site__kind",
        "site__country",
        "site__latitude",
        "site__longitude",
        "site__place",
        "site__address",
        "latitude",
        "longitude",
    )
    sites: dict[int, SiteSourcing] = {}
    site_of: dict[int, int] = {}
    rows = list(facilities.order_by("site_id", "latitude"))  # with coordinates first
    for pk, organisation, site, public_id, name, kind, country, *where in rows:
        if site not in sites:
            lat, lon, place, address, facility_lat, facility_lon = where
            if lat is None:  # the site's first report had none: a later one may
                lat, lon = facility_lat, facility_lon
            lat_f = None if lat is None else float(lat)
            lon_f = None if lon is None else float(lon)
            area = area_of(country, lat_f, lon_f, str(place), str(address))
            sites[site] = SiteSourcing(public_id, name, kind, area, lat_f, lon_f)
        sites[site].volumes.setdefault(organisation, Decimal(0))
        site_of[pk] = site
    chains = Chain.objects.filter(organisation__in=members).values_list(
        "organisation_id", "factory_id", "quarry_id", "product", "volume_eur"
    )
    for organisation, factory, quarry, product, volume in chains:
        for facility in dict.fromkeys((factory, quarry)):  # each facility once
            site_id = site_of.get(facility) if facility is not None else None
            if site_id is None:
                continue
            sourcing = sites[site_id]
            sourcing.volumes[organisation] = sourcing.volumes.get(organisation, Decimal(0)) + (
                volume or Decimal(0)
            )
            if product.strip():
                sourcing.products.setdefault(product.strip(), set()).add(organisation)
    return list(sites.values())


#: What a company that reports no volume contributes: it counts as a buyer (the rule of
#: three) and holds no share of the volume (the dominance rule), and it never shows in a
#: published total, which is rounded to cents.
NO_VOLUME = Decimal("0.000001")


def _contributions(volumes: Mapping[int, Decimal]) -> dict[Hashable, Decimal]:
    return {company: max(amount, NO_VOLUME) for company, amount in volumes.items()}


def _common_products(sites: Iterable[SiteSourcing]) -> list[str]:
    """The stone types reported in a cell by at least MIN_CONTRIBUTORS companies: a type
    is free text, and one company's trade name would tie it to the cell."""
    companies: dict[str, set[int]] = defaultdict(set)
    for site in sites:
        for product, buyers in site.products.items():
            companies[product] |= buyers
    return sorted(p for p, buyers in companies.items() if len(buyers) >= MIN_CONTRIBUTORS)


def _listed_order(path: Path) -> tuple[str, ...]:
    """Sites before the rest of their region, regions before the rest of their country,
    and the other countries last."""
    return tuple(path) + ("\uffff",) * (3 - len(path))


def _home(path: Path, published: Iterable[Path]) -> Path | None:
    """The published cell a finest-level cell was counted in: its longest published
    prefix (itself when it is shown), or None when it is left out."""
    shown = set(published)
    for length in range(len(path), -1, -1):
        if path[:length] in shown:
            return path[:length]
    return None


def aggregated_rows() -> list[dict[str, Any]]:
    """The aggregated list: each published cell — a site, or the other sites of a
    region or country together — with its number of buying members, their total volume
    and how many sites it holds. One disclosure run decides both figures, so a count and
    a volume always describe the same sites. No company is named."""
    sourcing = site_sourcing()
    by_path: dict[Path, SiteSourcing] = {
        (s.area.country, s.area.region, s.public_id): s for s in sourcing
    }
    published = disclosed_cells({path: _contributions(s.volumes) for path, s in by_path.items()})
    sites: dict[Path, list[SiteSourcing]] = defaultdict(list)
    for path, site in by_path.items():
        home = _home(path, published)
        if home is not None:
            sites[home].append(site)
    rows = []
    for path in sorted(published, key=_listed_order):
        members = sites[path]
        single = members[0] if len(path) == 3 else None
        volume = sum(published[path].values(), Decimal(0)).quantize(Decimal("0.01"))
        rows.append(
            {
                "level": ("other", "country", "region", "site")[len(path)],
                "country": path[0] if path else "",
                "region": path[1] if len(path) > 1 else "",
                "site": single.public_id if single else "",
                "name": single.name if single else "",
                "kind": single.kind if single else "",
                "sites": len(members),
                "buyers": len(published[path]),
                "volume": str(volume) if volume else None,
                "products": _common_products(members),
            }
        )
    return rows


def _coarse(values: Iterable[float]) -> float | None:
    values = list(values)
    if not values:
        return None
    # To the nearest grid line: a multiple of 0.25 has at most two decimals (DOMAIN §5).
    return round(round(sum(values) / len(values) / GRID_DEGREES) * GRID_DEGREES, 2)


def quarry_area_rows() -> list[dict[str, Any]]:
    """The public quarry-area list: the districts (or, where a district has too few
    buyers, the regions and countries) where members source stone from quarries, with
    the stone types, the number of members and a location coarsened to the grid."""
    quarries = [s for s in site_sourcing() if s.kind == FacilityKind.QUARRY]
    by_path: dict[Path, dict[Hashable, Decimal]] = defaultdict(dict)
    sites: dict[Path, list[SiteSourcing]] = defaultdict(list)
    for site in quarries:
        path: Path = (site.area.country, site.area.region, site.area.district)
        for company in site.volumes:
            by_path[path][company] = Decimal(1)
        sites[path].append(site)
    published = disclosed_cells(by_path)
    members: dict[Path, list[SiteSourcing]] = defaultdict(list)
    for path, group in sites.items():
        home = _home(path, published)
        if home is not None:
            members[home].extend(group)
    rows = []
    for path in sorted(published, key=_listed_order):
        group = members[path]
        located: list[tuple[float, float]] = []
        for quarry in group:
            lat, lon = (quarry.lat, quarry.lon) if quarry.lat is not None else quarry.area_point
            if lat is not None and lon is not None:
                located.append((lat, lon))
        rows.append(
            {
                "level": ("other", "country", "region", "district")[len(path)],
                "country": path[0] if path else "",
                "region": path[1] if len(path) > 1 else "",
                "district": path[2] if len(path) > 2 else "",
                "members": len(published[path]),
                "products": _common_products(group),
                # Only a region or district gets a point on the map; a country is too wide.
                "lat": _coarse(lat for lat, _ in located) if len(path) > 1 else None,
                "lon": _coarse(lon for _, lon in located) if len(path) > 1 else None,
            }
        )
    return rows


def region_buyers() -> dict[tuple[str, str], set[int]]:
    """(country, region) → the listed member companies that source there (any site
    kind); for the candidate project regions, which show only their number."""
    regions: dict[tuple[str, str], set[int]] = defaultdict(set)
    for site in site_sourcing():
        if site.area.region:
            regions[(site.area.country, site.area.region)].update(site.volumes)
    return dict(regions)


def facility_regions(facility_ids: Iterable[int]) -> dict[int, tuple[str, str]]:
    """facility → (country, region) of the registry site it is linked to, for the
    facilities that are linked to a site that can be placed in a region."""
    found = {}
    rows = Facility.objects.filter(pk__in=list(facility_ids), site__isnull=False).values_list(
        "pk",
        "site__country",
        "site__latitude",
        "site__longitude",
        "site__place",
        "site__address",
        "latitude",
        "longitude",
    )
    for pk, country, lat, lon, place, address, facility_lat, facility_lon in rows:
        if lat is None:
            lat, lon = facility_lat, facility_lon
        area = area_of(
            country,
            None if lat is None else float(lat),
            None if lon is None else float(lon),
            place,
            address,
        )
        if area.region:
            found[pk] = (area.country, area.region)
    return found
