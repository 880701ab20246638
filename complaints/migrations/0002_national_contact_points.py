"""The OECD National Contact Points of the Netherlands and Belgium: the alternatives a
complainant is always shown (Art. 11.6). Data only; no app code is imported."""

from django.db import migrations

POINTS = [
    {
        "name": "Nationaal Contactpunt OESO-richtlijnen (Nederland)",
        "kind": "ncp",
        "url": "https://www.oecdguidelines.nl/",
        "where": "Nederland; klachten over Nederlandse bedrijven, waar ook ter wereld",
        "description_nl": (
            "Het Nederlandse NCP behandelt meldingen over mogelijke schendingen van de "
            "OESO-richtlijnen voor multinationale ondernemingen door bedrijven die in of "
            "vanuit Nederland werken. Het biedt bemiddeling (dialoog) en kan een verklaring "
            "publiceren."
        ),
        "description_en": (
            "The Dutch NCP handles notifications of possible breaches of the OECD "
            "Guidelines for Multinational Enterprises by companies operating in or from "
            "the Netherlands. It offers mediation (dialogue) and may publish a statement."
        ),
    },
    {
        "name": "Nationaal Contactpunt OESO-richtlijnen (België)",
        "kind": "ncp",
        "url": "https://economie.fgov.be/nl/themas/ondernemingen/duurzame-ontwikkeling/nationaal-contactpunt-oeso",
        "where": "België; klachten over Belgische bedrijven, waar ook ter wereld",
        "description_nl": (
            "Het Belgische NCP behandelt meldingen over mogelijke schendingen van de "
            "OESO-richtlijnen door bedrijven die in of vanuit België werken, en biedt "
            "bemiddeling tussen de partijen."
        ),
        "description_en": (
            "The Belgian NCP handles notifications of possible breaches of the OECD "
            "Guidelines by companies operating in or from Belgium, and offers mediation "
            "between the parties."
        ),
    },
]


def add(apps, schema_editor):
    mechanism = apps.get_model("complaints", "GrievanceMechanism")
    for point in POINTS:
        if not mechanism.objects.filter(name=point["name"]).exists():
            mechanism.objects.create(**point)


def remove(apps, schema_editor):
    mechanism = apps.get_model("complaints", "GrievanceMechanism")
    mechanism.objects.filter(name__in=[point["name"] for point in POINTS]).delete()


class Migration(migrations.Migration):
    dependencies = [("complaints", "0001_grievance_mechanisms")]
    operations = [migrations.RunPython(add, remove)]
