"""Logging in with TOTP, enrolling TOTP after an invitation, switching organisation."""

from __future__ import annotations

import re

import pytest
from django.core import mail
from playwright.sync_api import Page, expect

from members.models import Membership
from tests.conftest import TEST_TOTP_SECRET, make_user
from tests.factories import OrganisationFactory

from .conftest import log_in, totp_code

pytestmark = pytest.mark.django_db(transaction=True)


def test_secretariat_officer_logs_in_with_totp(page: Page) -> None:
    secretariat = OrganisationFactory(name="Secretariaat TruStone", kind="secretariat")
    officer = make_user(secretariat, "admin")

    log_in(page, officer.email)
    # The second step asks for the code of the authenticator app.
    code_field = page.get_by_label("Code")
    expect(code_field).to_be_visible()
    code_field.fill(totp_code(TEST_TOTP_SECRET))
    page.locator("#main").get_by_role("button", name="Inloggen").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Secretariaat TruStone")
    expect(page.get_by_role("link", name="Auditlog", exact=True)).to_be_visible()


def test_wrong_totp_code_keeps_the_officer_out(page: Page) -> None:
    secretariat = OrganisationFactory(name="Secretariaat TruStone", kind="secretariat")
    officer = make_user(secretariat, "admin")

    log_in(page, officer.email)
    page.get_by_label("Code").fill("000000")
    page.locator("#main").get_by_role("button", name="Inloggen").click()

    expect(page.get_by_text("Ongeldige code.")).to_be_visible()
    page.goto("/dashboard/")  # still not logged in: back to the two-step login
    expect(page).to_have_url(re.compile(r"/accounts/(login|2fa/authenticate)/"))
    expect(page.get_by_role("heading", level=1)).not_to_have_text("Secretariaat TruStone")


def test_user_of_two_companies_switches_organisation(page: Page) -> None:
    first = OrganisationFactory(name="Van der Steen Natuursteen B.V.")
    second = OrganisationFactory(name="Graniet Import Nederland B.V.")
    user = make_user(first, "admin")
    Membership.objects.create(user=user, organisation=second, role="member")

    log_in(page, user.email)
    heading = page.get_by_role("heading", level=1)
    expect(heading).to_have_text("Van der Steen Natuursteen B.V.")  # where they are admin

    page.get_by_label("Namens").select_option(label="Graniet Import Nederland B.V. (Lid)")
    page.get_by_role("button", name="Wisselen").click()

    expect(heading).to_have_text("Graniet Import Nederland B.V.")
    expect(page.get_by_text("U handelt nu namens: Graniet Import Nederland B.V.")).to_be_visible()
    # It sticks for the rest of the session.
    page.reload()
    expect(heading).to_have_text("Graniet Import Nederland B.V.")


def test_invited_ngo_user_must_enrol_totp_before_seeing_anything(page: Page) -> None:
    secretariat = OrganisationFactory(name="Secretariaat TruStone", kind="secretariat")
    officer = make_user(secretariat, "admin")

    # The officer registers an NGO and invites its first user (with TOTP).
    log_in(page, officer.email)
    page.get_by_label("Code").fill(totp_code(TEST_TOTP_SECRET))
    page.locator("#main").get_by_role("button", name="Inloggen").click()
    page.goto("/organisations/new/")
    page.get_by_label("Naam").fill("Landelijke India Werkgroep")
    page.get_by_label("Soort").select_option("ngo")
    page.get_by_label("E-mailadres van de eerste gebruiker").fill("onderzoeker@liw.example")
    page.get_by_role("button", name="Registreren en uitnodiging versturen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Landelijke India Werkgroep")
    expect(page.get_by_role("cell", name="onderzoeker@liw.example", exact=True)).to_be_visible()

    link = re.search(r"http://\S+/invitation/\S+/", mail.outbox[-1].body).group(0)
    page.context.clear_cookies()
    page.goto(link)
    page.get_by_label("Uw volledige naam").fill("Meera Kapoor")
    page.locator("#id_password1").fill("Zandsteen-Rajasthan-9")
    page.locator("#id_password2").fill("Zandsteen-Rajasthan-9")
    page.get_by_role("button", name="Mijn account aanmaken").click()

    # Before anything else: the authenticator app.
    expect(page).to_have_url(re.compile(r"/accounts/2fa/totp/activate/"))
    page.goto("/dashboard/")
    expect(page).to_have_url(re.compile(r"/accounts/2fa/totp/activate/"))
    secret = page.locator("#authenticator_secret").input_value()
    page.get_by_label("Code").fill(totp_code(secret))
    page.get_by_role("button", name="Activeer").click()

    page.goto("/dashboard/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Landelijke India Werkgroep")
