from datetime import date

import pytest
from django.urls import reverse

from tests.factories import CovenantMembershipFactory, LevelFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


def test_public_bidder_check_api(client) -> None:
    organisation = OrganisationFactory(
        name="Mosa Graniet Maastricht", registration_number="14056789"
    )
    CovenantMembershipFactory(
        organisation=organisation, joined_on=date(2024, 5, 20), annual_revenue_eur=11_000_000
    )
    LevelFactory(organisation=organisation, level=3)
    response = client.get(reverse("api:bidder-check"), {"q": "14056789"})
    assert response.status_code == 200
    [result] = response.json()
    assert result["name"] == "Mosa Graniet Maastricht"
    assert result["is_listed"] is True
    assert result["member_since"] == "2024-05-20"
    assert result["level"] == 3
    assert "annual_revenue_eur" not in result and "chains" not in result
    assert client.get(reverse("api:bidder-check"), {"q": "x"}).status_code == 400
