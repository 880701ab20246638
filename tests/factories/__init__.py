from .members import InvitationFactory, MembershipFactory, OrganisationFactory, UserFactory

__all__ = ["InvitationFactory", "MembershipFactory", "OrganisationFactory", "UserFactory"]
