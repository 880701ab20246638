"""API errors speak to people: a violated database constraint answers with the reason in
the user's language, never the constraint's name."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.urls import reverse
from django.utils import translation

from supplychain.models import Facility
from trustone.api_errors import exception_handler

pytestmark = pytest.mark.django_db


def test_half_coordinates_answer_with_the_reason_not_the_constraint_name(world) -> None:
    client = world.client("company_member")
    response = client.post(
        reverse("api:facility-list"),
        {"kind": "factory", "name": "Shree Ganesh", "country": "IN", "latitude": "25.18"},
        content_type="application/json",
    )
    assert response.status_code == 400
    body = response.content.decode()
    assert "facility_coordinates_both_or_none" not in body
    assert response.json() == {
        "non_field_errors": ["Vul zowel breedtegraad als lengtegraad in, of geen van beide."]
    }
    assert not Facility.objects.exists()


@pytest.mark.parametrize(
    "error",
    [
        ValidationError("Constraint “one_answer_per_question” is violated."),
        ValidationError({"report": ["Beperking ‘one_report_version’ is geschonden."]}),
        IntegrityError('duplicate key value violates unique constraint "one_membership_per_org"'),
    ],
)
def test_no_error_ever_names_a_constraint(error) -> None:
    with translation.override("en"):
        response = exception_handler(error, {})
    assert response.status_code == 400
    text = str(response.data)
    assert "one_" not in text
    assert "conflict with data that is already there" in text
