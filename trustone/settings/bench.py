"""Benchmarks: `make bench`. Production-like (no debug), on loopback, own database."""

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "bench-only-not-secret-" + "x" * 40
COMPLAINTS_KEYS = ["6GaOuOmIPltZlu_tVKycPp-tr1RVrE0kHE5iVTkQhUo="]  # benchmarks only
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
DATABASES["default"]["NAME"] = "trustone_bench"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
REDIS_URL = REDIS_URL.rsplit("/", 1)[0] + "/2"
CACHES["default"]["LOCATION"] = REDIS_URL
CELERY_BROKER_URL = REDIS_URL
CELERY_RESULT_BACKEND = REDIS_URL
ACCOUNT_RATE_LIMITS = False
LOGGING["root"]["level"] = "WARNING"
