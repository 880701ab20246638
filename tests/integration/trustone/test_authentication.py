"""Login, invitation-only accounts, mandatory TOTP, rate limits, sessions, headers."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from allauth.mfa.models import Authenticator
from django.conf import settings
from django.test import Client
from django.urls import reverse

from members.adapters import MFAAdapter
from tests.conftest import make_user
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[3]


def test_nobody_can_sign_up(client) -> None:
    response = client.get("/accounts/signup/")
    assert "Accounts alleen op uitnodiging" in response.content.decode()
    client.post(
        "/accounts/signup/",
        {"email": "x@example.nl", "password1": "Lang-Genoeg-123", "password2": "Lang-Genoeg-123"},
    )
    from members.models import User

    assert not User.objects.filter(email="x@example.nl").exists()


def test_company_user_logs_in_with_email_and_password(client) -> None:
    user = make_user(OrganisationFactory(), "admin")
    response = client.post(
        reverse("account_login"), {"login": user.email, "password": "Correct-Horse-42"}
    )
    assert response.status_code == 302
    assert response.url == reverse("members:dashboard")
    assert client.get(reverse("members:dashboard")).status_code == 200


@pytest.mark.parametrize("kind", ["secretariat", "ngo", "union"])
def test_users_of_kinds_with_mandatory_totp_see_nothing_before_enrolling(kind) -> None:
    from tests.factories import MembershipFactory

    user = MembershipFactory(organisation=OrganisationFactory(kind=kind)).user
    client = Client()
    client.force_login(user)
    for path in (reverse("members:dashboard"), reverse("home"), reverse("audit:log")):
        response = client.get(path)
        assert response.status_code == 302
        assert response.url == reverse("mfa_activate_totp")
    api = client.get(reverse("api:me"))
    assert api.status_code == 403
    assert api.json() == {"detail": "Stel eerst tweestapsverificatie in."}


@pytest.mark.parametrize("kind", ["company", "government", "sector_organisation"])
def test_totp_is_optional_for_other_kinds(kind) -> None:
    from tests.factories import MembershipFactory

    client = Client()
    client.force_login(MembershipFactory(organisation=OrganisationFactory(kind=kind)).user)
    assert client.get(reverse("members:dashboard")).status_code == 200


def test_mandatory_totp_cannot_be_removed() -> None:
    ngo_user = make_user(OrganisationFactory(kind="ngo"))
    company_user = make_user(OrganisationFactory(kind="company"))
    from allauth.mfa.totp.internal.auth import TOTP

    TOTP.activate(company_user, "JBSWY3DPEHPK3PXP")
    adapter = MFAAdapter()
    assert not adapter.can_delete_authenticator(Authenticator.objects.get(user=ngo_user))
    assert adapter.can_delete_authenticator(Authenticator.objects.get(user=company_user))


def test_repeated_failed_logins_are_rate_limited(client) -> None:
    user = make_user(OrganisationFactory())
    for _attempt in range(5):
        client.post(reverse("account_login"), {"login": user.email, "password": "fout"})
    # Even the right password is refused while the limit holds.
    response = client.post(
        reverse("account_login"), {"login": user.email, "password": "Correct-Horse-42"}
    )
    assert "Te veel inlogpogingen" in str(response.context["form"].non_field_errors())
    assert client.get(reverse("members:dashboard")).status_code == 302


def test_sessions_expire_after_thirty_minutes_without_activity(client) -> None:
    assert settings.SESSION_COOKIE_AGE == 30 * 60
    assert settings.SESSION_SAVE_EVERY_REQUEST
    from django.contrib.sessions.models import Session
    from django.core.cache import cache
    from django.utils import timezone

    user = make_user(OrganisationFactory())
    client.force_login(user)
    response = client.get(reverse("members:dashboard"))
    cookie = response.cookies[settings.SESSION_COOKIE_NAME]
    assert cookie["max-age"] == ""  # a browser-session cookie
    assert cookie["httponly"]
    assert cookie["samesite"] == "Lax"
    session = Session.objects.get()
    remaining = (session.expire_date - timezone.now()).total_seconds()
    assert 29 * 60 < remaining <= 30 * 60  # renewed on every request
    # Thirty minutes later, without a request in between, the session is gone.
    Session.objects.update(expire_date=timezone.now() - timezone.timedelta(seconds=1))
    cache.clear()
    response = client.get(reverse("members:dashboard"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


def test_security_headers_on_every_page(client) -> None:
    response = client.get(reverse("home"))
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]
    assert "script-src 'self'" in response["Content-Security-Policy"]
    assert "camera=()" in response["Permissions-Policy"]


def test_admin_login_goes_through_the_portal_login(client) -> None:
    response = client.get("/admin/login/?next=/admin/")
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


def test_deploy_check_with_production_settings_reports_nothing() -> None:
    env = {
        **{k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"},
        "DJANGO_SETTINGS_MODULE": "trustone.settings.production",
        "DJANGO_SECRET_KEY": "k8#Tq2!vX9zR4mW7pL0sN3bH6jF1dG5cY8eA2uI4oP7aS9dF-x7Vb3Nm",
        "DJANGO_ALLOWED_HOSTS": "portal.trustone.example",
        "COMPLAINTS_KEYS": "rIRd2pNDAaZc6ZqgTr7znzoMLQqL69T7L1yuRf_9pWc=",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout
