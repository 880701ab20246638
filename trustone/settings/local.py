"""Development: `make run`."""

from .base import *  # noqa: F403

DEBUG = True
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY") or "dev-only-not-secret-" + "x" * 40
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]

# A development key for complaint content, made once under .local/ (never committed).
if not COMPLAINTS_KEYS:
    from cryptography.fernet import Fernet

    _key_file = BASE_DIR / ".local" / "complaints.key"
    if not _key_file.exists():
        _key_file.parent.mkdir(parents=True, exist_ok=True)
        _key_file.write_text(Fernet.generate_key().decode() + "\n", encoding="utf-8")
        _key_file.chmod(0o600)
    COMPLAINTS_KEYS = [_key_file.read_text(encoding="utf-8").strip()]
