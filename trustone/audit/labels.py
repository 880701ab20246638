"""The object column of the audit log in the reader's language.

An entry stores its object's description untranslated (the source text, e.g. "… (Full
assessment)"), so that the log reads the same whoever caused the entry. On display the
choice labels in it (the model's `choices`) are translated into the active language."""

from __future__ import annotations

from functools import cache

from django.apps import apps
from django.utils import translation


@cache
def _choice_labels(target_type: str) -> tuple[str, ...]:
    """The source text of every choice label of the model `target_type`, longest first."""
    try:
        model = apps.get_model(target_type)
    except (LookupError, ValueError):
        return ()
    with translation.override(None):
        labels = {
            str(label)
            for field in model._meta.concrete_fields
            if field.choices
            for _code, label in field.flatchoices
        }
    return tuple(sorted((label for label in labels if label), key=len, reverse=True))


def choice_labels_of(target_type: str) -> dict[str, str]:
    """{source label: label in the active language} for the model `target_type`."""
    return {label: translation.gettext(label) for label in _choice_labels(target_type)}


def target_label(target_type: str, text: str) -> str:
    """`text` (a stored description) with its choice labels in the active language."""
    for source, translated in choice_labels_of(target_type).items():
        if source != translated and f"({source})" in text:
            text = text.replace(f"({source})", f"({translated})")
    return text
