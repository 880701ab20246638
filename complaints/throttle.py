"""The growing delay after wrong receipt codes (rules.failure_delay), per client. The
counter lives in the cache under a keyed hash of the client's address and expires after
a day: no address is stored, in the database or in the clear."""

from __future__ import annotations

import time

from django.core.cache import cache
from django.http import HttpRequest
from django.utils.crypto import salted_hmac

from trustone.ratelimit import client_ip

from .rules import failure_delay

MEMORY_SECONDS = 24 * 3600


def _key(request: HttpRequest) -> str:
    digest = salted_hmac("complaints.receipt", client_ip(request) or "-").hexdigest()
    return f"complaints:receipt:{digest}"


def receipt_wait(request: HttpRequest) -> int:
    """Seconds this client must still wait before it may try a code again (0: now)."""
    state = cache.get(_key(request))
    if not state:
        return 0
    return max(0, int(state["until"] - time.time() + 0.999))


def receipt_failed(request: HttpRequest) -> int:
    """Count a wrong code; the seconds to wait before the next try."""
    state = cache.get(_key(request)) or {"failures": 0, "until": 0}
    failures = state["failures"] + 1
    delay = failure_delay(failures)
    cache.set(_key(request), {"failures": failures, "until": time.time() + delay}, MEMORY_SECONDS)
    return delay


def receipt_succeeded(request: HttpRequest) -> None:
    cache.delete(_key(request))
