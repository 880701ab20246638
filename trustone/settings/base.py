"""Settings shared by every environment. Configuration comes from environment variables."""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    return os.environ.get(name, str(default)).lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
DEBUG = False
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.postgres",
    "rest_framework",
    "knox",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_htmx",
    "guardian",
    "django_countries",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "trustone.access",
    "trustone.audit",
    "trustone.jobs",
    "members",
    "supplychain",
    "assessments",
    "complaints",
    "procurement",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "trustone.middleware.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "trustone.middleware.DutchFirstLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "trustone.access.middleware.ActorMiddleware",
    "trustone.access.middleware.MandatoryMfaMiddleware",
    "trustone.access.middleware.AccessPolicyMiddleware",
]

ROOT_URLCONF = "trustone.urls"
WSGI_APPLICATION = "trustone.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "trustone.access.context_processors.actor",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", "postgres://postgres@localhost/trustone"),
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0")

#: The portal's address, for links in e-mails sent by jobs (no request to ask).
PORTAL_URL = os.environ.get("PORTAL_URL", "http://localhost:8000").rstrip("/")
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": REDIS_URL,
        "KEY_PREFIX": "trustone",
    }
}

AUTH_USER_MODEL = "members.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
    "guardian.backends.ObjectPermissionBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "members.validators.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.ScryptPasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "members:dashboard"

# django-allauth: e-mail login, invitation only, MFA (TOTP + recovery codes).
ACCOUNT_ADAPTER = "members.adapters.AccountAdapter"
MFA_ADAPTER = "members.adapters.MFAAdapter"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "none"
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_LOGIN_ON_PASSWORD_RESET = False
ACCOUNT_PASSWORD_RESET_BY_CODE_ENABLED = False
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_SESSION_REMEMBER = False
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[TruStone] "
ACCOUNT_RATE_LIMITS = {
    "login": "30/m/ip",
    "login_failed": "5/5m/ip,5/5m/key",
    "reset_password": "5/m/ip,3/m/key",
    "reset_password_from_key": "20/m/ip",
}
# Behind a reverse proxy: how many proxies append to X-Forwarded-For (for the client IP
# in the audit log and for allauth's per-IP rate limits).
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))
ALLAUTH_TRUSTED_PROXY_COUNT = TRUSTED_PROXY_COUNT
# Anonymous forms (trustone.ratelimit): attempts per client address and per e-mail
# address typed into the form, as "amount/period" (s, m, h, d; "10/15m").
RATE_LIMITS = {
    "party_application": "5/h",
    "party_application_email": "3/d",
    # Bidder statements: stored with each download (the table must not be filled), and
    # wrong verification codes (codes are not to be guessed).
    "bidder_statement": "60/h",
    "statement_verify_failed": "20/h",
}
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "TruStone"

# Sessions expire after 30 minutes without activity.
SESSION_COOKIE_AGE = int(os.environ.get("SESSION_COOKIE_AGE", str(30 * 60)))
SESSION_SAVE_EVERY_REQUEST = True
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Dutch")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "trustone" / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT", BASE_DIR / ".local" / "staticfiles"))
MEDIA_ROOT = Path(os.environ.get("DJANGO_MEDIA_ROOT", BASE_DIR / ".local" / "media"))
MEDIA_URL = "/media/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "trustone.mail_backends.ConsoleEmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "TruStone <portal@trustone.example>")

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        # Token first: an anonymous or wrong-token request then gets 401 with
        # WWW-Authenticate: Token.
        "trustone.access.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["trustone.access.permissions.PolicyPermission"],
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 50,
    "DEFAULT_SCHEMA_CLASS": "trustone.api_schema.PortalAutoSchema",
    "DEFAULT_THROTTLE_CLASSES": [
        "rest_framework.throttling.AnonRateThrottle",
        "rest_framework.throttling.UserRateThrottle",
    ],
    "DEFAULT_THROTTLE_RATES": {"anon": "120/min", "user": "600/min"},
    # Services raise Django's ValidationError; the API answers it with a 400.
    "EXCEPTION_HANDLER": "trustone.api_errors.exception_handler",
}
# API tokens (django-rest-knox): only a SHA-512 digest is stored; a token expires after
# API_TOKEN_TTL_DAYS and is not extended by use. The prefix lets secret scanners spot one.
REST_KNOX = {
    "TOKEN_TTL": timedelta(days=int(os.environ.get("API_TOKEN_TTL_DAYS", "90"))),
    "TOKEN_PREFIX": "trustone_",
    "AUTO_REFRESH": False,
    "AUTH_HEADER_PREFIX": "Token",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "TruStone portal API",
    "DESCRIPTION": "Member companies, governments and the secretariat of the TruStone "
    "Initiative. Authenticate with a session or an API token.",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    # Request bodies get their own components: without read-only fields, with the
    # constraints only input has (a required text is not blank).
    "COMPONENT_SPLIT_REQUEST": True,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "ENUM_NAME_OVERRIDES": {
        "MemberCountryEnum": "members.models.Country",
        "CountryCodeEnum": "django_countries.countries",
        "RatingEnum": "assessments.models.Rating",
        "ActionStatusEnum": "assessments.models.ActionStatus",
    },
}

