"""The project's URLs. Every view has a declared access policy (tests/isolation checks
this); third-party views get theirs through `declare()` here."""

from allauth.account.decorators import secure_admin_login
from django.contrib import admin
from django.urls import include, path
from django.views.i18n import JavaScriptCatalog

from members.views import organisations as members_views
from trustone.access import policies
from trustone.access.declare import declare

from . import api_docs, i18n_views, views

# allauth pages used before or while logging in; every other allauth page (logout,
# password change, two-factor settings) needs a logged-in user.
ALLAUTH_PUBLIC = dict.fromkeys(
    (
        "account_login",
        "account_signup",
        "account_logout",
        "account_inactive",
        "account_reset_password",
        "account_reset_password_done",
        "account_reset_password_from_key",
        "account_reset_password_from_key_done",
        "account_email_verification_sent",
        "account_confirm_email",
        "account_login_code_confirm",
        "account_confirm_login_code",
        "mfa_authenticate",
        "mfa_trust",
        "mfa_login_webauthn",
        "mfa_signup_webauthn",
    ),
    policies.PUBLIC,
)

admin.site.login = secure_admin_login(admin.site.login)  # type: ignore[method-assign]  # MFA
admin.site.site_header = "TruStone"

urlpatterns = [
    path("", members_views.HomeView.as_view(), name="home"),
    path("health/", views.health, name="health"),
    path("i18n/setlang/", i18n_views.language_switch, name="set_language"),
    *declare(policies.PUBLIC, [path("jsi18n/", JavaScriptCatalog.as_view(), name="jsi18n")]),
    path("", include("members.urls")),
    path("", include("procurement.urls")),
    path("", include("assessments.public.urls")),  # /members/<slug>/plan/
    path("", include("assessments.annual.urls")),  # /annual-report/, /secretariat/annual-reports/
    path("", include("assessments.projects.urls")),  # /projects/, /project-register/
    path("supplier-list/", include("supplychain.urls")),
    path("registry/", include("supplychain.registry.urls")),
    path("lists/", include("supplychain.lists.urls")),
    path("signals/", include("supplychain.signals.urls")),
    path("complaints/", include("complaints.urls")),
    path("reports/", include("assessments.urls")),
    path("steering/", include("assessments.steering.urls")),
    path("audit/", include("trustone.audit.urls")),
    path("jobs/", include("trustone.jobs.urls")),
    path("api/v1/", include("trustone.api_urls")),
    path("api/schema/", api_docs.SchemaView.as_view(), name="schema"),
    path("api/docs/", api_docs.DocsView.as_view(url_name="schema"), name="api-docs"),
    # allauth: login, logout, password reset and change, MFA; sign-up is closed.
    *declare(policies.AUTHENTICATED, [path("accounts/", include("allauth.urls"))], ALLAUTH_PUBLIC),
    *declare(policies.DJANGO_ADMIN_SITE, [path("admin/", admin.site.urls)]),
]

handler404 = views.page_not_found
