"""The public plan of action names no supplier (Art. 6.6): each mention of a company's
facilities and registry sites in what it wrote becomes a placeholder. Tables of texts
as a company might write them, with what the public reads."""

import pytest

from assessments.rules.redaction import PLACE, SUPPLIER, mentions, redact, redaction_for

S, P = "[leverancier]", "[plaats]"
PLACEHOLDERS = {SUPPLIER: S, PLACE: P}

REDACTION = redaction_for(
    names=[
        "Shree Ganesh Granites Pvt. Ltd.",
        "K.S. Granites",
        "R & K Stones",
        "Granite",  # generic words only
        "Stone Exports",  # generic words only
        "Om Marbles",  # a distinctive part of two letters
        "OM",  # a short name that is a Dutch word too
        "Xiamen Hongda Stone Co., Ltd.",
        "宏达石材",  # Hongda Shicai
        "Yıldız Mermer San. ve Tic. Ltd. Şti.",
        "Van der Steen Natuursteen",  # the company's own quarry
    ],
    addresses=["Plot 45, RIICO Industrial Area, Kota", "Mahaveer Marg 12, Budhpura"],
    places=["Kota", "Budhpura", "Industrial Area", "Ko"],
    own_names=["Van der Steen Natuursteen B.V."],
)


def public(text: str) -> str:
    return redact(text, REDACTION, placeholders=PLACEHOLDERS)


@pytest.mark.parametrize(
    ("written", "published"),
    [
        # The name as registered, and spelt otherwise.
        ("Audit bij Shree Ganesh Granites Pvt. Ltd. in juni", f"Audit bij {S} in juni"),
        ("Audit bij Shree Ganesh Granites Pvt. Ltd.", f"Audit bij {S}."),
        ("audit bij shree ganesh granites", f"audit bij {S}"),
        ("AUDIT BIJ SHREE GANESH GRANITES PVT LTD", f"AUDIT BIJ {S}"),
        ("Shree Ganesh Granites levert", f"{S} levert"),
        ("Shree-Ganesh-Granites (Kota)", f"{S} ({P})"),
        ("Shreeganesh Granites", S),
        ("Sri Ganesha Granite", S),
        ("Shree Ganesh en Kota", f"{S} en {P}"),
        # Its distinctive part alone, written as a name; not as an ordinary word.
        ("Bezoek aan Ganesh gepland", f"Bezoek aan {S} gepland"),
        ("Ganesh granites levert", f"{S} levert"),
        ("het ganesh-feest", "het ganesh-feest"),
        # Initials, with or without points and spaces; a legal form the name lacks.
        ("KS Granites", S),
        ("K. S. Granites en K.S.Granites", f"{S} en {S}"),
        ("K.S. Granites Pvt Ltd, Jaipur", f"{S}, Jaipur"),
        ("R&K Stones en R and K Stones", f"{S} en {S}"),
        # A legal form that is an everyday word stays unless it is written as one.
        ("Ganesh Granites as agreed", f"{S} as agreed"),
        # Inside a longer word, a name is not touched.
        ("Ganeshpuram", "Ganeshpuram"),
        ("Granitex Kotagiri", "Granitex Kotagiri"),
        # Generic words are mentions only when written as a name.
        ("Granite from India; granite is hard.", "Granite from India; granite is hard."),
        ("Granite Ltd. levert", f"{S} levert"),
        ("stone exports rose", "stone exports rose"),
        ("Stone Exports levert", f"{S} levert"),
        ("stone exports pvt ltd", S),
        # A distinctive part too short to look for alone.
        ("om 10 uur; Om Marbles", f"om 10 uur; {S}"),
        # A short name is one only where written as a name.
        ("om de audit bij OM te plannen", f"om de audit bij {S} te plannen"),
        # Other scripts and transliterations.
        ("Xiamen Hongda Stone Co., Ltd., Fujian", f"{S}, Fujian"),
        # Chinese is written without spaces: the run of characters goes with the name.
        ("福建宏达石材有限公司", S),
        ("Hongda Shicai", S),
        ("Yildiz Mermer San. ve Tic. Ltd. Şti. in Muğla", f"{S} in Muğla"),
        ("YILDIZ MERMER", S),
        ("Xiamen", "Xiamen"),
        # Places and addresses; generic and very short ones are not looked for.
        ("Kinderarbeid rond Kota, Rajasthan", f"Kinderarbeid rond {P}, Rajasthan"),
        ("KOTA", P),
        ("Plot 45, RIICO Industrial Area, Kota", P),
        ("Mahaveer Marg 12", P),
        ("plot 45 in an industrial area", "plot 45 in an industrial area"),
        ("Ko en ko", "Ko en ko"),
        # The company's own name stays, its own quarry too.
        (
            "Van der Steen Natuursteen B.V. controleert",
            "Van der Steen Natuursteen B.V. controleert",
        ),
        ("", ""),
    ],
)
def test_what_the_public_reads(written, published) -> None:
    assert public(written) == published


def test_a_supplier_named_like_part_of_the_company_stays_inside_its_name() -> None:
    redaction = redaction_for(names=["Steen Exports"], own_names=["Van der Steen B.V."])
    published = redact("Van der Steen B.V. koopt bij Steen.", redaction, placeholders=PLACEHOLDERS)
    assert published == f"Van der Steen B.V. koopt bij {S}."


def test_a_supplier_whose_name_holds_the_company_s_is_still_a_supplier() -> None:
    redaction = redaction_for(names=["Van der Steen India Pvt Ltd"], own_names=["Van der Steen"])
    assert redact("Van der Steen India Pvt Ltd", redaction, placeholders=PLACEHOLDERS) == S


def test_mentions_are_character_spans_with_their_kind() -> None:
    text = "Risico bij Ganesh in Kota"
    assert mentions(text, REDACTION) == [(11, 17, SUPPLIER), (21, 25, PLACE)]


def test_a_place_inside_a_supplier_s_mention_is_the_supplier() -> None:
    redaction = redaction_for(names=["Kota Stone Industries"], places=["Kota"])
    assert mentions("Kota Stone Industries", redaction) == [(0, 21, SUPPLIER)]


def test_without_suppliers_nothing_changes() -> None:
    redaction = redaction_for(own_names=["Van der Steen"])
    assert redact("Audit bij Ganesh", redaction, placeholders=PLACEHOLDERS) == "Audit bij Ganesh"


def test_the_placeholders_are_the_caller_s() -> None:
    english = {SUPPLIER: "[supplier]", PLACE: "[place]"}
    assert redact("Ganesh, Kota", REDACTION, placeholders=english) == "[supplier], [place]"
