from django import template
from django.utils.translation import gettext as _

from assessments.models import ActionStatus, Theme

register = template.Library()


@register.filter
def size_class_label(code: str) -> str:
    """The words for a size class code ("large", "medium", "small")."""
    labels = {"large": _("large"), "medium": _("medium"), "small": _("small")}
    return labels.get(code, code)


@register.filter
def theme_label(code: str) -> str:
    return str(dict(Theme.choices).get(code, code))


@register.filter
def action_status_label(code: str) -> str:
    return str(dict(ActionStatus.choices).get(code, code))


@register.filter
def percent(value: object) -> object:
    """A percentage for display: one decimal, never rounded up to a threshold."""
    from decimal import Decimal

    from supplychain.rules import display_percent

    if value is None or value == "":
        return "—"
    return display_percent(Decimal(str(value)))


@register.filter
def criterion_label(name: str) -> str:
    from django.utils.translation import gettext as _

    return {
        "quarry": _("quarry insight"),
        "factory": _("factory insight"),
        "dd_score": _("DD score"),
        "impact": _("impact indicators"),
    }.get(name, name)


@register.filter
def localized_field(row: dict, name: str) -> object:
    """row["<name>_en"] in English, else row["<name>_nl"] (snapshot texts)."""
    from trustone.languages import portal_language

    language = portal_language()
    return row.get(f"{name}_{language}", "")
