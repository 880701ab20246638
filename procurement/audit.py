"""What the audit log records for procurement: action codes and their labels."""

from django.utils.translation import gettext_lazy as _

AUDIT_ACTIONS = {
    "plan_test_requested": _("asked to test a plan of action"),
    "plan_test_answered": _("answered a request to test a plan of action"),
    "bidder_statement_issued": _("issued a bidder statement"),
}
