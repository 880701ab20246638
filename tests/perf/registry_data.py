"""A labelled synthetic registry for the matching benchmark (`match:facilities`).

Canonical production sites in the stone regions of India, China, Vietnam, Brazil,
Portugal and Turkey, named and addressed the way each country writes them, clustered
around real quarry and factory towns (so that many sites share a town, an industrial
estate and common name words, as they do). Reported facilities are either a canonical
site as an importer writes it, with the noise importers add, or a site not yet in the
registry (some sharing a name with a registered site elsewhere). Seeded: the same
arguments give the same data."""

from __future__ import annotations

import math
import random
import unicodedata
from dataclasses import dataclass


def _split(text: str) -> list[str]:
    return text.split()


# town, region, latitude, longitude
TOWNS: dict[str, list[tuple[str, str, float, float]]] = {
    "IN": [
        ("Jaipur", "Rajasthan", 26.91, 75.79),
        ("Kishangarh", "Rajasthan", 26.59, 74.85),
        ("Makrana", "Rajasthan", 27.04, 74.72),
        ("Bundi", "Rajasthan", 25.44, 75.64),
        ("Kota", "Rajasthan", 25.18, 75.83),
        ("Jalore", "Rajasthan", 25.35, 72.62),
        ("Budhpura", "Rajasthan", 25.23, 75.55),
        ("Bijolia", "Rajasthan", 25.16, 75.33),
        ("Hosur", "Tamil Nadu", 12.74, 77.83),
        ("Krishnagiri", "Tamil Nadu", 12.52, 78.21),
        ("Ongole", "Andhra Pradesh", 15.50, 80.05),
        ("Chimakurthy", "Andhra Pradesh", 15.58, 79.87),
        ("Karimnagar", "Telangana", 18.44, 79.13),
        ("Khammam", "Telangana", 17.25, 80.15),
        ("Bangalore", "Karnataka", 12.97, 77.59),
        ("Berhampur", "Odisha", 19.31, 84.79),
    ],
    "CN": [
        ("Xiamen", "Fujian", 24.48, 118.09),
        ("Shuitou", "Fujian", 24.70, 118.43),
        ("Quanzhou", "Fujian", 24.87, 118.68),
        ("Yunfu", "Guangdong", 22.92, 112.04),
        ("Laizhou", "Shandong", 37.18, 119.94),
        ("Wulian", "Shandong", 35.75, 119.21),
        ("Zhangpu", "Fujian", 24.12, 117.61),
        ("Macheng", "Hubei", 31.17, 115.03),
    ],
    "VN": [
        ("Tuy Hòa", "Phú Yên", 13.09, 109.30),
        ("Thanh Hóa", "Thanh Hóa", 19.81, 105.78),
        ("Quy Nhơn", "Bình Định", 13.78, 109.22),
        ("Ninh Bình", "Ninh Bình", 20.25, 105.97),
        ("Đà Nẵng", "Đà Nẵng", 16.05, 108.20),
        ("Biên Hòa", "Đồng Nai", 10.95, 106.82),
    ],
    "BR": [
        ("Cachoeiro de Itapemirim", "ES", -20.85, -41.11),
        ("Serra", "ES", -20.13, -40.31),
        ("Nova Venécia", "ES", -18.71, -40.40),
        ("Barra de São Francisco", "ES", -18.75, -40.89),
        ("Santo Antônio de Pádua", "RJ", -21.54, -42.18),
        ("Papagaios", "MG", -19.45, -44.75),
        ("Teófilo Otoni", "MG", -17.86, -41.50),
        ("Juazeiro", "BA", -9.41, -40.50),
    ],
    "PT": [
        ("Pêro Pinheiro", "Sintra", 38.86, -9.32),
        ("Borba", "Évora", 38.80, -7.45),
        ("Estremoz", "Évora", 38.84, -7.59),
        ("Vila Viçosa", "Évora", 38.78, -7.42),
        ("Alcobaça", "Leiria", 39.55, -8.98),
        ("Fátima", "Santarém", 39.62, -8.65),
    ],
    "TR": [
        ("İscehisar", "Afyonkarahisar", 38.86, 30.75),
        ("Burdur", "Burdur", 37.72, 30.29),
        ("Denizli", "Denizli", 37.78, 29.09),
        ("Muğla", "Muğla", 37.22, 28.36),
        ("Elazığ", "Elazığ", 38.67, 39.22),
        ("Bilecik", "Bilecik", 40.14, 29.98),
        ("Balıkesir", "Balıkesir", 39.65, 27.88),
    ],
}

