"""Who must log in with two factors: every user of an organisation of these kinds
(they see the confidential linked list or the secretariat's back office)."""

KINDS_WITH_MANDATORY_MFA = frozenset({"secretariat", "ngo", "union"})
