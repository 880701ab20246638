"""What the audit log records for procurement: action codes and their labels."""

from django.utils.translation import gettext_lazy as _

AUDIT_ACTIONS = {
    "plan_test_requested": _("asked to test a plan of action"),
    "plan_test_answered": _("answered a request to test a plan of action"),
    "tender_registered": _("registered a tender"),
    "tender_changed": _("changed a tender"),
    "tender_removed": _("removed a tender"),
    "tender_bidder_checked": _("stored a bidder check with a tender"),
    "tender_report_started": _("started an annual tender report"),
    "tender_report_submitted": _("submitted an annual tender report"),
    "tender_report_returned": _("returned an annual tender report with comments"),
    "tender_signal_filed": _("reported a tender without due diligence"),
    "tender_signal_note": _("recorded a conversation about a reported tender"),
    "tender_signal_closed": _("closed a reported tender"),
    "bidder_statement_issued": _("issued a bidder statement"),
    "criteria_draft_created": _("started a draft version of the criteria catalogue"),
    "criterion_changed": _("changed a criterion in a draft version of the criteria catalogue"),
    "criteria_published": _("published a version of the criteria catalogue"),
}
