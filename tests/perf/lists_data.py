"""Supply chains for `time:build_lists`: every generated member company buys through a
few chains from a pool of sites of the synthetic registry (the one `match:facilities`
matches against), so that the lists have many sites, regions and buyers to aggregate and
to suppress. Seeded and idempotent."""

from __future__ import annotations

import random
from decimal import Decimal
from typing import Any

from .data import BATCH_SIZE, ORG_SLUG_PREFIX, _analyze, _batched, log
from .matching import registry_load
from .registry_data import canonical_sites

SITES_PER_SCALE = 1.5  # sites in the pool per generated organisation
CHAINS_PER_COMPANY = (1, 6)
REGISTRY = 100_000  # the registry of `match:facilities`, shared
PRODUCTS = ("Kota Blue", "Kandla Grey", "G654", "Absolute Black", "Juparana", "Estremoz")


def _pool(count: int) -> list[int]:
    """The first `count` sites of the matching benchmark's registry (loaded if needed)."""
    keys = registry_load(canonical_sites(REGISTRY))
    return sorted(pk for pk, key in keys.items() if key < count)


def supply_chains_generate(scale: int) -> dict[str, int]:
    """Chains for every generated company that has none, through sites of the pool."""
    from django.db import transaction

    from members.models import Organisation
    from supplychain.models import Chain, Facility, Site

    with transaction.atomic():
        pool = _pool(max(100, int(scale * SITES_PER_SCALE)))
        sites = {s.pk: s for s in Site.objects.filter(pk__in=pool).only("kind", "name", "country")}
        quarries = [pk for pk in pool if sites[pk].kind == "quarry"]
        factories = [pk for pk in pool if sites[pk].kind == "factory"]
        missing = (
            Organisation.objects.filter(slug__startswith=ORG_SLUG_PREFIX, kind="company")
            .exclude(pk__in=Chain.objects.values("organisation_id"))
            .order_by("pk")
            .values_list("pk", flat=True)
        )
        created = 0
        for batch in _batched(missing.iterator(chunk_size=BATCH_SIZE), BATCH_SIZE):
            facilities: list[Facility] = []
            plans: list[tuple[int, str, str, int, int]] = []
            for organisation in batch:
                rng = random.Random(organisation)
                for _ in range(rng.randint(*CHAINS_PER_COMPANY)):
                    factory, quarry = rng.choice(factories), rng.choice(quarries)
                    for site in (factory, quarry):
                        facilities.append(_facility(organisation, sites[site]))
                    plans.append(
                        (
                            organisation,
                            rng.choice(PRODUCTS),
                            str(rng.randint(5, 400) * 1000),
                            len(facilities) - 2,
                            len(facilities) - 1,
                        )
                    )
            chains_create(facilities, plans)
            created += len(batch)
    if created:
        log(f"supply chains: {created} companies buy from {len(pool)} sites")
        _analyze(Facility, Chain)
    return {"created": created, "removed": 0}


def _facility(organisation: int, site: Any) -> Any:
    from supplychain.models import Facility, FacilityLink

    return Facility(
        organisation_id=organisation,
        kind=site.kind,
        name=site.name,
        country=site.country,
        site_id=site.pk,
        site_link=FacilityLink.CONFIRMED,
    )


def chains_create(facilities: list[Any], plans: list[tuple[int, str, str, int, int]]) -> None:
    """Save the facilities, then a chain per plan (organisation, product, volume, index of
    its factory and of its quarry in `facilities`)."""
    from supplychain.models import Chain, Facility

    made = Facility.objects.bulk_create(facilities, batch_size=BATCH_SIZE)
    Chain.objects.bulk_create(
        (
            Chain(
                organisation_id=organisation,
                product=product,
                factory=made[factory],
                quarry=made[quarry],
                volume_eur=Decimal(volume),
            )
            for organisation, product, volume, factory, quarry in plans
        ),
        batch_size=BATCH_SIZE,
    )
