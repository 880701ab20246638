"""The public member listing and the bidder check."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from members.public import listing_changed
from tests.factories import CovenantMembershipFactory, LevelFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


def member(
    name,
    *,
    country="NL",
    member_type="full",
    joined=date(2025, 4, 1),
    ends=None,
    number="",
    kind="company",
):
    organisation = OrganisationFactory(
        name=name, country=country, registration_number=number, kind=kind
    )
    CovenantMembershipFactory(
        organisation=organisation, member_type=member_type, joined_on=joined, ends_on=ends
    )
    return organisation


def names(response):
    return [o.name for o in response.context["page"].object_list]


def test_listing_shows_members_whose_membership_runs(client) -> None:
    member("Actief B.V.")
    member("Nog niet getekend B.V.", joined=None)
    member("Vertrokken B.V.", ends=timezone.localdate() - timedelta(days=1))
    member("Opgezegd B.V.", ends=timezone.localdate() + timedelta(days=30))
    member("Begunstiger", member_type="supporting")
    member("Gemeente Delft", member_type="government", kind="government")
    assert names(client.get(reverse("members:listing"))) == ["Actief B.V.", "Opgezegd B.V."]
    assert names(client.get(reverse("members:listing_supporting"))) == ["Begunstiger"]
    assert names(client.get(reverse("members:listing_governments"))) == ["Gemeente Delft"]


def test_first_term_levels_are_not_public(client) -> None:
    organisation = member("Hollandia Stone")
    LevelFactory(organisation=organisation, year=2024, level=4, decided_on=date(2025, 2, 28))
    response = client.get(reverse("members:listing"))
    listed = response.context["page"].object_list[0]
    assert listed.current_level is None
    LevelFactory(organisation=organisation, year=2025, level=2, decided_on=date(2025, 3, 1))
    listing_changed()  # what the services do when they record a level
    listed = client.get(reverse("members:listing")).context["page"].object_list[0]
    assert listed.current_level == 2
    detail = client.get(reverse("members:member_detail", args=[organisation.slug]))
    assert detail.context["history"] == [(2025, 2)]


def test_filters_by_type_level_country_and_name(client) -> None:
    a = member("Graniet Noord", country="NL")
    b = member("Hardsteen Zuid", country="BE", member_type="associated")
    member("Leisteen Oost", country="BE")
    LevelFactory(organisation=a, level=3)
    LevelFactory(organisation=b, level=1)
    url = reverse("members:listing")
    assert names(client.get(url, {"level": "3"})) == ["Graniet Noord"]
    assert names(client.get(url, {"level": "none"})) == ["Leisteen Oost"]
    assert names(client.get(url, {"country": "BE"})) == ["Hardsteen Zuid", "Leisteen Oost"]
    assert names(client.get(url, {"member_type": "associated"})) == ["Hardsteen Zuid"]
    assert names(client.get(url, {"q": "steen"})) == ["Hardsteen Zuid", "Leisteen Oost"]
    assert names(client.get(url, {"q": "bestaat niet"})) == []


def test_delay_note_is_shown_with_the_current_level(client) -> None:
    organisation = member("Van der Steen")
    LevelFactory(
        organisation=organisation,
        year=2026,
        level=3,
        decided_on=date(2026, 10, 1),
        explanatory_note="Leverancier gewisseld in Rajasthan.",
    )
    page = client.get(reverse("members:listing")).content.decode()
    assert "Leverancier gewisseld in Rajasthan." in page


def test_listing_shows_no_competition_sensitive_data(client) -> None:
    organisation = member("Geheim B.V.")
    organisation.covenant.annual_revenue_eur = 12_345_678
    organisation.covenant.employees = 4321
    organisation.covenant.save()
    for url in (
        reverse("members:listing"),
        reverse("members:member_detail", args=[organisation.slug]),
    ):
        page = client.get(url).content.decode()
        assert "Geheim B.V." in page
        assert "12345678" not in page and "12.345.678" not in page and "4321" not in page


@pytest.mark.parametrize("rows", [5, 40])
def test_listing_query_count_does_not_grow(client, rows, django_assert_num_queries) -> None:
    for index in range(rows):
        organisation = member(f"Lid {index:03d}")
        LevelFactory(organisation=organisation, level=index % 6)
        LevelFactory(
            organisation=organisation, year=2026, level=index % 6, decided_on=date(2026, 10, 1)
        )
    client.get(reverse("members:listing"))  # warm up sessions etc.
    with django_assert_num_queries(3):  # count, page, level histories
        response = client.get(reverse("members:listing"), {"country": "NL"})
    assert len(response.context["page"].object_list) == min(rows, 25)


def test_ended_memberships_are_published(client) -> None:
    from members.models import Termination
    from tests.factories import UserFactory

    organisation = member("Vertrokken B.V.", ends=date(2026, 1, 1))
    Termination.objects.create(
        organisation=organisation,
        kind="notice",
        reason="Geen handel",
        notice_on=date(2025, 6, 1),
        ends_on=date(2026, 1, 1),
        recorded_by=UserFactory(),
    )
    page = client.get(reverse("members:listing_ended")).content.decode()
    assert "Vertrokken B.V." in page


def test_bidder_check_by_name_and_registration_number(client) -> None:
    listed = member("Blauwe Hardsteen Import N.V.", number="0401.234.567", country="BE")
    LevelFactory(organisation=listed, level=3)
    member("Oud Lid B.V.", number="12345678", ends=date(2025, 12, 31))
    by_number = client.get(reverse("procurement:bidder_check"), {"q": "0401234567"})
    [result] = by_number.context["results"]
    assert (result.organisation, result.is_listed, result.level) == (listed, True, 3)
    [old] = client.get(reverse("procurement:bidder_check"), {"q": "1234 5678"}).context["results"]
    assert not old.is_listed
    assert (
        client.get(reverse("procurement:bidder_check"), {"q": "onbekend"}).context["results"] == []
    )


def test_bidder_statement_is_a_dated_pdf(client) -> None:
    from io import BytesIO

    from pypdf import PdfReader

    organisation = member("Mosa Graniet", number="14056789")
    response = client.get(reverse("procurement:bidder_statement", args=[organisation.slug]))
    assert response["Content-Type"] == "application/pdf"
    text = "".join(page.extract_text() for page in PdfReader(BytesIO(response.content)).pages)
    assert "Mosa Graniet" in text
    assert timezone.localdate().strftime("%Y") in text
    assert (
        client.get(reverse("procurement:bidder_statement", args=["bestaat-niet"])).status_code
        == 404
    )


def test_anonymous_visitors_get_the_listing_from_the_cache(client, django_assert_num_queries):
    member("Gecacht B.V.")
    first = client.get(reverse("members:listing"), {"country": "NL"})
    with django_assert_num_queries(0):
        again = client.get(reverse("members:listing"), {"country": "NL"})
    assert again.content == first.content
    member("Nieuw Lid B.V.")
    listing_changed()
    assert (
        "Nieuw Lid B.V."
        in client.get(reverse("members:listing"), {"country": "NL"}).content.decode()
    )


def test_a_confirmed_level_shows_when_it_was_last_assessed(client) -> None:
    from django.conf import settings

    organisation = member("Hollandia Stone")
    LevelFactory(organisation=organisation, year=2025, level=3, decided_on=date(2025, 11, 1))
    # Next year the same level is confirmed: the date is what changes.
    LevelFactory(organisation=organisation, year=2026, level=3, decided_on=date(2026, 10, 15))
    listing_changed()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    detail = client.get(reverse("members:member_detail", args=[organisation.slug]))
    assert "<dt>Last assessed</dt><dd>15 October 2026</dd>" in detail.content.decode()
    listing = client.get(reverse("members:listing")).content.decode()
    assert '<th scope="col">Last assessed</th>' in listing
    assert '<td class="nowrap">15 October 2026</td>' in listing
