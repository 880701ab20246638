"""What the audit log records for this app: action codes and their labels."""

from django.utils.translation import gettext_lazy as _

AUDIT_ACTIONS = {
    "grievance_mechanism_saved": _("saved a grievance mechanism"),
}
