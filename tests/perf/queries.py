"""Query counts: render a page in-process with Django's test client and count the SQL.

A page whose count grows with the number of rows has an N+1 problem; the benchmarks
report the count at two sizes so that growth shows.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from dataclasses import dataclass
from typing import Any

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext


@dataclass(frozen=True)
class QueryCount:
    queries: int
    first_request: int
    repeated: int  # queries whose SQL (literals stripped) ran more than once
    status: int
    sql: list[str]


_LITERALS = re.compile(r"'(?:[^']|'')*'|\b\d+\b")


def _shape(sql: str) -> str:
    return _LITERALS.sub("?", sql)


def count_queries(
    path: str, user: Any | None, expect_text: str | tuple[str, ...] | None = None
) -> QueryCount:
    """GET `path` twice as `user` (None: anonymous) and count the second request's queries.

    The first request pays once-per-session work (the MFA enrolment check); the second,
    rendered afresh (the listing cache is invalidated in between), is what a page view
    costs when it is not served from the cache."""
    client = Client(HTTP_HOST="127.0.0.1")  # settings.bench allows only loopback hosts
    if user is not None:
        client.force_login(user)
    with CaptureQueriesContext(connection) as first:
        client.get(path)
    # Count what rendering costs, not a cache hit: anonymous visitors get the public
    # listing from the cache, whose version this increases (a no-op for other pages).
    from members.public import listing_changed

    listing_changed()
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    if response.status_code != 200:
        raise RuntimeError(f"GET {path} answered {response.status_code}, not 200")
    body = response.content.decode()
    expected = () if expect_text is None else expect_text
    for text in (expected,) if isinstance(expected, str) else expected:
        if text not in body:
            raise RuntimeError(f"GET {path} does not show {text!r}")
    sql = [query["sql"] for query in captured.captured_queries]
    shapes = Counter(_shape(statement) for statement in sql)
    return QueryCount(
        queries=len(sql),
        first_request=len(first.captured_queries),
        repeated=sum(count for count in shapes.values() if count > 1),
        status=response.status_code,
        sql=sql,
    )


def log_sql(name: str, result: QueryCount) -> None:
    print(f"[bench] {name}: {result.queries} queries", file=sys.stderr)
    for number, statement in enumerate(result.sql, 1):
        print(f"  {number:3d}. {statement[:300]}", file=sys.stderr)
