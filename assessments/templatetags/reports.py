from django import template

from assessments.models import ActionStatus, Theme

register = template.Library()


@register.filter
def theme_label(code: str) -> str:
    return str(dict(Theme.choices).get(code, code))


@register.filter
def action_status_label(code: str) -> str:
    return str(dict(ActionStatus.choices).get(code, code))
