"""The level history as a small inline SVG bar chart (no JavaScript, accessible)."""

from __future__ import annotations

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from members.public import MemberPage, level_history, pages_of
from members.rules import level_is_public

register = template.Library()

BAR_WIDTH, GAP, HEIGHT = 14, 4, 40


@register.simple_tag
def level_chart(organisation: object) -> SafeString:
    history = level_history(organisation)  # type: ignore[arg-type]
    if not history:
        return format_html('<span class="muted">{}</span>', _("no public levels yet"))
    label = ", ".join(
        _("%(year)s: level %(level)s") % {"year": year, "level": level} for year, level in history
    )
    width = len(history) * (BAR_WIDTH + GAP)
    bars = format_html_join(
        "",
        '<rect x="{}" y="{}" width="{}" height="{}" rx="2" class="level-{}">'
        "<title>{}</title></rect>",
        (
            (
                index * (BAR_WIDTH + GAP),
                HEIGHT - max(level, 0.3) * HEIGHT / 5,
                BAR_WIDTH,
                max(level, 0.3) * HEIGHT / 5,
                level,
                f"{year}: {level}",
            )
            for index, (year, level) in enumerate(history)
        ),
    )
    return format_html(
        '<svg class="level-chart" role="img" aria-label="{}" width="{}" height="{}" '
        'viewBox="0 0 {} {}">{}</svg>',
        label,
        width,
        HEIGHT,
        width,
        HEIGHT,
        bars,
    )


@register.filter
def is_public_level(assignment: object) -> bool:
    return level_is_public(decided_on=assignment.decided_on)  # type: ignore[attr-defined]


@register.simple_tag
def member_pages(organisation: object) -> list[tuple[MemberPage, str | None]]:
    """The pages higher apps keep for a listed member (the plan of action), each with its
    address, or None where the member has none yet."""
    return pages_of(organisation)  # type: ignore[arg-type]
