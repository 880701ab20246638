"""What the audit log records for this app: action codes and their labels."""

from django.utils.translation import gettext_lazy as _

AUDIT_ACTIONS = {
    "facility_created": _("added a facility"),
    "facility_updated": _("changed a facility"),
    "facility_deleted": _("removed a facility"),
    "facility_archived": _("archived a facility (a report refers to it)"),
    "chain_created": _("added a chain"),
    "chain_updated": _("changed a chain"),
    "chain_deleted": _("removed a chain"),
    "supplier_list_imported": _("imported a supplier list"),
    "supplier_list_exported": _("exported a supplier list"),
    "site_match_confirmed": _("confirmed a match in the registry of production sites"),
    "site_match_rejected": _("rejected a match in the registry of production sites"),
    "site_created": _("made a facility a production site of its own"),
    "facility_split_off": _("split a facility off its production site"),
    "sites_merged": _("merged two production sites"),
    "site_updated": _("changed a production site"),
    "registry_exported": _("exported the registry of production sites"),
    "confidentiality_signed": _("signed the confidentiality statement"),
    "confidentiality_expiry_set": _("set the expiry date of a confidentiality statement"),
    "linked_list_viewed": _("viewed the linked list"),
    "linked_list_exported": _("exported the linked list"),
    "aggregated_list_exported": _("exported the aggregated list"),
    "region_request_created": _("asked for the aggregated list of a region"),
    "region_request_decided": _("decided on a request for the list of a region"),
    "region_request_withdrawn": _("withdrew a request for the list of a region"),
    "region_list_exported": _("exported the aggregated list of a region"),
}
