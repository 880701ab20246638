"""Receipt codes: a complainant's only key to the case (no account, possibly anonymous).
A code is random, shown once and stored only as an Argon2 hash (Django's own Argon2
hasher, through argon2-cffi), beside its first digits, which find the case."""

from __future__ import annotations

import secrets
from functools import cache

from django.contrib.auth.hashers import Argon2PasswordHasher

from .rules import LOOKUP_DIGITS, RECEIPT_DIGITS

_hasher = Argon2PasswordHasher()


def receipt_new() -> str:
    """A fresh code of RECEIPT_DIGITS random digits (the caller shows it once)."""
    return "".join(secrets.choice("0123456789") for _ in range(RECEIPT_DIGITS))


def receipt_lookup(digits: str) -> str:
    """The part of a code stored in the clear to find its case."""
    return digits[:LOOKUP_DIGITS]


def receipt_hash(digits: str) -> str:
    """The slow, salted hash kept of a code."""
    return _hasher.encode(digits, _hasher.salt())


def receipt_matches(digits: str, encoded: str) -> bool:
    """Whether `digits` is the code whose hash is `encoded` (constant-time)."""
    return _hasher.verify(digits, encoded)


@cache
def decoy_hash() -> str:
    """A hash no code matches, checked when no case has the code's first digits."""
    return receipt_hash(receipt_new())
