from datetime import timedelta

import factory
from django.utils import timezone

from members.models import Invitation, Membership, Organisation, User
from members.selectors import token_hash


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Natuursteen Testbedrijf {n} B.V.")
    slug = factory.Sequence(lambda n: f"testbedrijf-{n}")
    kind = "company"
    country = "NL"
    city = "Utrecht"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"persoon{n}@example.nl")
    full_name = factory.Sequence(lambda n: f"Persoon {n}")
    password = factory.PostGenerationMethodCall("set_password", "Correct-Horse-42")

    @factory.post_generation
    def save_password(obj, create, extracted, **kwargs):  # noqa: N805
        if create:
            obj.save()


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    role = "admin"


class InvitationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Invitation
        exclude = ["token"]

    token = factory.Sequence(lambda n: f"invitation-token-{n}")
    organisation = factory.SubFactory(OrganisationFactory)
    email = factory.Sequence(lambda n: f"uitgenodigd{n}@example.nl")
    role = "admin"
    token_hash = factory.LazyAttribute(lambda o: token_hash(o.token))
    expires_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=14))
