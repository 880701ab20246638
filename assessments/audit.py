"""What the audit log records for this app: action codes and their labels."""

from django.utils.translation import gettext_lazy as _

AUDIT_ACTIONS = {
    "annual_report_generated": _("generated a version of the annual report"),
    "annual_report_published": _("published the annual report"),
    "annual_report_discarded": _("discarded a draft of the annual report"),
    "annual_report_exported": _("exported a table of the annual report unsuppressed"),
    "period_opened": _("opened a reporting period"),
    "report_submitted": _("submitted a report"),
    "report_returned": _("returned a report for changes"),
    "assessment_assigned": _("assigned an assessor"),
    "assessment_adjusted": _("adjusted the points of an answer"),
    "assessment_reviewed": _("saved an assessment's feedback"),
    "assessment_proposed": _("proposed an assessment decision"),
    "assessment_sent_back": _("sent a proposed decision back to the assessor"),
    "assessment_decided": _("confirmed an assessment decision"),
    "assessments_scored": _("scored the submitted reports"),
    "knowledge_modules_offered": _("offered knowledge modules"),
    "explanatory_note_submitted": _("submitted an explanatory note"),
    "special_circumstances_requested": _("asked for special circumstances"),
    "steering_decision_recorded": _("recorded a steering group decision"),
    "sample_drawn": _("drew a sample for verification"),
    "finding_recorded": _("recorded a verification finding"),
}
