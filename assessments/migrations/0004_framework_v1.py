"""The first version of the assessment framework (FRAMEWORK.md): six due-diligence steps,
22 questions, their answer options and points per size class (large / medium / small).

Values are written out here: migrations never import app code. The migration is safe to
run again: every row is keyed on the framework version, the step number, the question
code or the option code and updated in place.

Maximum (FRAMEWORK.md): category C 102 points for every size class (step 1: 15, step 2:
27, step 3: 30, step 4: 12, step 5: 8, step 6: 10); category B 25 points (1.1–1.4 and
2.1a–b). tests/integration/assessments/test_framework_v1.py recomputes these from the data.
"""

import datetime
from decimal import Decimal

from django.db import migrations

VERSION = 1

FRAMEWORK = {
    "name": "Beoordelingskader TruStone 2025",
    "valid_from": datetime.date(2025, 3, 1),
    "is_published": True,
}

# number, Dutch title, English title
STEPS = [
    (1, "Beleid", "Policy"),
    (2, "Inzicht", "Analysis (insight)"),
    (3, "Actie", "Action"),
    (4, "Monitoring", "Monitoring"),
    (5, "Communicatie", "Communication"),
    (6, "Herstel en klachten", "Remedy and complaints"),
]


def pts(large, medium=None, small=None):
    """Points per size class. One number applies to all sizes (FRAMEWORK.md)."""
    medium = large if medium is None else medium
    small = medium if small is None else small
    return (Decimal(str(large)), Decimal(str(medium)), Decimal(str(small)))


def opt(code, text_en, text_nl, points):
    return {"code": code, "text_en": text_en, "text_nl": text_nl, "points": points}


NONE = ("none", "None", "Geen")
NO = ("no", "No", "Nee")
YES = ("yes", "Yes", "Ja")
PARTLY = ("partly", "Partly", "Gedeeltelijk")

ANSWERED = "answered"

