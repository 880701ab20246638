"""What the audit log records for this app: action codes and their labels."""

from django.utils.translation import gettext_lazy as _

AUDIT_ACTIONS = {
    "organisation_created": _("created an organisation"),
    "organisation_updated": _("updated an organisation"),
    "invitation_sent": _("sent an invitation"),
    "invitation_revoked": _("revoked an invitation"),
    "invitation_accepted": _("accepted an invitation"),
    "membership_changed": _("changed a membership"),
    "api_token_created": _("created an API token"),
    "api_token_revoked": _("revoked an API token"),
    "membership_registered": _("registered a covenant membership"),
    "membership_updated": _("updated a covenant membership"),
    "declaration_signed": _("signed a declaration"),
    "membership_terminated": _("ended a membership"),
    "level_recorded": _("recorded a level"),
    "party_application_submitted": _("applied to become a party"),
    "party_application_parties_informed": _("informed the parties of an application"),
    "party_application_decided": _("recorded the steering group's decision on an application"),
    "invoices_issued": _("issued invoices"),
    "invoice_viewed": _("downloaded an invoice"),
}
