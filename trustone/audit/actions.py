"""The names of audited actions, as codes with their translated labels. The log stores
the code and shows the label in the reader's language. Each app names its own actions in
its `audit.py` and registers them in AppConfig.ready(); recording an unknown action is a
programming error."""

from __future__ import annotations

from collections.abc import Mapping

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

_labels: dict[str, str | Promise] = {}


def register_actions(actions: Mapping[str, str | Promise]) -> None:
    """Add an app's actions (code -> label); a code names one action only."""
    for code, label in actions.items():
        if _labels.get(code, label) != label:
            raise ValueError(f"Audit action {code!r} is registered twice")
        _labels[code] = label


def is_action(code: str) -> bool:
    return code in _labels


def action_choices() -> list[tuple[str, str | Promise]]:
    """(code, label) of every registered action, for a filter."""
    return list(_labels.items())


def action_label(code: str) -> str:
    """The action's label in the active language, or the code of an unknown action."""
    return str(_labels.get(code, code))


#: The portal's own actions: signing in and out, switching organisation, jobs.
PORTAL_ACTIONS = {
    "login": _("logged in"),
    "login_failed": _("failed to log in"),
    "logout": _("logged out"),
    "password_changed": _("changed their password"),
    "password_reset": _("reset their password"),
    "mfa_activated": _("activated two-factor authentication"),
    "mfa_deactivated": _("deactivated two-factor authentication"),
    "organisation_switched": _("switched organisation"),
    "job_started": _("started a job"),
}

register_actions(PORTAL_ACTIONS)
