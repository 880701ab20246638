"""Access control in one place: the actor, policies, base views and API classes, grants."""
