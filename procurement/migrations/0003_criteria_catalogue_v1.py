"""The first version of the criteria catalogue: the example criteria of Bijlage 3 of the
covenant ("Voorbeeld MVI-criteria"), valid from 1 March 2025 and published.

Nine criteria: the selection, award and contract phase, each at the ambition levels
Basis, Significant and Ambitious. The Dutch is the covenant's text, cleaned of the PDF's
line breaks and hyphenation (a numbered point or a paragraph per line, a bullet point on
a line starting with "- "); the English is the portal's translation. "Bijlage X" is the
covenant's own placeholder for the annex of the contract that holds the ISV.

Values are written out here: migrations never import app code. The migration is safe to
run again: the catalogue is keyed on its version and each criterion on its code.
"""

import datetime

from django.db import migrations

VERSION = 1
VALID_FROM = datetime.date(2025, 3, 1)
PUBLISHED_AT = datetime.datetime(2025, 3, 1, tzinfo=datetime.timezone.utc)
NOTE = "Bijlage 3 van het convenant (tweede looptijd, vanaf 1 maart 2025)."

TITLE_BASIS_NL = (
    "De inschrijver heeft basiservaring met het uitvoeren van een due diligence aanpak "
    "m.b.t. natuursteen"
)
TITLE_BASIS_EN = (
    "The bidder has basic experience in carrying out a due diligence approach for "
    "natural stone"
)
TITLE_SIGNIFICANT_NL = (
    "De inschrijver heeft vergaande ervaring met het uitvoeren van een due diligence "
    "aanpak m.b.t. natuursteen"
)
TITLE_SIGNIFICANT_EN = (
    "The bidder has extensive experience in carrying out a due diligence approach for "
    "natural stone"
)
TITLE_IMPACT_NL = "De inschrijver draagt bij aan positieve impact"
TITLE_IMPACT_EN = "The bidder contributes to positive impact"

# --- Selection phase --------------------------------------------------------------------

SEL_ISV_NL = (
    "1. Opdrachtnemer spant zich in om de Internationale Sociale Voorwaarden na te leven "
    "conform het gestelde in de Bijlage X bij deze Overeenkomst."
)
SEL_ISV_EN = (
    "1. The Contractor shall make every effort to comply with the International Social "
    "Conditions as set out in Annex X to this Agreement."
)
SEL_RISK_NL = (
    "2. Opdrachtnemer komt niet in aanmerking voor een Nadere Opdracht totdat de "
    "Opdrachtnemer een Risicoanalyse productieketen (in het kader van due diligence "
    "conform Bijlage X) bij de Opdrachtgever heeft aangeleverd."
)
SEL_RISK_EN = (
    "2. The Contractor is not eligible for a Call-off Order until the Contractor has "
    "delivered a Production Chain Risk Analysis (as part of due diligence in accordance "
    "with Annex X) to the Contracting Authority."
)
SEL_PLAN_NL = (
    "3. Wanneer het Plan van aanpak mitigeren risico’s (in het kader van due diligence "
    "conform Bijlage X) niet tijdig is ingediend, komt de Opdrachtnemer niet meer in "
    "aanmerking voor een Nadere Opdracht totdat dit plan wel bij de Opdrachtgever is "
    "ingediend."
)
SEL_PLAN_EN = (
    "3. If the Plan of Action for Mitigating Risks (as part of due diligence in accordance "
    "with Annex X) has not been submitted on time, the Contractor is no longer eligible "
    "for a Call-off Order until this plan has been submitted to the Contracting Authority."
)
SEL_REPORT_NL = (
    "4. Wanneer de Jaarlijkse rapportage (in het kader van due diligence conform Bijlage "
    "X) niet tijdig en traceerbaar is gepubliceerd, komt de Opdrachtnemer niet meer in "
    "aanmerking voor een Nadere Opdracht totdat deze rapportage wel is gepubliceerd."
)
SEL_REPORT_EN = (
    "4. If the Annual Report (as part of due diligence in accordance with Annex X) has "
    "not been published on time and traceably, the Contractor is no longer eligible for "
    "a Call-off Order until this report has been published."
)


