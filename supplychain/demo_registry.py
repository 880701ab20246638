"""Demo supplier lists of the other demo importers: shared production sites, each spelt
the way that importer writes it, so that matching, the registry's proposals and the
lists have something to show. Idempotent (a company with chains is left alone)."""

from __future__ import annotations

from typing import Any

from .models import Chain, Facility

# A site as importers write it: kind, country, (name, address, place, lat, lon) variants.
SITES: dict[str, tuple[str, str, list[tuple[str, str, str, str, str]]]] = {
    "bijolia": (
        "quarry",
        "IN",
        [
            ("Bijolia sandstone quarry", "Bijolia mining area", "Bijolia", "25.1601", "75.3312"),
            ("Bijoliya Sandstone Mines", "", "Bijolia", "25.1672", "75.3390"),
            ("BIJOLIA SAND STONE QUARRY", "Mining lease 12, Bijolia", "Bhilwara", "", ""),
        ],
    ),
    "budhpura": (
        "quarry",
        "IN",
        [
            ("Budhpura Kota Stone Quarry", "Budhpura", "Bundi", "25.2301", "75.5512"),
            ("Budhpura Kotastone Mines", "", "Budhpura", "25.2350", "75.5580"),
        ],
    ),
    "ganesh": (
        "factory",
        "IN",
        [
            (
                "Shree Ganesh Stone Industries",
                "Plot A-45, RIICO Industrial Area",
                "Kota",
                "25.1802",
                "75.8331",
            ),
            ("Sri Ganesh Stone Inds. Pvt Ltd", "A-45 Riico Ind. Area", "Kota", "", ""),
            (
                "SHRI GANESHA STONE INDUSTRIES",
                "RIICO Industrial Area, Plot No A 45",
                "Kota, Rajasthan",
                "25.1810",
                "75.8340",
            ),
        ],
    ),
    "ganesh_46": (
        "factory",
        "IN",
        [
            ("Shree Ganesh Stone Industries", "Plot A-46, RIICO Industrial Area", "Kota", "", ""),
        ],
    ),
    "sagar": (
        "factory",
        "IN",
        [
            ("Sagar Stones Pvt. Ltd.", "Industrial Area", "Ongole", "15.5057", "80.0499"),
            ("Sagar Stone Private Limited", "Mangamuru Road", "Ongole", "15.5100", "80.0450"),
        ],
    ),
    "chimakurthy": (
        "quarry",
        "IN",
        [
            ("Chimakurthy quarry", "Chimakurthy mining area", "Chimakurthy", "15.5801", "79.8702"),
            ("Chimakurthi Black Galaxy Quarry", "", "Chimakurthi", "15.5850", "79.8650"),
        ],
    ),
    "xiamen": (
        "factory",
        "CN",
        [
            ("Xiamen Granite Co.", "", "Shuitou", "24.7373", "118.4364"),
            (
                "Xiamen Granite Company Limited",
                "Shuitou Stone Industrial Zone, Nan'an",
                "Shuitou",
                "",
                "",
            ),
            ("Xia Men Granite Co., Ltd.", "", "Shuitou", "24.7301", "118.4400"),
        ],
    ),
    "zhangpu": (
        "quarry",
        "CN",
        [
            ("Zhangpu quarry", "Zhangpu mining area", "Zhangpu", "24.1201", "117.6102"),
            ("Zhangpu G654 Quarry", "", "Zhangpu", "24.1250", "117.6150"),
        ],
    ),
    "thanh_hoa": (
        "factory",
        "VN",
        [
            ("Thanh Hoa Bluestone Factory", "Industrial Area", "Thanh Hoa", "", ""),
            ("Công ty Đá Xanh Thanh Hóa", "KCN Lễ Môn", "Thanh Hóa", "19.7901", "105.8102"),
        ],
    ),
    "cachoeiro": (
        "factory",
        "BR",
        [
            (
                "Granitos Itapemirim Ltda",
                "Rod. BR-482, km 5",
                "Cachoeiro de Itapemirim",
                "-20.8490",
                "-41.1130",
            ),
            ("Granito Itapemirim", "BR-482 km 5", "Cachoeiro de Itapemirim", "", ""),
        ],
    ),
    "afyon": (
        "factory",
        "TR",
        [
            (
                "Ege Mermer Sanayi ve Ticaret A.Ş.",
                "Organize Sanayi Bölgesi",
                "İscehisar",
                "38.8601",
                "30.7502",
            ),
            ("Ege Mermer AS", "Iscehisar OSB", "Afyonkarahisar", "", ""),
        ],
    ),
    "estremoz": (
        "quarry",
        "PT",
        [
            ("Pedreira Monte d'el Rei", "Estremoz", "Estremoz", "38.8420", "-7.5901"),
            ("Pedreira Monte del Rei", "", "Estremoz", "38.8450", "-7.5880"),
        ],
    ),
}