NAME_WORDS: dict[str, list[str]] = {
    "IN": _split(
        "Ganesh Laxmi Shiv Balaji Krishna Jai Mahadev Bhairav Ambika Durga Hanuman Sai "
        "Rathore Meena Gurjar Shekhawat Rajput Agarwal Kothari Mehta Sharma Gupta Chauhan "
        "Vinayak Mangal Sagar Deepak Jyoti Shakti Vijay Om Kailash Girnar Aravali Chambal "
        "Marudhar Mewar Hadoti Parshwanath Mahaveer Padmavati Trimurti Navkar Kamdhenu "
        "Gayatri Annapurna Saraswati Venkateswara Tirupati Srinivasa Lakshmi Narayana "
        "Raghavendra Sairam Murugan Kaveri Godavari Krishnaveni Nandi Pallavi Anjaneya "
        "Vishwakarma Patel Reddy Naidu Rao Chowdary Prasad Varma Nair Pillai Iyer Menon "
        "Bhagwati Rajendra Surya Chandra Indra Akash Prithvi Ashoka Kalinga Utkal Konark"
    ),
    "CN": _split(
        "Wanli Huaxing Jinlong Tianyi Xinyuan Hongda Zhongxing Dongfang Xinghua Fuda Jiahe "
        "Shengda Hengsheng Yuanda Huatai Jinshan Longhai Mingshi Baoli Ruida Kaixuan Xiangyu "
        "Tianma Haixi Jinma Huayu Dingsheng Changsheng Yongxing Xinhai Guanghui Shunfa Lianhe "
        "Hongxin Jiaxin Taishan Wanfeng Xinglong Fengyuan Dahua"
    ),
    "VN": _split(
        "Phú Tài Hoàng Long Minh Phát Thành Công An Phú Đại Dương Sông Đà Hưng Thịnh Tân Phát "
        "Việt Thắng Nam Hải Bình Minh Kim Cương Phương Đông Trường Sơn Hòa Bình Đông Á Thiên "
        "Phúc Hồng Hà Tiến Đạt Quang Minh Thái Sơn Sao Mai Toàn Thắng"
    ),
    "BR": _split(
        "Vitória Itapemirim Capixaba Brasil Gramazini Santa Rosa Bom Jesus São Pedro Marcel "
        "Monte Alegre Guidoni Alvorada Castelo Pedra Azul Rio Doce Cajugram Aracruz Magban "
        "Imperial Fazenda Nova Polita Granduvale Corcovado Tijuca Serrana Paraíso Estrela "
        "Aurora Horizonte Primavera Caparaó Guarapari Colatina Linhares"
    ),
    "PT": _split(
        "Solancis Mármores Galrão Santo António Monterosa Vimaranense Estremoz Fonte Nova "
        "Sograp Central Alentejana Lusitana Atlântico Tejo Lena Pinheiro Moleanos Boa Vista "
        "Rosal Anta Aurora Vale Serra Penedo Cruz Ribeira Castelo Paço Quinta Almeida"
    ),
    "TR": _split(
        "Ege Akdeniz Anadolu Toros Yıldız Güneş Mermerler Şahin Kaya Demir Doğan Özkan Yılmaz "
        "Çelik Aydın Öztürk Arslan Kartal Bozkurt Altın Gümüş İnci Elmas Zirve Marmara "
        "Karadeniz Dicle Fırat Kardelen Lale Nilüfer Sultan Beyaz Ayhan Bilgin Kılıç"
    ),
}

STONES = {
    "IN": ["Granites", "Marbles", "Sandstone", "Stone", "Stones", "Slate"],
    "CN": ["Stone", "Granite", "Stone Industry"],
    "VN": ["Đá Granite", "Đá", "Stone"],
    "BR": ["Granitos", "Mármores e Granitos", "Pedras", "Mineração"],
    "PT": ["Mármores", "Granitos", "Pedras", "Calcários"],
    "TR": ["Mermer", "Madencilik", "Doğal Taş", "Traverten"],
}
LEGAL = {
    "IN": ["Pvt. Ltd.", "Private Limited", "Exports", "Industries", ""],
    "CN": ["Co., Ltd.", "Co. Ltd", "Industrial Co., Ltd."],
    "VN": ["JSC", "Co., Ltd"],
    "BR": ["Ltda", "Ltda.", "S.A.", "Eireli"],
    "PT": ["Lda", "Lda.", "S.A."],
    "TR": ["A.Ş.", "San. ve Tic. A.Ş.", "Ltd. Şti."],
}
ALIASES = {  # transliteration variants importers write
    "shree": "shri",
    "shri": "sri",
    "laxmi": "lakshmi",
    "lakshmi": "laxmi",
    "ganesh": "ganesha",
    "krishna": "krishn",
    "venkateswara": "venkateshwara",
    "mahaveer": "mahavir",
    "sairam": "sai ram",
    "vishwakarma": "vishvakarma",
    "srinivasa": "shrinivasa",
    "chowdary": "choudhary",
    "vinayak": "vinayaka",
    "wanli": "wan li",
    "huaxing": "hua xing",
    "jinlong": "jin long",
    "tianyi": "tian yi",
}


