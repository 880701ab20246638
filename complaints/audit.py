"""What the audit log records for this app: action codes and their labels."""

from django.utils.translation import gettext_lazy as _

AUDIT_ACTIONS = {
    "grievance_mechanism_saved": _("saved a grievance mechanism"),
    "complaint_filed": _("a complaint was filed"),
    "dispute_filed": _("filed a dispute"),
    "complaint_case_read": _("read a case file"),
    "complaint_attachment_read": _("opened an attachment of a case"),
    "complaint_message_posted": _("wrote in a case"),
    "complaint_step_taken": _("took a step in a case"),
    "complaint_respondent_set": _("recorded the member concerned in a case"),
    "complaint_staff_assigned": _("assigned secretariat staff to a case"),
    "complaint_recusal": _("recorded a recusal in a case"),
    "complaint_ruling_published": _("published an anonymised ruling"),
    "complaint_ruling_unpublished": _("took a published ruling off the public page"),
    "complaint_referral_decided": _("recorded the steering group's decision on a referral"),
    "complaint_receipt_opened": _("a complainant opened a case with the receipt code"),
}
