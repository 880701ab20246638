"""What the audit log records for procurement: action codes and their labels."""

from django.utils.translation import gettext_lazy as _

AUDIT_ACTIONS = {
    "plan_test_requested": _("asked to test a plan of action"),
    "plan_test_answered": _("answered a request to test a plan of action"),
    "criteria_draft_created": _("started a draft version of the criteria catalogue"),
    "criterion_changed": _("changed a criterion in a draft version of the criteria catalogue"),
    "criteria_published": _("published a version of the criteria catalogue"),
}