@dataclass
class Record:
    key: int  # the canonical site this is (or, for a new site, its own key)
    kind: str
    name: str
    address: str
    place: str
    country: str
    latitude: float | None
    longitude: float | None
    where: tuple[float, float] = (0.0, 0.0)  # where it really is (the registry may not know)


def _jitter(rng: random.Random, lat: float, lon: float, km: float) -> tuple[float, float]:
    distance = km * math.sqrt(rng.random())
    angle = rng.random() * 2 * math.pi
    dlat = distance * math.cos(angle) / 111.0
    dlon = distance * math.sin(angle) / (111.0 * math.cos(math.radians(lat)))
    return round(lat + dlat, 6), round(lon + dlon, 6)


# brand names are made of these in China and Vietnam
SYLLABLES = {
    "CN": _split(
        "an bao chang da ding dong fa feng fu guang hai heng hong hua hui jia jin kai li lian "
        "long ming rui sheng shun tai tian wan wei xiang xin xing yi yong yu yuan zhong zhi "
        "hao jun kang le mei qi rong shan tong xiu ya"
    ),
    "VN": _split(
        "Phú Tài Hoàng Long Minh Phát Thành Công An Đại Dương Hưng Thịnh Tân Việt Thắng Nam "
        "Hải Bình Kim Cương Phương Đông Trường Sơn Hòa Á Thiên Phúc Hồng Hà Tiến Đạt Quang "
        "Thái Sao Mai Toàn Huy Khang Lộc Tín Nghĩa Trí Đức Vinh Bảo Gia Khải"
    ),
}


def _word(rng: random.Random, country: str) -> str:
    if country == "CN":
        return (rng.choice(SYLLABLES["CN"]) + rng.choice(SYLLABLES["CN"])).capitalize()
    if country == "VN":
        return rng.choice(SYLLABLES["VN"]) + " " + rng.choice(SYLLABLES["VN"])
    return rng.choice(NAME_WORDS[country])


def _name(rng: random.Random, country: str, town: str, words: int = 0) -> str:
    words = words or (1 if rng.random() < 0.25 else 2)
    core = " ".join(_word(rng, country) for _ in range(words))
    parts = []
    if country == "IN" and rng.random() < 0.3:
        parts.append(rng.choice(["Shree", "Shri", "Sri"]))
    if country == "CN":
        parts.append(town)
    if country == "VN":
        parts.append(rng.choice(["Công ty", "Công ty TNHH"]))
    parts += [core, rng.choice(STONES[country]), rng.choice(LEGAL[country])]
    return " ".join(p for p in parts if p)


def _core(name: str, country: str) -> str:
    """The words of a name that tell one company from another."""
    generic = {w.lower() for w in " ".join(STONES[country] + LEGAL[country]).split()}
    generic |= {"shree", "shri", "sri", "công", "ty", "tnhh"}
    return " ".join(w for w in name.lower().split() if w not in generic)


def _address(rng: random.Random, country: str, town: str, region: str) -> tuple[str, str]:
    n = rng.randint(1, 400)
    if country == "IN":
        estate = rng.choice(["RIICO Industrial Area", "SIPCOT", "Industrial Estate", "Village"])
        pin = rng.randint(300000, 600000)
        return f"Plot No. {rng.choice('ABCDEFG')}-{n}, {estate}, {region} {pin}", town
    if country == "CN":
        road = rng.choice(NAME_WORDS["CN"])
        return f"No. {n} {road} Road, {rng.choice(['Industrial Zone', 'Town'])}, {region}", town
    if country == "VN":
        street = rng.choice(NAME_WORDS["VN"])
        return f"{n} đường {street}, KCN {rng.choice(NAME_WORDS['VN'])}, {region}", town
    if country == "BR":
        cep = f"{rng.randint(29000, 29999)}-{rng.randint(0, 999):03d}"
        return f"Rod. BR-{rng.choice([101, 262, 482])}, km {n}, {region}, {cep}", town
    if country == "PT":
        street = rng.choice(NAME_WORDS["PT"])
        return f"Rua {street} {n}, {rng.randint(2000, 7999)}-{rng.randint(100, 999)}", town
    street = rng.choice(NAME_WORDS["TR"])
    return f"{street} Mah. {rng.choice(NAME_WORDS['TR'])} Cad. No:{n}, {region}", town


