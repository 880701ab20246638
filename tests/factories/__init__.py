from .members import InvitationFactory, MembershipFactory, OrganisationFactory, UserFactory

__all__ = ["InvitationFactory", "MembershipFactory", "OrganisationFactory", "UserFactory"]
from .covenant import CovenantMembershipFactory, LevelFactory  # noqa: E402

__all__ += ["CovenantMembershipFactory", "LevelFactory"]
