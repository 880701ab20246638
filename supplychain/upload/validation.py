"""Validating the rows of a supplier-list file: row, column and reason in the user's
language for every problem; nothing is imported unless every row is valid."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from django.utils.translation import gettext as _
from django_countries import countries

from ..rules import coordinates_problem
from .columns import (
    COLUMNS,
    HEADERS,
    MAX_ROWS,
    NO,
    REQUIRED,
    YES,
    ChainRow,
    FacilityRow,
    Problem,
    Validation,
)

# --- Validating ------------------------------------------------------------------------


def _country_lookup() -> dict[str, str]:
    lookup: dict[str, str] = {}
    from django.utils import translation

    for language in ("en", "nl"):
        with translation.override(language):
            for code, country_name in countries:
                lookup[str(country_name).casefold()] = code
    for code, _name in countries:
        lookup[code.casefold()] = code
        alpha3 = countries.alpha3(code)
        if alpha3:
            lookup[alpha3.casefold()] = code
    return lookup


def validate_rows(rows: list[list[str]]) -> Validation:
    """Check every row; collect every problem with its row, column and reason."""
    result = Validation()
    rows = list(rows)
    while rows and not any(cell.strip() for cell in rows[-1]):
        rows.pop()
    if not rows:
        result.problems.append(Problem(0, "", _("The file is empty.")))
        return result
    header = [cell.strip().lower() for cell in rows[0]]
    positions: dict[str, int] = {}
    written: dict[str, str] = {}
    for index, title in enumerate(header):
        column = HEADERS.get(title)
        if column is not None and column.key not in positions:
            positions[column.key] = index
            written[column.key] = rows[0][index].strip()
    missing = [
        column for column in COLUMNS if column.key in REQUIRED and column.key not in positions
    ]
    if missing:
        result.problems.append(
            Problem(
                0,
                "",
                _(
                    "The column %(column)s is missing. Use the template: its first row holds the "
                    "column names."
                )
                % {"column": ", ".join(c.dutch + " / " + c.english for c in missing)},
            )
        )
        return result
    if len(rows) - 1 > MAX_ROWS:
        result.problems.append(
            Problem(0, "", _("The file has more than %(max)s rows.") % {"max": MAX_ROWS})
        )
        return result
    countries_by_name = _country_lookup()
    seen: dict[tuple[str, ...], int] = {}
    for number, cells in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in cells):
            continue
        values = {
            key: (cells[index].strip() if index < len(cells) else "")
            for key, index in positions.items()
        }
        problems: list[Problem] = []

        def problem(
            key: str, message: str, number: int = number, problems: list[Problem] = problems
        ) -> None:
            problems.append(Problem(number, written.get(key, key), message))

        chain = _validate_row(number, values, problem, countries_by_name)
        signature = tuple(values.get(column.key, "").casefold() for column in COLUMNS)
        if signature in seen:
            problems.append(
                Problem(
                    number,
                    "",
                    _("the same as row %(row)s (duplicate row)") % {"row": seen[signature]},
                )
            )
        else:
            seen[signature] = number
        if problems:
            result.problems.extend(problems)
        elif chain is not None:
            result.chains.append(chain)
    if not result.chains and not result.problems:
        result.problems.append(Problem(0, "", _("The file has no chains: only the header.")))
    return result


def _validate_row(
    number: int, values: dict[str, str], problem: Any, countries_by_name: dict[str, str]
) -> ChainRow | None:
    product = values.get("product", "")
    if not product:
        problem("product", _("the stone type or product is missing"))
    _check_length(values, "product", 200, problem)
    facilities = {}
    for role in ("factory", "quarry"):
        facilities[role] = _validate_facility(role, values, problem, countries_by_name)
    extraction = _country(values, "extraction_country", problem, countries_by_name)
    processing = _country(values, "processing_country", problem, countries_by_name)
    volume = None
    raw_volume = values.get("volume_eur", "").replace("€", "").replace(" ", "")
    if raw_volume:
        volume = _decimal(raw_volume)
        if volume is None:
            problem(
                "volume_eur",
                _("%(value)s is not a number (write e.g. 12500 or 12500,50)")
                % {"value": values["volume_eur"]},
            )
        elif volume < 0:
            problem("volume_eur", _("the purchase volume cannot be negative"))
            volume = None
    circular_text = values.get("circular", "").casefold()
    if circular_text not in YES | NO:
        problem(
            "circular",
            _("write ja or nee (yes or no), not %(value)s") % {"value": values["circular"]},
        )
    if not product:
        return None
    return ChainRow(
        row=number,
        product=product,
        factory=facilities["factory"],
        quarry=facilities["quarry"],
        extraction_country=extraction or "",
        processing_country=processing or "",
        volume_eur=volume,
        is_circular=circular_text in YES,
    )


def _validate_facility(
    role: str, values: dict[str, str], problem: Any, countries_by_name: dict[str, str]
) -> FacilityRow | None:
    name = values.get(f"{role}_name", "")
    address = values.get(f"{role}_address", "")
    place = values.get(f"{role}_place", "")
    for field_name, limit in (("name", 200), ("address", 300), ("place", 120)):
        _check_length(values, f"{role}_{field_name}", limit, problem)
    country = _country(values, f"{role}_country", problem, countries_by_name)
    latitude = _coordinate(values, f"{role}_latitude", problem)
    longitude = _coordinate(values, f"{role}_longitude", problem)
    unreadable = (latitude is None and bool(values.get(f"{role}_latitude"))) or (
        longitude is None and bool(values.get(f"{role}_longitude"))
    )
    anything = any(
        [
            address,
            place,
            values.get(f"{role}_country", ""),
            values.get(f"{role}_latitude", ""),
            values.get(f"{role}_longitude", ""),
        ]
    )
    if not name:
        if anything:
            problem(f"{role}_name", _("the name is missing (address or coordinates are given)"))
        return None
    if not values.get(f"{role}_country"):
        problem(f"{role}_country", _("the country is missing"))
    issue = None if unreadable else coordinates_problem(latitude, longitude)
    if issue == "incomplete":
        problem(
            f"{role}_longitude" if latitude is not None else f"{role}_latitude",
            _("give both latitude and longitude, or neither"),
        )
    elif issue == "swapped":
        problem(
            f"{role}_latitude",
            _("latitude and longitude seem to be swapped (a latitude lies between -90 and 90)"),
        )
    elif issue == "latitude_range":
        problem(f"{role}_latitude", _("a latitude lies between -90 and 90"))
    elif issue == "longitude_range":
        problem(f"{role}_longitude", _("a longitude lies between -180 and 180"))
    return FacilityRow(
        name=name,
        address=address,
        place=place,
        country=country or "",
        latitude=latitude,
        longitude=longitude,
    )


def _check_length(values: dict[str, str], key: str, limit: int, problem: Any) -> None:
    length = len(values.get(key, ""))
    if length > limit:
        problem(
            key,
            _("at most %(max)s characters (this value has %(length)s)")
            % {"max": limit, "length": length},
        )


def _country(
    values: dict[str, str], key: str, problem: Any, countries_by_name: dict[str, str]
) -> str | None:
    text = values.get(key, "")
    if not text:
        return None
    code = countries_by_name.get(text.casefold())
    if code is None:
        problem(
            key, _("unknown country %(value)s (write e.g. India, IN or Brazilië)") % {"value": text}
        )
    return code


def _decimal(text: str) -> Decimal | None:
    cleaned = text.strip()
    if "," in cleaned and "." in cleaned:
        # 12.500,50 (Dutch) or 12,500.50 (English): the last separator is the decimal one.
        if cleaned.rfind(",") > cleaned.rfind("."):
            cleaned = cleaned.replace(".", "").replace(",", ".")
        else:
            cleaned = cleaned.replace(",", "")
    else:
        cleaned = cleaned.replace(",", ".")
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        return None
    return value if value.is_finite() else None


def _coordinate(values: dict[str, str], key: str, problem: Any) -> Decimal | None:
    text = values.get(key, "")
    if not text:
        return None
    value = _decimal(text)
    if value is None:
        problem(
            key,
            _("%(value)s is not a number (write decimal degrees, e.g. 24.5854)") % {"value": text},
        )
        return None
    return value.quantize(Decimal("0.000001"))
