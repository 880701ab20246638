"""Reading the linked list: the latest published version, filtered, and written to a
file that carries who exported it and when (a watermark on every export)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django_countries import countries

from trustone.spreadsheets import csv_bytes, xlsx_bytes

from ..models import FacilityKind

FILTERS = ("q", "country", "kind", "product", "company")


def filtered(
    rows: Iterable[Mapping[str, Any]], filters: Mapping[str, str]
) -> list[Mapping[str, Any]]:
    """The rows that match every filter given (case-insensitive; a product or company
    matches on part of its name)."""
    q = filters.get("q", "").strip().lower()
    country = filters.get("country", "").strip().upper()
    kind = filters.get("kind", "").strip()
    product = filters.get("product", "").strip().lower()
    company = filters.get("company", "").strip().lower()
    return [
        row
        for row in rows
        if (
            not q
            or q in row["name"].lower()
            or q in row["site"].lower()
            or q in row["place"].lower()
        )
        and (not country or row["country"] == country)
        and (not kind or row["kind"] == kind)
        and (not product or any(product in p.lower() for p in row["products"]))
        and (not company or company in row["company"].lower())
    ]


def choices(rows: Iterable[Mapping[str, Any]]) -> dict[str, list[tuple[str, str]]]:
    """What the filters offer: the countries and companies in the list."""
    rows = list(rows)
    codes = sorted({row["country"] for row in rows})
    return {
        "countries": sorted(
            ((code, str(countries.name(code))) for code in codes), key=lambda c: c[1]
        ),
        "companies": [(name, name) for name in sorted({row["company"] for row in rows})],
    }


def points(rows: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """One map marker per site (not per link), labelled with every company buying there."""
    sites: dict[str, dict[str, Any]] = {}
    for row in rows:
        if row["lat"] is None:
            continue
        point = sites.setdefault(
            row["site"], {"lat": row["lat"], "lon": row["lon"], "name": row["name"], "buyers": []}
        )
        point["buyers"].append(row["company"])
    return [
        {"lat": p["lat"], "lon": p["lon"], "label": f"{p['name']} – {', '.join(p['buyers'])}"}
        for p in sites.values()
    ]


def watermark(viewer: str, organisation: str) -> str:
    """The line every export starts with."""
    return _(
        "Confidential – TruStone linked list – exported by %(viewer)s (%(organisation)s) on "
        "%(date)s. Do not share (Art. 6.3)."
    ) % {
        "viewer": viewer,
        "organisation": organisation,
        "date": date_format(timezone.localtime(), "DATETIME_FORMAT"),
    }


def _headers() -> list[str]:
    return [
        _("Site id"),
        _("Name"),
        _("Kind"),
        _("Place"),
        _("Country"),
        _("Latitude"),
        _("Longitude"),
        _("Company"),
        _("Stone types"),
    ]


def _cells(row: Mapping[str, Any]) -> list[Any]:
    kinds = dict(FacilityKind.choices)
    return [
        row["site"],
        row["name"],
        str(kinds.get(row["kind"], row["kind"])),
        row["place"],
        str(countries.name(row["country"])),
        "" if row["lat"] is None else row["lat"],
        "" if row["lon"] is None else row["lon"],
        row["company"],
        ", ".join(row["products"]),
    ]


def linked_csv(rows: Iterable[Mapping[str, Any]], mark: str) -> bytes:
    return csv_bytes([[mark], _headers(), *(_cells(row) for row in rows)])


def linked_xlsx(rows: Iterable[Mapping[str, Any]], mark: str) -> bytes:
    return xlsx_bytes([(_("Linked list"), [[mark], _headers(), *(_cells(row) for row in rows)])])
