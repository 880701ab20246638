"""The audit log: who, acting for which organisation, did what, when."""
