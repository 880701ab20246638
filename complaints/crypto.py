"""Complaint content encrypted at rest (DOMAIN §6, issue 11): authenticated encryption
(Fernet from `cryptography`: AES-128-CBC with an HMAC-SHA256 over it) under keys from the
environment (settings.COMPLAINTS_KEYS, newest first), never from the database — a leaked
dump holds only ciphertext. Several keys may be configured at once: new content is
encrypted with the first, and content under any of them can be read, so that a key is
rotated without downtime (`rotated` re-encrypts under the newest)."""

from __future__ import annotations

from functools import cache

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured


@cache
def _cipher(keys: tuple[str, ...]) -> MultiFernet:
    if not keys:
        raise ImproperlyConfigured("Set COMPLAINTS_KEYS or COMPLAINTS_KEY_FILE.")
    try:
        return MultiFernet([Fernet(key.encode()) for key in keys])
    except ValueError as error:
        raise ImproperlyConfigured(f"A complaints key is not a Fernet key: {error}") from error


def cipher() -> MultiFernet:
    return _cipher(tuple(settings.COMPLAINTS_KEYS))


def encrypt(data: bytes) -> bytes:
    """The ciphertext of `data` under the newest key."""
    return cipher().encrypt(data)


def decrypt(token: bytes) -> bytes:
    """The plaintext of `token` (under any configured key); InvalidToken when it was
    altered or no configured key made it."""
    return cipher().decrypt(bytes(token))


def encrypt_text(text: str) -> bytes:
    return encrypt(text.encode("utf-8"))


def decrypt_text(token: bytes) -> str:
    return decrypt(token).decode("utf-8")


def rotated(token: bytes) -> bytes:
    """`token` re-encrypted under the newest key (for a key rotation)."""
    return cipher().rotate(bytes(token))


__all__ = ["InvalidToken", "decrypt", "decrypt_text", "encrypt", "encrypt_text", "rotated"]