# English texts are FRAMEWORK.md's, word for word (options with a capital first letter).
QUESTIONS = [
    # ---- Step 1: policy (categories B and C) ----
    {
        "code": "1.1",
        "step": 1,
        "categories": "BC",
        "text_en": (
            "Does the company have a policy statement on responsible business conduct "
            "referring to the OECD Guidelines and the UN Guiding Principles?"
        ),
        "text_nl": (
            "Heeft het bedrijf een beleidsverklaring over internationaal maatschappelijk "
            "verantwoord ondernemen (IMVO) die verwijst naar de OESO-richtlijnen en de "
            "VN-richtlijnen voor bedrijfsleven en mensenrechten (UNGP's)?"
        ),
        "options": [
            opt(*NONE, pts(0)),
            opt("internal", "Internal only", "Alleen intern", pts(2)),
            opt(
                "public_standard",
                "Public standard statement",
                "Openbare standaardverklaring",
                pts(3, 6, 6),
            ),
            opt(
                "public_oecd",
                "Public, OECD-conform, signed by management",
                "Openbaar, conform de OESO-richtlijnen, ondertekend door de directie",
                pts(6),
            ),
        ],
    },
    {
        "code": "1.2",
        "step": 1,
        "categories": "BC",
        "text_en": "Which of the seven TruStone themes does the policy cover?",
        "text_nl": "Welke van de zeven TruStone-thema's behandelt het beleid?",
        "options": [
            opt(*NONE, pts(0)),
            opt("some", "Some", "Enkele", pts(1)),
            opt("all_seven", "All seven", "Alle zeven", pts(3)),
        ],
    },
    {
        "code": "1.3",
        "step": 1,
        "categories": "BC",
        "text_en": (
            "Is responsible business conduct embedded in purchasing (a responsible person, "
            "procedures, budget)?"
        ),
        "text_nl": (
            "Is maatschappelijk verantwoord ondernemen verankerd in de inkoop (een "
            "verantwoordelijke persoon, procedures, budget)?"
        ),
        "options": [
            opt(*NO, pts(0)),
            opt(*PARTLY, pts(2)),
            opt("fully", "Fully", "Volledig", pts(3)),
        ],
    },
    {
        "code": "1.4",
        "step": 1,
        "categories": "BC",
        "text_en": "Code of conduct with suppliers",
        "text_nl": "Gedragscode met leveranciers",
        "options": [
            opt(*NONE, pts(0)),
            opt(
                "discussed",
                "Discussed with suppliers",
                "Besproken met leveranciers",
                pts(1, 3, 3),
            ),
            opt("signed", "Signed by suppliers", "Ondertekend door leveranciers", pts(3)),
        ],
    },
    # ---- Step 2: insight ----
    # 2.1a and 2.1b are computed from the supplier list: 5 × insight % / 100, rounded to
    # 0.5. They have no answer options; their maximum is computed_max_points.
    {
        "code": "2.1a",
        "step": 2,
        "categories": "BC",
        "source": "factory_insight",
        "computed_max_points": Decimal("5"),
        "text_en": "Share of factories identified (computed from the supplier list)",
        "text_nl": "Aandeel geïdentificeerde fabrieken (berekend uit de leverancierslijst)",
        "options": [],
    },
    {
        "code": "2.1b",
        "step": 2,
        "categories": "BC",
        "source": "quarry_insight",
        "computed_max_points": Decimal("5"),
        "text_en": "Share of quarries identified (computed from the supplier list)",
        "text_nl": "Aandeel geïdentificeerde groeven (berekend uit de leverancierslijst)",
        "options": [],
    },
    {
        "code": "2.2",
        "step": 2,
        "categories": "C",
        "text_en": (
            "Risk analysis per production country/region and stone type covering the "
            "seven themes"
        ),
        "text_nl": (
            "Risicoanalyse per productieland of -regio en steensoort, die de zeven thema's "
            "omvat"
        ),
        "options": [
            opt(*NONE, pts(0)),
            opt("desk_research", "Desk research", "Bureauonderzoek", pts(3)),
            opt(
                "desk_stakeholders",
                "Desk research and consultation of local stakeholders",
                "Bureauonderzoek en raadpleging van lokale belanghebbenden",
                pts(6),
            ),
        ],
    },
    {
        "code": "2.3",
        "step": 2,
        "categories": "C",
        "text_en": (
            "Were unions, NGOs or workers' representatives involved in identifying risks?"
        ),
        "text_nl": (
            "Zijn vakbonden, maatschappelijke organisaties of vertegenwoordigers van "
            "werknemers betrokken bij het identificeren van risico's?"
        ),
        "options": [opt(*NO, pts(0)), opt(*YES, pts(3))],
    },
    {
        "code": "2.4",
        "step": 2,
        "categories": "C",
        "text_en": "Are risks prioritised on severity and likelihood, with a justification?",
        "text_nl": (
            "Zijn de risico's geprioriteerd op ernst en waarschijnlijkheid, met een "
            "onderbouwing?"
        ),
        "options": [opt(*NO, pts(0)), opt(*PARTLY, pts(2)), opt(*YES, pts(4))],
    },
    {
        "code": "2.5",
        "step": 2,
        "categories": "C",
        "text_en": (
            "Has the risk of child labour been assessed specifically (age verification, "
            "subcontracting, cobble yards, home work)?"
        ),
        "text_nl": (
            "Is het risico op kinderarbeid specifiek beoordeeld (leeftijdsverificatie, "
            "onderaanneming, keienwerven, thuiswerk)?"
        ),
        "options": [opt(*NO, pts(0)), opt(*YES, pts(4))],
    },
    # ---- Step 3: action ----
    {
        "code": "3.1",
        "step": 3,
        "categories": "C",
        "text_en": "Plan of action for the prioritised risks",
        "text_nl": "Plan van aanpak voor de geprioriteerde risico's",
        # FRAMEWORK.md: "none → 0 · actions, not SMART → 3 · SMART actions for the top
        # risks → 6 (S: SMART actions for one risk → 6)". Bijlage 1 expects a small
        # company to tackle "one risk at a time", so for a small company SMART actions for
        # one risk already earn the full 6 points. That is modelled as its own option,
        # "SMART actions for one risk", worth 6 for small. FRAMEWORK.md gives no points
        # for it for large and medium companies; they get 3, the same as "actions, not
        # SMART": for them a plan covering one risk does not meet the expectation for the
        # prioritised risks as a whole. This keeps the table faithful and simple; the
        # secretariat can refine it in a later version. The maximum stays 6 for every size.
        "options": [
            opt(*NONE, pts(0)),
            opt("not_smart", "Actions, not SMART", "Acties, niet SMART", pts(3)),
            opt(
                "smart_one_risk",
                "SMART actions for one risk",
                "SMART-acties voor één risico",
                pts(3, 3, 6),
            ),
            opt(
                "smart_top_risks",
                "SMART actions for the top risks",
                "SMART-acties voor de belangrijkste risico's",
                pts(6),
            ),
        ],
    },
    {
        "code": "3.2",
        "step": 3,
        "categories": "C",
        "text_en": (
            "Child labour: measures at suppliers (age checks, remediation protocol, "
            "education)"
        ),
        "text_nl": (
            "Kinderarbeid: maatregelen bij leveranciers (leeftijdscontroles, herstelprotocol, "
            "onderwijs)"
        ),
        "options": [
            opt(*NONE, pts(0)),
            opt("basic", "Basic", "Basismaatregelen", pts(3)),
            opt(
                "comprehensive",
                "Comprehensive, with a remediation protocol",
                "Uitgebreid, met een herstelprotocol",
                pts(6),
            ),
        ],
    },
    {
        "code": "3.3",
        "step": 3,
        "categories": "C",
        "text_en": "Living wage: wage gap assessed and steps to close it",
        "text_nl": "Leefbaar loon: loonkloof vastgesteld en stappen om deze te dichten",
        "options": [
            opt(*NONE, pts(0)),
            opt("gap_assessed", "Gap assessed", "Loonkloof vastgesteld", pts(3)),
            opt(
                "measures_targets",
                "Measures with targets",
                "Maatregelen met doelstellingen",
                pts(6),
            ),
        ],
    },
    {
        "code": "3.4",
        "step": 3,
        "categories": "C",
        "text_en": (
            "Health and safety: silica dust, protective equipment, machine safety at "
            "suppliers"
        ),
        "text_nl": (
            "Gezondheid en veiligheid: kwartsstof, beschermingsmiddelen en machineveiligheid "
            "bij leveranciers"
        ),
        "options": [
            opt(*NONE, pts(0)),
            opt("basic", "Basic measures", "Basismaatregelen", pts(3)),
            opt("verified", "Verified improvements", "Geverifieerde verbeteringen", pts(6)),
        ],
    },
    {
        "code": "3.5",
        "step": 3,
        "categories": "C",
        "text_en": (
            "Leverage: cooperation with other buyers, joint projects, responsible "
            "purchasing practices (prices, lead times)"
        ),
        "text_nl": (
            "Invloed: samenwerking met andere afnemers, gezamenlijke projecten, verantwoorde "
            "inkooppraktijken (prijzen, levertijden)"
        ),
        "options": [
            opt(*NONE, pts(0)),
            opt("some", "Some", "Enige", pts(2)),
            opt("structural", "Structural", "Structureel", pts(3)),
        ],
    },
    {
        "code": "3.6",
        "step": 3,
        "categories": "C",
        "text_en": (
            "Responsible disengagement: a policy for ending a relationship without harm"
        ),
        "text_nl": (
            "Verantwoord beëindigen van de relatie: beleid om een relatie te beëindigen "
            "zonder schade te veroorzaken"
        ),
        "options": [opt(*NO, pts(0)), opt(*YES, pts(3))],
    },
    # ---- Step 4: monitoring ----
    {
        "code": "4.1",
        "step": 4,
        "categories": "C",
        "text_en": "How are actions and risks monitored?",
        "text_nl": "Hoe worden de acties en risico's gemonitord?",
        "options": [
            opt("not_monitored", "Not", "Niet", pts(0)),
            opt(
                "self_assessment",
                "Supplier self-assessment",
                "Zelfbeoordeling door leveranciers",
                pts(1, 2, 6),
            ),
            opt("own_visits", "Own visits", "Eigen bezoeken", pts(3, 6, 6)),
            opt(
                "independent",
                "Independent verification with worker voice",
                "Onafhankelijke verificatie met inbreng van werknemers",
                pts(6),
            ),
        ],
    },
    {
        "code": "4.2",
        "step": 4,
        "categories": "C",
        "text_en": "Progress on last year's actions reported against indicators",
        "text_nl": (
            "Voortgang op de acties van vorig jaar gerapporteerd aan de hand van indicatoren"
        ),
        "options": [opt(*NO, pts(0)), opt(*PARTLY, pts(3)), opt(*YES, pts(6))],
    },
    # ---- Step 5: communication ----
    {
        "code": "5.1",
        "step": 5,
        "categories": "C",
        "text_en": "Public communication on due diligence",
        "text_nl": "Openbare communicatie over gepaste zorgvuldigheid (due diligence)",
        "options": [
            opt(*NONE, pts(0)),
            opt("general", "General statement", "Algemene verklaring", pts(1, 2, 4)),
            opt(
                "trustone_guide",
                "Report per the TruStone guide",
                "Rapportage volgens de TruStone-handreiking",
                pts(2, 4, 4),
            ),
            opt("csrd", "CSRD-conform", "Conform de CSRD", pts(4)),
        ],
    },
    {
        "code": "5.2",
        "step": 5,
        "categories": "C",
        "text_en": "Communication to suppliers and workers, in local languages",
        "text_nl": "Communicatie naar leveranciers en werknemers, in de lokale talen",
        "options": [opt(*NO, pts(0)), opt(*YES, pts(4))],
    },
    # ---- Step 6: remedy and complaints ----
    {
        "code": "6.1",
        "step": 6,
        "categories": "C",
        "text_en": (
            "Access to a grievance mechanism for workers and communities in the chain"
        ),
        "text_nl": (
            "Toegang tot een klachtenmechanisme voor werknemers en gemeenschappen in de keten"
        ),
        "options": [
            opt(*NONE, pts(0)),
            opt(
                "suppliers_informed",
                "Suppliers informed of the TruStone mechanism",
                "Leveranciers geïnformeerd over het klachtenmechanisme van TruStone",
                pts(3),
            ),
            opt(
                "operational",
                "An operational mechanism reachable by workers in their language",
                "Een werkend klachtenmechanisme dat werknemers in hun eigen taal kunnen "
                "bereiken",
                pts(6),
            ),
        ],
    },
    {
        "code": "6.2",
        "step": 6,
        "categories": "C",
        "text_en": "Remedy where the company caused or contributed to harm",
        "text_nl": (
            "Herstel waar het bedrijf schade heeft veroorzaakt of daaraan heeft bijgedragen"
        ),
        "options": [
            opt("no_process", "No process", "Geen proces", pts(0)),
            opt("process_defined", "Process defined", "Proces vastgesteld", pts(2)),
            opt(
                "remedy_provided",
                "Remedy provided or contributed",
                "Herstel geboden of daaraan bijgedragen",
                pts(4),
            ),
        ],
    },
]


