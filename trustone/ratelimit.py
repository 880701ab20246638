"""Who the client is, and how often it may do something.

`client_ip` is the one answer to "which address sent this request" — for the audit log,
for allauth's login limits (members.adapters) and for `rate_limit_exceeded`. Behind
TRUSTED_PROXY_COUNT proxies it reads X-Forwarded-For from the right, so only the address
our own proxy wrote counts (docker-compose's proxy overwrites the header).

`rate_limit_exceeded` counts attempts per client (or per any other key, such as an
e-mail address) in the Redis cache, in fixed windows: the counter's key is a keyed hash
(no address is stored in the clear) and expires with its window."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest
from django.utils.crypto import salted_hmac

UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


@dataclass(frozen=True)
class Rate:
    """At most `amount` attempts per `seconds`."""

    amount: int
    seconds: int

    @classmethod
    def parse(cls, text: str) -> Rate:
        """ "5/h", "3/d", "10/15m": an amount per (a number of) seconds, minutes, hours or
        days."""
        amount, _slash, period = text.partition("/")
        count = period[:-1] or "1"
        return cls(int(amount), int(count) * UNITS[period[-1]])


def client_ip(request: HttpRequest | None) -> str | None:
    """The client's address; behind TRUSTED_PROXY_COUNT proxies, from X-Forwarded-For."""
    if request is None:
        return None
    proxies = settings.TRUSTED_PROXY_COUNT
    forwarded = [ip.strip() for ip in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    forwarded = [ip for ip in forwarded if ip]
    if proxies and len(forwarded) >= proxies:
        return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR") or None


def _counter_key(action: str, source: str) -> str:
    digest = salted_hmac("trustone.ratelimit", f"{action}\n{source}").hexdigest()
    return f"ratelimit:{action}:{digest}"


def _source(request: HttpRequest, key: str | None) -> str:
    return key.strip().lower() if key is not None else f"ip:{client_ip(request) or '-'}"


def rate_limit_reached(
    request: HttpRequest, *, action: str, rate: Rate | str, key: str | None = None
) -> bool:
    """Whether this client (or `key`) has used up `rate` for `action`, without counting an
    attempt: for limits that count only failures (wrong codes) but must stop every try once
    reached, or a right guess would still get through."""
    rate = Rate.parse(rate) if isinstance(rate, str) else rate
    count = cache.get(_counter_key(action, _source(request, key)), 0)
    return int(count) >= rate.amount


def rate_limit_exceeded(
    request: HttpRequest, *, action: str, rate: Rate | str, key: str | None = None
) -> bool:
    """Count one attempt at `action` by this client (or by `key`, e.g. an e-mail address)
    and say whether it goes over `rate`. The attempt is counted either way."""
    rate = Rate.parse(rate) if isinstance(rate, str) else rate
    counter = _counter_key(action, _source(request, key))
    cache.add(counter, 0, timeout=rate.seconds)
    try:
        count = cache.incr(counter)
    except ValueError:  # expired between add and incr: a new window starts
        cache.add(counter, 1, timeout=rate.seconds)
        count = 1
    return count > rate.amount