CELERY_BROKER_URL = REDIS_URL
CELERY_RESULT_BACKEND = REDIS_URL
CELERY_TASK_DEFAULT_QUEUE = "default"
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_EXPIRES = timedelta(days=1)
CELERY_BEAT_SCHEDULE: dict = {
    "report-reminders": {
        "task": "assessments.tasks.report_reminders_task",
        "schedule": timedelta(hours=24),
    },
    "report-pdfs-requeue": {
        "task": "assessments.tasks.report_pdfs_requeue_task",
        "schedule": timedelta(minutes=5),
    },
    "annual-reports-requeue": {
        "task": "assessments.tasks.annual_reports_requeue_task",
        "schedule": timedelta(minutes=5),
    },
    "site-matches-nightly": {
        "task": "supplychain.tasks.rebuild_site_matches_task",
        "schedule": timedelta(hours=24),
    },
    "lists-nightly": {
        "task": "supplychain.tasks.rebuild_lists_task",
        "schedule": timedelta(hours=24),
    },
    "tender-reminders": {
        "task": "procurement.tasks.tender_reminders_task",
        "schedule": timedelta(hours=24),
    },
    "purge-old-invitations": {
        "task": "members.tasks.invitations_expire_task",
        "schedule": timedelta(hours=1),
    },
}

GUARDIAN_RAISE_403 = False
GUARDIAN_RENDER_403 = False
ANONYMOUS_USER_NAME = None

INVITATION_VALID_DAYS = 14


def complaint_keys() -> list[str]:
    """The keys complaint content is encrypted with, newest first: COMPLAINTS_KEYS
    (comma-separated) and/or a file COMPLAINTS_KEY_FILE with one key per line. Never in
    the database. New content is encrypted with the first; content under any of them can
    be read (complaints.crypto)."""
    keys = env_list("COMPLAINTS_KEYS")
    path = os.environ.get("COMPLAINTS_KEY_FILE")
    if path:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
        keys += [line.strip() for line in lines if line.strip() and not line.startswith("#")]
    return keys


COMPLAINTS_KEYS = complaint_keys()

# Signals (DOMAIN §6): calendar days for a routed company's first answer, by urgency, and
# for the secretariat's outcome after routing. Overdue ones are flagged on the dashboard.
SIGNAL_RESPONSE_DAYS = {
    "acute": int(os.environ.get("SIGNAL_RESPONSE_DAYS_ACUTE", "5")),
    "urgent": int(os.environ.get("SIGNAL_RESPONSE_DAYS_URGENT", "14")),
    "routine": int(os.environ.get("SIGNAL_RESPONSE_DAYS_ROUTINE", "28")),
}
SIGNAL_OUTCOME_DAYS = int(os.environ.get("SIGNAL_OUTCOME_DAYS", "90"))

# Deadlines of a complaint or dispute, in days (the Complaints and Disputes Regulation of
# 1 March 2021; configurable): the admissibility decision after filing, a reply to a
# request for information, the ruling after admission, compliance after the ruling.
COMPLAINTS_DEADLINE_DAYS = {
    "admissibility": int(os.environ.get("COMPLAINTS_ADMISSIBILITY_DAYS", "42")),
    "reply": int(os.environ.get("COMPLAINTS_REPLY_DAYS", "28")),
    "ruling": int(os.environ.get("COMPLAINTS_RULING_DAYS", "84")),
    "compliance": int(os.environ.get("COMPLAINTS_COMPLIANCE_DAYS", "90")),
}
# Public complaint intake: filings per client address per hour, counted under a keyed
# hash that expires (no address is stored).
COMPLAINTS_INTAKE_RATE = os.environ.get("COMPLAINTS_INTAKE_RATE", "5/h")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "INFO"},
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}
FORMAT_MODULE_PATH = ["trustone.formats"]

# Map tiles for the coordinate picker (the picker works without them).
MAP_TILE_URL = os.environ.get("MAP_TILE_URL", "https://tile.openstreetmap.org/{z}/{x}/{y}.png")