def add_framework_v1(apps, schema_editor):
    Framework = apps.get_model("assessments", "Framework")
    Step = apps.get_model("assessments", "Step")
    Question = apps.get_model("assessments", "Question")
    AnswerOption = apps.get_model("assessments", "AnswerOption")

    framework, _ = Framework.objects.update_or_create(version=VERSION, defaults=FRAMEWORK)
    steps = {}
    for number, title_nl, title_en in STEPS:
        steps[number], _ = Step.objects.update_or_create(
            framework=framework,
            number=number,
            defaults={"title_nl": title_nl, "title_en": title_en},
        )
    for order, data in enumerate(QUESTIONS, start=1):
        question, _ = Question.objects.update_or_create(
            framework=framework,
            code=data["code"],
            defaults={
                "step": steps[data["step"]],
                "order": order,
                "text_nl": data["text_nl"],
                "text_en": data["text_en"],
                "categories": data["categories"],
                "source": data.get("source", ANSWERED),
                "computed_max_points": data.get("computed_max_points", Decimal("0")),
            },
        )
        for option_order, option in enumerate(data["options"], start=1):
            large, medium, small = option["points"]
            AnswerOption.objects.update_or_create(
                question=question,
                code=option["code"],
                defaults={
                    "order": option_order,
                    "text_nl": option["text_nl"],
                    "text_en": option["text_en"],
                    "points_large": large,
                    "points_medium": medium,
                    "points_small": small,
                },
            )


def remove_framework_v1(apps, schema_editor):
    Framework = apps.get_model("assessments", "Framework")
    # Steps, questions and options go with it (on_delete=CASCADE).
    Framework.objects.filter(version=VERSION).delete()


class Migration(migrations.Migration):
    dependencies = [("assessments", "0003_framework")]
    operations = [migrations.RunPython(add_framework_v1, remove_framework_v1)]
