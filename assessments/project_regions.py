"""The candidate regions for joint projects (Art. 6.15, DOMAIN §9): production regions
where at least three listed member companies source, with the themes that the plans of
action in their latest submitted reports raise there.

A risk is placed in a region by the registry site of the facility it names, or else by
the region's name in its "production region" text. Only counts are published: how many
companies source there, and how many raise each theme; no company is named. The list is
built by supplychain's list jobs; this module is registered with them in
AssessmentsConfig.ready()."""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Any

from anyascii import anyascii
from django.utils import translation

from supplychain.lists.aggregate import facility_regions, region_buyers

from .models import Report, ReportStatus, Risk, Theme

MIN_COMPANIES = 3  # DOMAIN §9: at least three TruStone companies source in the region


def _key(text: str) -> str:
    return " " + " ".join(re.findall(r"[a-z0-9]+", anyascii(text).lower())) + " "


def _latest_reports(organisation_ids: set[int]) -> list[int]:
    """Each company's latest submitted report (the plan it stands by now)."""
    latest: dict[int, int] = {}
    reports = (
        Report.objects.filter(organisation_id__in=organisation_ids, status=ReportStatus.SUBMITTED)
        .order_by("organisation_id", "period__year", "version")
        .values_list("organisation_id", "pk")
    )
    for organisation, report in reports:
        latest[organisation] = report
    return list(latest.values())


def project_region_rows() -> list[dict[str, Any]]:
    """One row per candidate region: country, region, companies, themes (each with the
    number of those companies whose plan raises it there), most companies first."""
    candidates = {
        key: companies
        for key, companies in region_buyers().items()
        if len(companies) >= MIN_COMPANIES
    }
    if not candidates:
        return []
    companies = set().union(*candidates.values())
    risks = list(
        Risk.objects.filter(report_id__in=_latest_reports(companies)).values_list(
            "report__organisation_id", "theme", "region", "facility_id"
        )
    )
    placed = facility_regions(facility for *_rest, facility in risks if facility is not None)
    names = {key: _key(key[1]) for key in candidates}
    raised: dict[tuple[str, str], dict[str, set[int]]] = defaultdict(lambda: defaultdict(set))
    for company, theme, region_text, facility in risks:
        where = placed.get(facility) if facility is not None else None
        keys = (
            [where]
            if where in candidates
            else [key for key, name in names.items() if name in _key(region_text)]
        )
        for key in keys:
            if company in candidates[key]:
                raised[key][theme].add(company)
    with translation.override("en"):  # the page translates the theme's English name
        labels = {value: str(label) for value, label in Theme.choices}
    rows = [
        {
            "country": country,
            "region": region,
            "companies": len(members),
            "themes": [
                {"theme": theme, "name": labels.get(theme, theme), "companies": len(who)}
                for theme, who in sorted(
                    raised[(country, region)].items(), key=lambda item: (-len(item[1]), item[0])
                )
            ],
        }
        for (country, region), members in candidates.items()
    ]
    return sorted(rows, key=lambda row: (-row["companies"], row["country"], row["region"]))
