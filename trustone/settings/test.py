"""Tests: `make test`. Real PostgreSQL and Redis, from DATABASE_URL / REDIS_URL."""

import os

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-not-secret-" + "x" * 40
COMPLAINTS_KEYS = ["rIRd2pNDAaZc6ZqgTr7znzoMLQqL69T7L1yuRf_9pWc="]  # tests only
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
LOGGING["root"]["level"] = "WARNING"  # type: ignore[index]

# The worker-kill test (tests/integration/assessments/test_report_pdf_worker.py) starts
# real worker processes with these settings and steers them through the environment:
# a slow first rendering, a short visibility timeout (Redis hands a killed worker's
# unacknowledged message to another worker after it), mail written to files.
REPORT_PDF_TEST_DELAY = float(os.environ.get("TRUSTONE_TEST_REPORT_PDF_DELAY", "0"))
if os.environ.get("TRUSTONE_TEST_VISIBILITY_TIMEOUT"):
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "visibility_timeout": int(os.environ["TRUSTONE_TEST_VISIBILITY_TIMEOUT"]),
        "unacked_restore_interval": 1,
        "unacked_restore_throttle": 1,
    }
if os.environ.get("TRUSTONE_TEST_EMAIL_DIR"):
    EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    EMAIL_FILE_PATH = os.environ["TRUSTONE_TEST_EMAIL_DIR"]
