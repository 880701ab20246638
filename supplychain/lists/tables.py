"""The lists without company links as people read them: a label for each row (a site,
or the other sites of a region or country together), filters, and the export files."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django_countries import countries

from trustone.spreadsheets import csv_bytes, xlsx_bytes

from ..models import FacilityKind


def country_name(code: str) -> str:
    return str(countries.name(code)) if code else ""


def area_label(row: Mapping[str, Any]) -> str:
    """Where a row of the aggregated or quarry-area list is, in words."""
    level = row["level"]
    country = country_name(row["country"])
    if level == "site":
        return row["name"] or row["site"]
    if level == "district":  # GeoNames knows no district there: the region stands for it
        return row["district"] or row["region"] or country
    if level == "region":
        region = row["region"]
        if "site" in row:  # the aggregated list: the region's sites not shown alone
            if not region:
                return _("Elsewhere in %(country)s") % {"country": country}
            return _("Other sites in %(region)s") % {"region": region}
        return _("Several districts")  # the quarry areas: districts combined
    if level == "country":
        return _("Other places in %(country)s") % {"country": country}
    return _("Other countries")


def readable(rows: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """The rows with their place in words and the country's name."""
    kinds = dict(FacilityKind.choices)
    return [
        {
            **row,
            "label": area_label(row),
            "country_name": country_name(row["country"]),
            "kind_name": str(kinds.get(row.get("kind", ""), "")),
            "volume_amount": None if row.get("volume") is None else Decimal(row["volume"]),
        }
        for row in rows
    ]


def filtered(rows: Iterable[Mapping[str, Any]], filters: Mapping[str, str]) -> list[Any]:
    """The rows in the country and region asked for, or naming the text asked for."""
    country = filters.get("country", "").strip().upper()
    region = filters.get("region", "").strip().lower()
    q = filters.get("q", "").strip().lower()
    return [
        row
        for row in rows
        if (not country or row["country"] == country)
        and (not region or row["region"].lower() == region)
        and (
            not q
            or any(
                q in str(row.get(key, "")).lower()
                for key in ("name", "site", "region", "district", "label")
            )
            or any(q in product.lower() for product in row["products"])
        )
    ]


def country_choices(rows: Iterable[Mapping[str, Any]]) -> list[tuple[str, str]]:
    codes = {row["country"] for row in rows if row["country"]}
    return sorted(((code, country_name(code)) for code in codes), key=lambda c: c[1])


def aggregated_mark(viewer: str, organisation: str, purpose: str = "") -> str:
    """The line every export of the aggregated list starts with."""
    mark = _(
        "Confidential – TruStone aggregated list – exported by %(viewer)s (%(organisation)s) "
        "on %(date)s. No row may be linked to a company (Art. 6.4)."
    ) % {
        "viewer": viewer,
        "organisation": organisation,
        "date": date_format(timezone.localtime(), "DATETIME_FORMAT"),
    }
    return f"{mark} {purpose}".strip()


def _aggregated_table(rows: Iterable[Mapping[str, Any]], mark: str) -> list[list[Any]]:
    headers = [
        _("Site id"),
        _("Site or area"),
        _("Kind"),
        _("Region"),
        _("Country"),
        _("Sites"),
        _("Buying members"),
        _("Purchase volume (euro per year)"),
        _("Stone types"),
    ]
    return [
        [mark],
        headers,
        *(
            [
                row["site"],
                row["label"],
                row["kind_name"],
                row["region"],
                row["country_name"],
                row["sites"],
                "" if row["buyers"] is None else row["buyers"],
                "" if row["volume_amount"] is None else row["volume_amount"],
                ", ".join(row["products"]),
            ]
            for row in rows
        ),
    ]


def aggregated_csv(rows: Iterable[Mapping[str, Any]], mark: str) -> bytes:
    return csv_bytes(_aggregated_table(rows, mark))


def aggregated_xlsx(rows: Iterable[Mapping[str, Any]], mark: str) -> bytes:
    return xlsx_bytes([(_("Aggregated list"), _aggregated_table(rows, mark))])
