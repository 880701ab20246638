"""The rate-limit helper: rates read like "5/h"; the client is the address our proxy saw."""

import pytest
from django.core.cache import cache
from django.test import RequestFactory

from trustone.ratelimit import Rate, client_ip, rate_limit_exceeded, rate_limit_reached


@pytest.mark.parametrize(
    ("text", "rate"),
    [("5/h", Rate(5, 3600)), ("3/d", Rate(3, 86400)), ("10/15m", Rate(10, 900))],
)
def test_rates_are_read_like_the_settings_write_them(text, rate) -> None:
    assert Rate.parse(text) == rate


@pytest.mark.parametrize(
    ("proxies", "forwarded", "expected"),
    [
        (0, "203.0.113.5", "192.0.2.1"),  # no proxy: the header is the client's to forge
        (1, "203.0.113.5", "203.0.113.5"),
        (1, "10.9.9.9, 203.0.113.5", "203.0.113.5"),  # a forged first entry is ignored
        (2, "10.9.9.9, 203.0.113.5, 10.0.0.2", "203.0.113.5"),
        (1, "", "192.0.2.1"),
    ],
)
def test_client_ip(settings, proxies, forwarded, expected) -> None:
    settings.TRUSTED_PROXY_COUNT = proxies
    request = RequestFactory().get("/", REMOTE_ADDR="192.0.2.1", HTTP_X_FORWARDED_FOR=forwarded)
    assert client_ip(request) == expected


def test_counters_are_hashed_and_expire() -> None:
    request = RequestFactory().post("/", REMOTE_ADDR="192.0.2.44")
    assert [rate_limit_exceeded(request, action="test", rate="2/m") for _ in range(3)] == [
        False,
        False,
        True,
    ]
    keys = list(cache._cache.get_client().scan_iter("*ratelimit*"))
    assert keys and not any(b"192.0.2.44" in key for key in keys)
    assert all(0 < cache._cache.get_client().ttl(key) <= 60 for key in keys)


def test_reached_reads_the_counter_without_counting() -> None:
    request = RequestFactory().get("/", REMOTE_ADDR="192.0.2.45")
    assert not rate_limit_reached(request, action="test_peek", rate="2/m")
    rate_limit_exceeded(request, action="test_peek", rate="2/m")
    assert not rate_limit_reached(request, action="test_peek", rate="2/m")
    assert not rate_limit_reached(request, action="test_peek", rate="2/m")  # no count
    rate_limit_exceeded(request, action="test_peek", rate="2/m")
    assert rate_limit_reached(request, action="test_peek", rate="2/m")
    other = RequestFactory().get("/", REMOTE_ADDR="192.0.2.46")
    assert not rate_limit_reached(other, action="test_peek", rate="2/m")