def sel_listed_nl(number, paragraphs):
    return (
        f"{number}. De Opdrachtnemer wordt geacht invulling te hebben gegeven aan de "
        f"bepalingen in {paragraphs} van dit artikel indien en voor zolang de "
        "Opdrachtnemer als deelnemer is vermeld op de website van het Initiatief TruStone "
        "(www.trustone.nl)."
    )


def sel_listed_en(number, paragraphs):
    return (
        f"{number}. The Contractor is deemed to have fulfilled the provisions of "
        f"{paragraphs} of this article if and for as long as the Contractor is listed as "
        "a participant on the website of the TruStone Initiative (www.trustone.nl)."
    )


SEL_B_NL = "\n".join([SEL_ISV_NL, SEL_RISK_NL, sel_listed_nl(3, "de lid 1 en 2")])
SEL_B_EN = "\n".join([SEL_ISV_EN, SEL_RISK_EN, sel_listed_en(3, "paragraphs 1 and 2")])
SEL_S_NL = "\n".join([SEL_ISV_NL, SEL_RISK_NL, SEL_PLAN_NL, sel_listed_nl(4, "de leden 1 t/m 3")])
SEL_S_EN = "\n".join(
    [SEL_ISV_EN, SEL_RISK_EN, SEL_PLAN_EN, sel_listed_en(4, "paragraphs 1 to 3")]
)
SEL_A_NL = "\n".join(
    [SEL_ISV_NL, SEL_RISK_NL, SEL_PLAN_NL, SEL_REPORT_NL, sel_listed_nl(5, "de leden 1 t/m 4")]
)
SEL_A_EN = "\n".join(
    [SEL_ISV_EN, SEL_RISK_EN, SEL_PLAN_EN, SEL_REPORT_EN, sel_listed_en(5, "paragraphs 1 to 4")]
)

# --- Award phase ------------------------------------------------------------------------

AWD_POLICY_NL = "- het hebben van een publieke beleidsverklaring;"
AWD_POLICY_EN = "- having a public policy statement;"
AWD_STAKEHOLDERS_NL = (
    "- inschrijver betrekt belanghebbenden als vakbonden bij het in kaart brengen van de "
    "risico’s;"
)
AWD_STAKEHOLDERS_EN = (
    "- the bidder involves stakeholders such as trade unions in mapping the risks;"
)
AWD_SMART_NL = "- het hebben van een actieplan met SMART-doelstellingen;"
AWD_SMART_EN = "- having an action plan with SMART objectives;"
AWD_EVALUATION_NL = "- het hebben van een schriftelijke evaluatie van due diligence inspanningen;"
AWD_EVALUATION_EN = "- having a written evaluation of the due diligence efforts;"
AWD_COMMUNICATION_NL = (
    "- het hebben van publieke communicatie over de due diligence-inspanningen;"
)
AWD_COMMUNICATION_EN = "- communicating publicly about the due diligence efforts;"
AWD_COMPLAINTS_NL = "- het faciliteren van toegang tot een klachtenmechanisme."
AWD_COMPLAINTS_EN = "- facilitating access to a complaints mechanism."
AWD_INSIGHT_FULL_NL = (
    "- 100% inzicht in fabrieken waar materialen zijn verwerkt en 75% inzicht in groeves "
    "waar materialen zijn gewonnen;"
)
AWD_INSIGHT_FULL_EN = (
    "- 100% insight into the factories where the materials were processed and 75% insight "
    "into the quarries where the materials were extracted;"
)

