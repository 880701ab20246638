"""Tests: `make test`. Real PostgreSQL and Redis, from DATABASE_URL / REDIS_URL."""

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-not-secret-" + "x" * 40
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Tests use their own Redis database so that a running `make run` is left alone.
REDIS_URL = REDIS_URL.rsplit("/", 1)[0] + "/1"
CACHES["default"]["LOCATION"] = REDIS_URL
CACHES["default"]["KEY_PREFIX"] = "trustone-test"
CELERY_BROKER_URL = REDIS_URL
CELERY_RESULT_BACKEND = REDIS_URL
MEDIA_ROOT = BASE_DIR / ".local" / "test-media"
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True
LOGGING["root"]["level"] = "WARNING"
