from datetime import date

import factory

from members.models import CovenantMembership, LevelAssignment

from .members import OrganisationFactory


class CovenantMembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CovenantMembership

    organisation = factory.SubFactory(OrganisationFactory)
    member_type = "full"
    employees = 40
    annual_revenue_eur = 8_000_000
    establishments = 1
    chains = 3
    full_due_diligence = True
    joined_on = date(2025, 4, 1)


class LevelFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LevelAssignment

    organisation = factory.SubFactory(OrganisationFactory)
    year = 2025
    level = 2
    decided_on = date(2025, 11, 1)
