"""How a facility is written: its address parts joined without empty pieces. Works on a
Facility and on a facility in a report's snapshot (a dict with a country code)."""

from __future__ import annotations

from typing import Any

from django import template
from django_countries import countries

from supplychain.rules import join_address

register = template.Library()


def _parts(facility: Any) -> tuple[str, str, str, str]:
    if isinstance(facility, dict):
        get = facility.get
    else:

        def get(name: str, default: Any = "") -> Any:
            return getattr(facility, name, default)

    country = get("country", "") or ""
    code = getattr(country, "code", country) or ""
    country_name = str(countries.name(code)) if code else ""
    return get("name", "") or "", get("address", "") or "", get("place", "") or "", country_name


@register.filter
def facility_location(facility: Any) -> str:
    """Address, place, country — whichever are known."""
    _name, address, place, country = _parts(facility)
    return join_address(address, place, country)


@register.filter
def facility_label(facility: Any) -> str:
    """Name, place, country — whichever are known."""
    name, _address, place, country = _parts(facility)
    return join_address(name, place, country)
