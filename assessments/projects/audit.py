"""What the audit log records for the register of projects and dialogues."""

from django.utils.translation import gettext_lazy as _

AUDIT_ACTIONS = {
    "project_created": _("created a project or dialogue"),
    "project_changed": _("changed a project or dialogue"),
    "project_published": _("published a project's public page"),
    "project_unpublished": _("took a project's public page offline"),
    "project_participant_added": _("added a participant to a project"),
    "project_participant_removed": _("removed a participant from a project"),
    "project_document_viewed": _("downloaded a project participant's signed document"),
    "project_entry_added": _("recorded a project decision, goal or progress"),
    "project_entry_removed": _("removed a project entry"),
    "project_criterion_judged": _("judged a project against a criterion of Bijlage 2"),
}