AWD_B_NL = "\n".join(
    [
        "Hogere waardering naarmate de inschrijver ervaring heeft met de volgende elementen "
        "van een due diligence aanpak:",
        AWD_POLICY_NL,
        "- inzicht in fabrieken waar materialen zijn verwerkt en inzicht in groeves waar "
        "materialen zijn gewonnen;",
        AWD_STAKEHOLDERS_NL,
        AWD_SMART_NL,
        AWD_EVALUATION_NL,
        AWD_COMMUNICATION_NL,
        AWD_COMPLAINTS_NL,
    ]
)
AWD_B_EN = "\n".join(
    [
        "A higher score the more experience the bidder has with the following elements of "
        "a due diligence approach:",
        AWD_POLICY_EN,
        "- insight into the factories where the materials were processed and insight into "
        "the quarries where the materials were extracted;",
        AWD_STAKEHOLDERS_EN,
        AWD_SMART_EN,
        AWD_EVALUATION_EN,
        AWD_COMMUNICATION_EN,
        AWD_COMPLAINTS_EN,
    ]
)
AWD_S_NL = "\n".join(
    [
        "Inschrijver voldoet ten minste aan niveau drie van TruStone of heeft vergelijkbare "
        "ervaring met due diligence, meer specifiek:",
        AWD_POLICY_NL,
        AWD_INSIGHT_FULL_NL,
        AWD_STAKEHOLDERS_NL,
        AWD_SMART_NL,
        AWD_EVALUATION_NL,
        AWD_COMMUNICATION_NL,
        AWD_COMPLAINTS_NL,
    ]
)
AWD_S_EN = "\n".join(
    [
        "The bidder meets at least level three of TruStone or has comparable experience "
        "with due diligence, specifically:",
        AWD_POLICY_EN,
        AWD_INSIGHT_FULL_EN,
        AWD_STAKEHOLDERS_EN,
        AWD_SMART_EN,
        AWD_EVALUATION_EN,
        AWD_COMMUNICATION_EN,
        AWD_COMPLAINTS_EN,
    ]
)
AWD_A_NL = "\n".join(
    [
        "Inschrijver voldoet ten minste aan niveau vier van TruStone of heeft vergelijkbare "
        "ervaring met due diligence, meer specifiek:",
        AWD_POLICY_NL,
        AWD_INSIGHT_FULL_NL,
        AWD_STAKEHOLDERS_NL,
        AWD_SMART_NL,
        "- het hebben van een onafhankelijk geverifieerd monitoringsverslag waaruit de "
        "bijdrage aan positieve impact blijkt;",
        AWD_COMMUNICATION_NL,
        AWD_COMPLAINTS_NL,
    ]
)
AWD_A_EN = "\n".join(
    [
        "The bidder meets at least level four of TruStone or has comparable experience "
        "with due diligence, specifically:",
        AWD_POLICY_EN,
        AWD_INSIGHT_FULL_EN,
        AWD_STAKEHOLDERS_EN,
        AWD_SMART_EN,
        "- having an independently verified monitoring report that shows the contribution "
        "to positive impact;",
        AWD_COMMUNICATION_EN,
        AWD_COMPLAINTS_EN,
    ]
)

# --- Contract phase ---------------------------------------------------------------------


def con_risk_nl(links):
    return (
        "1. Risicoanalyse productieketen – uiterlijk 4 werkweken na de sluiting van de "
        "opdracht en voor de levering van de natuursteen wordt een risicoanalyse door de "
        f"opdrachtnemer aangeleverd ten aanzien van {links}"
    )


def con_risk_en(links):
    return (
        "1. Production chain risk analysis – no later than 4 working weeks after the "
        "contract has been concluded and before the natural stone is delivered, the "
        f"contractor delivers a risk analysis covering {links}"
    )


