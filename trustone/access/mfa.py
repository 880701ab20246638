"""Who must log in with two factors: every user of an organisation of these kinds
(they see the confidential linked list or the secretariat's back office, or — the
steering group — decide on delayed companies, up to expulsion)."""

KINDS_WITH_MANDATORY_MFA = frozenset({"secretariat", "ngo", "union", "steering_group"})
