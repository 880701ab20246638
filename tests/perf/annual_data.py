"""Data for `time:annual_report`: the first 1,000 generated member companies buy through
50 chains each (on top of what `supply_chains_generate` gave every company), from the
pool of registry sites the lists use, so that the report's sourcing table has tens of
thousands of chains to aggregate and suppress. Seeded and idempotent."""

from __future__ import annotations

import random

from .data import BATCH_SIZE, ORG_SLUG_PREFIX, _analyze, _batched, log
from .lists_data import PRODUCTS, SITES_PER_SCALE, _facility, _pool, chains_create

ANNUAL_COMPANIES = 1000
ANNUAL_CHAINS = 50


def annual_chains_generate(scale: int) -> dict[str, int]:
    """Chains up to ANNUAL_CHAINS for each of the first ANNUAL_COMPANIES companies."""
    from django.db import transaction
    from django.db.models import Count

    from members.models import Organisation
    from supplychain.models import Chain, Facility, Site

    with transaction.atomic():
        pool = _pool(max(100, int(scale * SITES_PER_SCALE)))
        sites = {s.pk: s for s in Site.objects.filter(pk__in=pool).only("kind", "name", "country")}
        quarries = [pk for pk in pool if sites[pk].kind == "quarry"]
        factories = [pk for pk in pool if sites[pk].kind == "factory"]
        companies = (
            Organisation.objects.filter(slug__startswith=ORG_SLUG_PREFIX, kind="company")
            .order_by("pk")
            .annotate(chain_count=Count("chains"))
            .values_list("pk", "chain_count")[:ANNUAL_COMPANIES]
        )
        created = 0
        for batch in _batched(iter(list(companies)), BATCH_SIZE // 10):
            facilities: list[Facility] = []
            plans: list[tuple[int, str, str, int, int]] = []
            for organisation, count in batch:
                rng = random.Random(f"annual-{organisation}")
                for _ in range(max(0, ANNUAL_CHAINS - count)):
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
            if not plans:
                continue
            chains_create(facilities, plans)
            created += len(plans)
    if created:
        log(f"annual report: {created} chains added for {ANNUAL_COMPANIES} companies")
        _analyze(Facility, Chain)
    return {"created": created, "removed": 0}