CON_RISK_CONTENT_NL = [
    "- een beschrijving van de betreffende schakels van het productieproces;",
    "- een analyse van de risico’s op schending van arbeids- en mensenrechten in de "
    "betreffende schakels.",
]
CON_RISK_CONTENT_EN = [
    "- a description of the links of the production process concerned;",
    "- an analysis of the risks of violations of labour and human rights in the links "
    "concerned.",
]
CON_REST_NL = [
    "2. Plan van aanpak mitigeren risico’s – uiterlijk 8 werkweken na de sluiting van de "
    "opdracht wordt een plan van aanpak door de opdrachtnemer verstrekt om de risico’s die "
    "het meest ernstig en waarschijnlijk zijn in de risicoanalyse zijn vermeld te "
    "mitigeren.",
    "In het plan van aanpak zijn opgenomen:",
    "- een onderbouwing van de prioritering van risico’s naar ernst en waarschijnlijkheid;",
    "- een overzicht en beschrijving van de inspanningen die de opdrachtnemer zal leveren "
    "om de risico’s te mitigeren;",
    "- een planning ten aanzien van de inspanningen die de opdrachtnemer zal leveren;",
    "Indien de opdrachtnemer of de leverancier van de natuursteen aangesloten is bij het "
    "Initiatief TruStone (IMVO-convenant natuursteen), kan dit worden gezien als een actie "
    "om de risico’s in zijn keten te verkleinen. De opdrachtnemer kan hier melding van "
    "maken in het plan van aanpak.",
    "3. Jaarlijkse rapportage - gedurende de contractperiode rapporteert de opdrachtnemer "
    "jaarlijks ten opzichte van de ingangsdatum van de overeenkomst (of in geval van een "
    "korter lopende overeenkomst: bij de afronding daarvan) over zijn inzet ten aanzien "
    "van het naleven van de ISV.",
]
CON_REST_EN = [
    "2. Plan of action for mitigating risks – no later than 8 working weeks after the "
    "contract has been concluded, the contractor provides a plan of action to mitigate "
    "the risks that the risk analysis identifies as the most severe and the most likely.",
    "The plan of action includes:",
    "- a justification of how the risks are prioritised by severity and likelihood;",
    "- an overview and description of the efforts the contractor will make to mitigate "
    "the risks;",
    "- a schedule of the efforts the contractor will make;",
    "If the contractor or the supplier of the natural stone is a member of the TruStone "
    "Initiative (the international responsible business conduct agreement for natural "
    "stone), this can be regarded as an action to reduce the risks in its chain. The "
    "contractor may mention this in the plan of action.",
    "3. Annual report – during the contract period the contractor reports annually, "
    "counted from the start date of the agreement (or, for a shorter agreement, on its "
    "completion), on its efforts to comply with the International Social Conditions "
    "(ISV).",
]


def contract(risk_nl, risk_en):
    return (
        "\n".join([risk_nl, *CON_RISK_CONTENT_NL, *CON_REST_NL]),
        "\n".join([risk_en, *CON_RISK_CONTENT_EN, *CON_REST_EN]),
    )


CON_B_NL, CON_B_EN = contract(
    con_risk_nl(
        "de volgende schakels van het productieproces: importeur; transporteur, eerste "
        "schakel productieland (bijvoorbeeld exporteur, fabriek of groeve) waarin het "
        "volgende is opgenomen:"
    ),
    con_risk_en(
        "the following links of the production process: importer; transporter; the first "
        "link in the country of production (for example the exporter, factory or quarry), "
        "which includes:"
    ),
)
CON_S_NL, CON_S_EN = contract(
    con_risk_nl(
        "de volgende schakels van het productieproces: importeur; transporteur, eerste "
        "twee schakels in het productieland (bijvoorbeeld exporteur; verwerkingslocaties "
        "(bijvoorbeeld fabriek en/of cobbleyards) of ontginningslocatie (groeve/mijn)), "
        "waarin het volgende is opgenomen:"
    ),
    con_risk_en(
        "the following links of the production process: importer; transporter; the first "
        "two links in the country of production (for example the exporter; processing "
        "sites (for example a factory and/or cobble yards) or the extraction site "
        "(quarry/mine)), which includes:"
    ),
)
CON_A_NL, CON_A_EN = contract(
    con_risk_nl(
        "alle schakels van het productieproces, te weten: importeur; transporteur, "
        "exporteur; verwerkingslocaties (bijvoorbeeld fabriek en/of cobbleyards), "
        "ontginningslocatie (groeve/mijn), waarin het volgende is opgenomen:"
    ),
    con_risk_en(
        "all links of the production process, namely: importer; transporter; exporter; "
        "processing sites (for example a factory and/or cobble yards); the extraction site "
        "(quarry/mine), which includes:"
    ),
)

