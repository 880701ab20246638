"""The covenant's tariff schedule (Bijlage 4) and its 10 % increase from 1 January 2027.
Values are written out here: migrations never import app code."""

from decimal import Decimal

from django.db import migrations

SCHEDULES = [
    {
        "valid_from": "2025-03-01",
        "limited_base": Decimal("400"), "full_base": Decimal("1200"), "full_base_chains": 2,
        "per_extra_chain": Decimal("400"), "max_chains_counted": 8,
        "per_establishment": Decimal("200"), "max_establishments_counted": 10,
        "first_year_cap": Decimal("800"), "second_year_cap": Decimal("1200"),
        "collective_per_member": Decimal("400"),
        "collective_discounts": [[50, "0.025"], [100, "0.05"], [151, "0.075"]],
    },
    {
        "valid_from": "2027-01-01",
        "limited_base": Decimal("440"), "full_base": Decimal("1320"), "full_base_chains": 2,
        "per_extra_chain": Decimal("440"), "max_chains_counted": 8,
        "per_establishment": Decimal("220"), "max_establishments_counted": 10,
        "first_year_cap": Decimal("880"), "second_year_cap": Decimal("1320"),
        "collective_per_member": Decimal("440"),
        "collective_discounts": [[50, "0.025"], [100, "0.05"], [151, "0.075"]],
    },
]


def add_schedules(apps, schema_editor):
    Tariff = apps.get_model("members", "Tariff")
    for schedule in SCHEDULES:
        Tariff.objects.update_or_create(valid_from=schedule["valid_from"], defaults=schedule)


def remove_schedules(apps, schema_editor):
    Tariff = apps.get_model("members", "Tariff")
    Tariff.objects.filter(valid_from__in=[s["valid_from"] for s in SCHEDULES]).delete()


class Migration(migrations.Migration):
    dependencies = [("members", "0002_partyapplication_tariff_organisation_is_party_and_more")]
    operations = [migrations.RunPython(add_schedules, remove_schedules)]
