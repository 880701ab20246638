"""Development: `make run`."""

from .base import *  # noqa: F403

DEBUG = True
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY") or "dev-only-not-secret-" + "x" * 40
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]