# code, phase, ambition, title_nl, title_en, text_nl, text_en
CRITERIA = [
    ("SEL-B", "selection", "basis", TITLE_BASIS_NL, TITLE_BASIS_EN, SEL_B_NL, SEL_B_EN),
    (
        "SEL-S",
        "selection",
        "significant",
        TITLE_SIGNIFICANT_NL,
        TITLE_SIGNIFICANT_EN,
        SEL_S_NL,
        SEL_S_EN,
    ),
    ("SEL-A", "selection", "ambitious", TITLE_IMPACT_NL, TITLE_IMPACT_EN, SEL_A_NL, SEL_A_EN),
    ("AWD-B", "award", "basis", TITLE_BASIS_NL, TITLE_BASIS_EN, AWD_B_NL, AWD_B_EN),
    (
        "AWD-S",
        "award",
        "significant",
        TITLE_SIGNIFICANT_NL,
        TITLE_SIGNIFICANT_EN,
        AWD_S_NL,
        AWD_S_EN,
    ),
    (
        "AWD-A",
        "award",
        "ambitious",
        "De inschrijver heeft vergaande ervaring met het uitvoeren van een due diligence "
        "aanpak m.b.t. natuursteen en draagt bij aan positieve impact",
        "The bidder has extensive experience in carrying out a due diligence approach for "
        "natural stone and contributes to positive impact",
        AWD_A_NL,
        AWD_A_EN,
    ),
    ("CON-B", "contract", "basis", TITLE_BASIS_NL, TITLE_BASIS_EN, CON_B_NL, CON_B_EN),
    (
        "CON-S",
        "contract",
        "significant",
        TITLE_SIGNIFICANT_NL,
        TITLE_SIGNIFICANT_EN,
        CON_S_NL,
        CON_S_EN,
    ),
    ("CON-A", "contract", "ambitious", TITLE_IMPACT_NL, TITLE_IMPACT_EN, CON_A_NL, CON_A_EN),
]


def add_catalogue_v1(apps, schema_editor):
    CriteriaCatalogue = apps.get_model("procurement", "CriteriaCatalogue")
    Criterion = apps.get_model("procurement", "Criterion")
    catalogue, _created = CriteriaCatalogue.objects.update_or_create(
        version=VERSION,
        defaults={"valid_from": VALID_FROM, "note": NOTE, "published_at": PUBLISHED_AT},
    )
    for order, (code, phase, ambition, title_nl, title_en, text_nl, text_en) in enumerate(
        CRITERIA, start=1
    ):
        Criterion.objects.update_or_create(
            catalogue=catalogue,
            code=code,
            defaults={
                "phase": phase,
                "ambition": ambition,
                "title_nl": title_nl,
                "title_en": title_en,
                "text_nl": text_nl,
                "text_en": text_en,
                "order": order,
            },
        )


def remove_catalogue_v1(apps, schema_editor):
    CriteriaCatalogue = apps.get_model("procurement", "CriteriaCatalogue")
    CriteriaCatalogue.objects.filter(version=VERSION).delete()


class Migration(migrations.Migration):
    dependencies = [("procurement", "0002_tenders_catalogue_statements")]

    operations = [migrations.RunPython(add_catalogue_v1, remove_catalogue_v1)]