# company → chains of (product, factory site and variant, quarry site and variant, volume)
CHAINS: dict[str, list[tuple[str, tuple[str, int], tuple[str, int] | None, str]]] = {
    "Graniet Import Nederland B.V.": [
        ("G654 graniet", ("xiamen", 1), ("zhangpu", 0), "210000"),
        ("Kota Blue", ("ganesh", 1), ("budhpura", 0), "88000"),
        ("Absolute Black", ("sagar", 1), ("chimakurthy", 1), "120000"),
    ],
    "Steenhandel De Vries & Zonen": [
        ("Kandla Grey zandsteen", ("ganesh", 2), ("bijolia", 1), "64000"),
        ("G654 graniet", ("xiamen", 2), None, "43000"),
        ("Kota Blue", ("ganesh", 2), ("budhpura", 1), "27000"),
    ],
    "Blauwe Hardsteen Import N.V.": [
        ("Blauwe hardsteen (Vietnam)", ("thanh_hoa", 1), None, "310000"),
        ("Kandla Grey zandsteen", ("ganesh_46", 0), ("bijolia", 2), "52000"),
        ("Absolute Black", ("sagar", 1), ("chimakurthy", 1), "41000"),
    ],
    "Natuursteen Bakker Oosterhout": [
        ("Juparana graniet", ("cachoeiro", 0), None, "76000"),
        ("Kota Blue", ("ganesh", 0), ("budhpura", 1), "39000"),
    ],
    "Hollandia Stone Trading B.V.": [
        ("Afyon wit marmer", ("afyon", 0), None, "58000"),
        ("Juparana graniet", ("cachoeiro", 1), None, "44000"),
        ("Bijolia zandsteen", ("ganesh", 0), ("bijolia", 0), "36000"),
    ],
    "Vlaamse Steenimport B.V.": [
        ("Estremoz marmer", ("afyon", 1), ("estremoz", 0), "67000"),
        ("Absolute Black", ("sagar", 0), ("chimakurthy", 0), "35000"),
    ],
    "Kempen Natuursteen B.V.": [
        ("Estremoz marmer", ("afyon", 1), ("estremoz", 1), "29000"),
        ("G654 graniet", ("xiamen", 0), ("zhangpu", 1), "81000"),
    ],
}


def _facility(organisation: Any, site: str, variant: int) -> Facility:
    kind, country, variants = SITES[site]
    name, address, place, lat, lon = variants[variant]
    facility, _created = Facility.objects.get_or_create(
        organisation=organisation,
        kind=kind,
        name=name,
        place=place,
        country=country,
        defaults={"address": address, "latitude": lat or None, "longitude": lon or None},
    )
    return facility


def seed_supplier_lists(organisations: dict[str, Any]) -> None:
    """The demo importers' supplier lists (those that have none yet)."""
    for company, chains in CHAINS.items():
        organisation = organisations.get(company)
        if organisation is None or Chain.objects.filter(organisation=organisation).exists():
            continue
        for product, factory, quarry, volume in chains:
            country = SITES[factory[0]][1]
            Chain.objects.create(
                organisation=organisation,
                product=product,
                factory=_facility(organisation, *factory),
                quarry=_facility(organisation, *quarry) if quarry else None,
                extraction_country=SITES[quarry[0]][1] if quarry else country,
                processing_country=country,
                volume_eur=volume,
            )