def canonical_sites(count: int, seed: int = 1) -> list[Record]:
    """`count` registered sites, spread over the countries' towns. Within a town no two
    companies have one name (a company register refuses it); across towns they may."""
    rng = random.Random(seed)
    countries = list(TOWNS)
    records = []
    taken: set[tuple[str, str, str]] = set()
    for key in range(count):
        country = countries[key % len(countries)]
        town, region, lat, lon = rng.choice(TOWNS[country])
        name = _name(rng, country, town)
        attempts = 0
        while (country, town, _core(name, country)) in taken:
            attempts += 1  # a crowded town: longer names
            name = _name(rng, country, town, 2 if attempts < 20 else 3)
        taken.add((country, town, _core(name, country)))
        kind = "quarry" if rng.random() < 0.4 else "factory"
        where = _jitter(rng, lat, lon, 25.0)
        known = kind == "quarry" or rng.random() < 0.6  # many factories have no coordinates
        address, place = _address(rng, country, town, region)
        records.append(
            Record(
                key,
                kind,
                name,
                address,
                place,
                country,
                where[0] if known else None,
                where[1] if known else None,
                where,
            )
        )
    return records


def _strip_accents(text: str) -> str:
    text = text.replace("ı", "i").replace("İ", "I").replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _typo(rng: random.Random, word: str) -> str:
    if len(word) < 5:
        return word
    i = rng.randint(1, len(word) - 2)
    kind = rng.random()
    if kind < 0.4:  # neighbours swapped
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    if kind < 0.7:  # a letter dropped
        return word[:i] + word[i + 1 :]
    if kind < 0.9:  # a letter doubled
        return word[:i] + word[i] + word[i:]
    return word[:i] + rng.choice("aeioustnr") + word[i + 1 :]  # a letter changed


def reported(site: Record, rng: random.Random) -> Record:
    """`site` as one importer writes it."""
    words = site.name.split()
    if rng.random() < 0.5:
        words = [ALIASES.get(w.lower(), w) for w in words]
    if rng.random() < 0.25:
        i = rng.randrange(len(words))
        words[i] = _typo(rng, words[i])
    if rng.random() < 0.4 and len(words) > 2:  # legal form or generic word left out
        words = words[:-1]
    name = " ".join(words)
    if rng.random() < 0.5:
        name = _strip_accents(name)
    name = rng.choice([name, name, name.upper(), name.title()])
    parts = [p.strip() for p in site.address.split(",")]
    if rng.random() < 0.4:
        parts = rng.sample(parts, k=max(1, len(parts) - rng.randint(0, 2)))  # dropped, reordered
    address = ", ".join(parts)
    if rng.random() < 0.3:
        address = address.replace("Industrial Area", "Ind. Area").replace("Plot No.", "Plot")
    if rng.random() < 0.5:
        address = _strip_accents(address)
    place = site.place if rng.random() < 0.8 else ""
    lat: float | None
    lon: float | None
    coordinates = rng.random()
    if coordinates < 0.2 and site.kind == "quarry":  # coordinates only
        address, place = "", ""
        lat, lon = _jitter(rng, *site.where, 2.0)
    elif coordinates < 0.6:
        lat, lon = _jitter(rng, *site.where, 2.0)
    else:
        lat = lon = None
    return Record(site.key, site.kind, name, address, place, site.country, lat, lon, site.where)


def reported_facilities(
    canonical: list[Record], count: int, *, new_share: float = 0.2, seed: int = 2
) -> list[Record]:
    """`count` reported facilities: most of them registered sites as importers write
    them (label: the site's key), the rest new sites (label: a key past the registry)."""
    rng = random.Random(seed)
    news = canonical_sites(int(count * new_share * 0.8) + 1, seed=seed + 1000)
    for number, new in enumerate(news):
        new.key = len(canonical) + number
        if number % 3 == 0:  # a registered site's name, in another town
            twin = canonical[rng.randrange(len(canonical) // 6) * 6 + number % 6]
            if twin.place != new.place:
                new.name = twin.name
    records = []
    for _ in range(count):
        if rng.random() < new_share:  # some new sites are reported by two importers
            records.append(reported(rng.choice(news), rng))
        else:
            records.append(reported(rng.choice(canonical), rng))
    return records
