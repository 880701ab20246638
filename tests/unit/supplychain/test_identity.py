"""A facility's and a chain's identity across uploads (supplychain.rules): pure, no
database. Each row reads: these two ways of writing it are (not) the same facility."""

from decimal import Decimal

import pytest

from supplychain.rules import chain_identity, facility_identity, normalised_text


@pytest.mark.parametrize(
    ("text", "normalised"),
    [
        ("Rajasthan Stone Works", "rajasthanstoneworks"),
        ("RAJASTHAN  stone-works.", "rajasthanstoneworks"),
        ("Rajasthan Stoneworks Pvt. Ltd.", "rajasthanstoneworks"),
        ("Natuursteen B.V.", "natuursteen"),
        ("Pedreira São Tomé Ltda", "pedreirasaotome"),
        ("Ürgüp Mermer", "urgupmermer"),
        ("Çanakkale", "canakkale"),
        ("S.A.", "sa"),  # a legal form alone is still a name
        ("", ""),
        ("厦门石材", "厦门石材"),
    ],
)
def test_normalised_text(text, normalised) -> None:
    assert normalised_text(text) == normalised


def identity(kind="factory", name="Rajasthan Stone Works", place="Kota", country="IN", at=None):
    latitude, longitude = (None, None) if at is None else (Decimal(at[0]), Decimal(at[1]))
    return facility_identity(
        kind=kind, name=name, place=place, country=country, latitude=latitude, longitude=longitude
    )


def same(first, second) -> bool:
    """Either key matching makes two facilities the same one."""
    if first.by_name == second.by_name:
        return True
    return first.by_coordinates is not None and first.by_coordinates == second.by_coordinates


@pytest.mark.parametrize(
    ("first", "second", "is_same"),
    [
        ({}, {"name": "rajasthan stone-works pvt ltd"}, True),
        ({}, {"place": "KOTA "}, True),
        ({}, {"country": "in"}, True),
        ({}, {"kind": "quarry"}, False),  # a quarry is never the factory of the same name
        ({}, {"place": "Jaipur"}, False),
        ({}, {"country": "PK"}, False),
        ({}, {"name": "Rajasthan Granite Works"}, False),
        # renamed, but at the same place on the map (4 decimals, about 11 m)
        ({"at": ("25.180200", "75.833100")}, {"name": "RSW", "at": ("25.18021", "75.83309")}, True),
        ({"at": ("25.1802", "75.8331")}, {"name": "RSW", "at": ("25.1812", "75.8331")}, False),
        (
            {"at": ("25.1802", "75.8331")},
            {"name": "RSW", "kind": "quarry", "at": ("25.1802", "75.8331")},
            False,
        ),
        ({"at": ("-23.5", "-46.6")}, {"name": "Other", "at": ("-23.50004", "-46.60004")}, True),
        # without coordinates only the name counts
        ({}, {"name": "RSW"}, False),
    ],
)
def test_facility_identity(first, second, is_same) -> None:
    assert same(identity(**first), identity(**second)) is is_same


@pytest.mark.parametrize(
    ("changes", "is_same"),
    [
        ({}, True),
        ({"product": "kandla-grey "}, True),
        ({"product": "Sagar Black"}, False),
        ({"factory": 2}, False),
        ({"quarry": None}, False),
        ({"extraction_country": "in"}, True),
        ({"processing_country": "CN"}, False),
    ],
)
def test_chain_identity(changes, is_same) -> None:
    base = {
        "product": "Kandla Grey",
        "factory": 1,
        "quarry": 7,
        "extraction_country": "IN",
        "processing_country": "IN",
    }
    assert (chain_identity(**base) == chain_identity(**{**base, **changes})) is is_same
