"""Cases for the tests, made through the services (so their content is encrypted as in
real use): a complaint with its receipt code, a dispute between two organisations."""

from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile

from complaints import services
from complaints.models import Case
from trustone.access.actor import actor_for

MARKER = "Kinderen sjouwen blokken in groeve Zeta-7391"


def evidence(name: str = "bewijs.pdf", text: bytes = b"fotoverslag") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, b"%PDF-1.4 " + text, content_type="application/pdf")


def complaint(**fields: Any) -> tuple[Case, str]:
    """An anonymous complaint in Dutch with one piece of evidence; returns the case and
    its receipt code."""
    values: dict[str, Any] = {
        "language": "nl",
        "is_anonymous": True,
        "name": "",
        "email": "",
        "phone": "",
        "content": {"what": MARKER, "where": "Bundi, Rajasthan", "company": "", "remedy": ""},
        "attachments": [evidence()],
        **fields,
    }
    return services.complaint_file(**values)


def dispute(world: Any, by: str = "ngo_admin", against: str = "company", **fields: Any) -> Case:
    """A dispute filed by `by`'s organisation against the world's `against` organisation."""
    values: dict[str, Any] = {
        "respondent_id": world.organisations[against].pk,
        "subject": "Uitleg van artikel 5.10",
        "description": "Het bedrijf meldt geen voortgang.",
        "remedy": "",
        "attachments": [],
        **fields,
    }
    return services.dispute_file(actor=actor_for(world.users[by]), **values)


def as_actor(world: Any, who: str) -> Any:
    return actor_for(world.users[who])
