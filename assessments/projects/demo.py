"""Demo data for the register of projects and dialogues: the two running projects of the
covenant (DOMAIN §9) — the Rajasthan sandstone stakeholder dialogue and the South India
granite project — and a proposal still waiting for the steering group. Written through
the services (so they are audited and checked); a project that exists is left alone."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile

#: A one-page PDF standing in for a signed document.
DEMO_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)

# (kind, organisation name or "", name, role, document, signed on, public)
Participant = tuple[str, str, str, str, str, str, bool]

PROJECTS: list[dict[str, Any]] = [
    {
        "project": {
            "slug": "rajasthan-zandsteen",
            "name": "Stakeholderdialoog zandsteen Rajasthan",
            "name_en": "Rajasthan sandstone stakeholder dialogue",
            "kind": "dialogue",
            "status": "running",
            "country": "IN",
            "region": "Rajasthan",
            "stone": "zandsteen en Kota-steen",
            "themes": ["child_labour", "health_and_safety", "living_wage", "forced_labour"],
            "started_on": date(2025, 9, 15),
            "ended_on": None,
            "summary": (
                "Het secretariaat initieert, faciliteert en zit de dialoog voor tussen "
                "importeurs, hun leveranciers in Rajasthan, maatschappelijke organisaties en "
                "vakbonden. Doel: kinderarbeid en silicose in de zandsteengroeven rond Bijolia "
                "en Budhpura terugdringen en een leefbaar loon voor groevearbeiders."
            ),
            "summary_en": (
                "The secretariat initiates, facilitates and chairs the dialogue between "
                "importers, their suppliers in Rajasthan, NGOs and unions. Aim: reduce child "
                "labour and silicosis in the sandstone quarries around Bijolia and Budhpura, "
                "and a living wage for quarry workers."
            ),
        },
        "participants": [
            (
                "party",
                "Landelijke India Werkgroep",
                "",
                "Onderzoek en lokale contacten",
                "",
                "",
                True,
            ),
            ("party", "FNV", "", "Arbeidsrechten en vakbondsvrijheid", "", "", True),
            (
                "party",
                "Algemene Natuursteen Vereniging",
                "",
                "Namens de sector",
                "",
                "",
                True,
            ),
            ("member", "Van der Steen Natuursteen B.V.", "", "Importeur", "", "", False),
            ("member", "Graniet Import Nederland B.V.", "", "Importeur", "", "", False),
            ("member", "Steenhandel De Vries & Zonen", "", "Importeur", "", "", False),
            ("member", "Hollandia Stone Trading B.V.", "", "Importeur", "", "", False),
            (
                "local",
                "",
                "Rajasthan Quarry Workers' Collective",
                "Lokale organisatie van groevearbeiders",
                "intent",
                "2025-09-01",
                True,
            ),
            (
                "other",
                "",
                "Kota Stone Processors' Association",
                "Verwerkers en exporteurs in Kota",
                "confidentiality",
                "2025-10-06",
                False,
            ),
        ],
        "entries": [
            (
                "decision",
                "2025-06-24",
                "De stuurgroep besluit de stakeholderdialoog zandsteen Rajasthan te starten.",
                "The steering group decides to start the Rajasthan sandstone dialogue.",
                True,
            ),
            (
                "goal",
                "2025-09-15",
                "In 2027 werken alle groeven in de keten van de deelnemers nat en met stofmaskers.",
                "By 2027 every quarry in the participants' chains works wet and with dust masks.",
                True,
            ),
            (
                "progress",
                "2026-02-12",
                "Eerste rondetafel in Jaipur met groevebezitters, verwerkers en arbeiders.",
                "First round table in Jaipur with quarry owners, processors and workers.",
                True,
            ),
            (
                "progress",
                "2026-05-20",
                "Vertrouwelijk gesprek met het mijnbouwdepartement over vergunningen.",
                "",
                False,
            ),
        ],
        "criteria": [
            ("three_companies", "met", "Vier importeurs doen mee."),
            ("ngos_active", "met", "De Landelijke India Werkgroep werkt in de regio."),
            ("chain_support", "met", "Leveranciers in Kota steunen de dialoog."),
            ("local_government", "met", "Het mijnbouwdepartement is uitgenodigd."),
            ("risk_severity", "met", "Silicose en kinderarbeid: ernstig en onomkeerbaar."),
        ],
        "publish": True,
    },
    {
        "project": {
            "slug": "graniet-zuid-india",
            "name": "Convenantproject graniet Zuid-India",
            "name_en": "South India granite project",
            "kind": "covenant",
            "status": "running",
            "country": "IN",
            # Where the demo registry places the granite quarries (Chimakurthy, Ongole).
            "region": "Andhra Pradesh",
            "stone": "graniet (Absolute Black)",
            "themes": ["health_and_safety", "freedom_of_association", "land_and_environment"],
            "started_on": date(2026, 1, 12),
            "ended_on": None,
            "summary": (
                "Importeurs, vakbonden en maatschappelijke organisaties werken samen aan "
                "veilig werk, vakbondsvrijheid en herstel van land en water rond de "
                "granietgroeven van Prakasam."
            ),
            "summary_en": (
                "Importers, unions and NGOs work together on safe work, freedom of "
                "association and the restoration of land and water around the granite "
                "quarries of Prakasam."
            ),
        },
        "participants": [
            (
                "party",
                "Stichting Onderzoek Multinationale Ondernemingen",
                "",
                "Ketenonderzoek",
                "",
                "",
                True,
            ),
            ("party", "FNV", "", "Vakbondsvrijheid", "", "", True),
            ("member", "Graniet Import Nederland B.V.", "", "Importeur", "", "", False),
            ("member", "Blauwe Hardsteen Import N.V.", "", "Importeur", "", "", False),
            ("member", "Vlaamse Steenimport B.V.", "", "Importeur", "", "", False),
            (
                "local",
                "",
                "Prakasam Granite Workers' Forum",
                "Lokale organisatie van arbeiders",
                "intent",
                "2025-12-02",
                True,
            ),
        ],
        "entries": [
            (
                "decision",
                "2025-11-18",
                "De stuurgroep besluit tot een convenantproject graniet in Zuid-India.",
                "The steering group decides on a covenant project on granite in South India.",
                True,
            ),
            (
                "goal",
                "2026-01-12",
                "Een klachtenmechanisme voor arbeiders bij alle deelnemende groeven.",
                "A grievance mechanism for workers at every participating quarry.",
                True,
            ),
            (
                "progress",
                "2026-06-30",
                "Nulmeting veiligheid bij zes groeven afgerond.",
                "Baseline safety survey at six quarries completed.",
                True,
            ),
        ],
        "criteria": [
            ("three_companies", "met", "Drie importeurs doen mee."),
            ("ngos_active", "not_met", "Nog geen lokale partner gevonden."),
            ("ngos_active", "met", "SOMO en een lokaal arbeidersforum doen mee."),
            ("chain_support", "met", "Twee exporteurs steunen het project."),
            ("local_government", "met", "Het district Prakasam neemt deel aan de werkgroep."),
            ("risk_severity", "met", "Ongevallen en watervervuiling: grote schaal."),
        ],
        "publish": True,
    },
    {
        "project": {
            "slug": "g654-fujian",
            "name": "Bilateraal project G654 Fujian",
            "name_en": "Bilateral project G654 Fujian",
            "kind": "bilateral",
            "status": "proposed",
            "country": "CN",
            "region": "Fujian",
            "stone": "graniet (G654)",
            "themes": ["health_and_safety", "living_wage"],
            "started_on": None,
            "ended_on": None,
            "summary": "",
            "summary_en": "",
        },
        "participants": [
            ("member", "Kempen Natuursteen B.V.", "", "Initiatiefnemer", "", "", False),
        ],
        "entries": [
            (
                "goal",
                "2026-10-01",
                "Voorstel: veiligheidstrainingen bij twee fabrieken in Shuitou.",
                "Proposal: safety training at two factories in Shuitou.",
                False,
            ),
        ],
        "criteria": [
            ("chain_support", "met", "De twee fabrieken willen meedoen."),
            ("local_government", "not_met", "De rol van de lokale overheid is nog onduidelijk."),
        ],
        "publish": False,
    },
]


def seed_projects(organisations: dict[str, Any]) -> None:
    """The demo projects, each once."""
    from django.core.exceptions import ValidationError

    from members.models import Organisation, User
    from trustone.access.actor import actor_for

    from ..models import Project
    from . import selectors, services

    coordinator = actor_for(User.objects.get(email="secretariaat@trustone.demo"))
    for demo in PROJECTS:
        if Project.objects.filter(slug=demo["project"]["slug"]).exists():
            continue
        project = services.project_save(actor=coordinator, data=dict(demo["project"]))
        for kind, organisation, name, role, document, signed_on, public in demo["participants"]:
            member = (
                Organisation.objects.filter(name=organisation).first() if organisation else None
            )
            if organisation and member is None:
                continue
            listed = selectors.member_companies()
            if kind == "member" and member and not listed.filter(pk=member.pk).exists():
                continue  # not (or no longer) listed
            services.participant_add(
                actor=coordinator,
                project=project,
                kind=kind,
                organisation=member,
                name=name,
                role=role,
                document=document,
                document_file=SimpleUploadedFile(
                    f"{document}-{project.slug}.pdf", DEMO_PDF, "application/pdf"
                )
                if document
                else None,
                document_signed_on=date.fromisoformat(signed_on) if signed_on else None,
                is_public=public,
                joined_on=project.started_on,
            )
        for kind, on, text, text_en, public in demo["entries"]:
            services.entry_add(
                actor=coordinator,
                project=project,
                kind=kind,
                on=date.fromisoformat(on),
                text=text,
                text_en=text_en,
                is_public=public,
            )
        for criterion, judgement, note in demo["criteria"]:
            try:
                services.criterion_judge(
                    actor=coordinator,
                    project=project,
                    criterion=criterion,
                    judgement=judgement,
                    note=note,
                )
            except ValidationError:  # the registry shows fewer than three companies
                continue
        if demo["publish"]:
            services.project_publish(actor=coordinator, project=project, publish=True)
