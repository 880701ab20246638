"""Entries stored their object's choice labels in Dutch (e.g. "(Volledige beoordeling)");
store them untranslated, as new entries are, so that the log translates them on display.
Only entries with a label in brackets are touched."""

from django.db import migrations
from django.utils import translation


def untranslate(apps, schema_editor):
    AuditEntry = apps.get_model("audit", "AuditEntry")
    labels_by_type = {}
    entries = AuditEntry.objects.exclude(target_type="").filter(target_repr__contains="(")
    for entry in entries.iterator(chunk_size=2000):
        if entry.target_type not in labels_by_type:
            labels = {}
            try:
                model = apps.get_model(entry.target_type)
            except (LookupError, ValueError):
                model = None
            if model is not None:
                with translation.override("nl"):
                    for field in model._meta.concrete_fields:
                        for _code, label in field.flatchoices if field.choices else []:
                            dutch = translation.gettext(str(label))
                            if dutch != str(label):
                                labels[f"({dutch})"] = f"({label})"
            labels_by_type[entry.target_type] = labels
        text = entry.target_repr
        for dutch, source in labels_by_type[entry.target_type].items():
            text = text.replace(dutch, source)
        if text != entry.target_repr:
            AuditEntry.objects.filter(pk=entry.pk).update(target_repr=text)


class Migration(migrations.Migration):
    dependencies = [("audit", "0002_initial")]

    operations = [migrations.RunPython(untranslate, migrations.RunPython.noop)]
