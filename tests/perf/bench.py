"""The benchmarks behind `make bench`.

    DJANGO_SETTINGS_MODULE=trustone.settings.bench \
        python -m trustone.devservices run -- python -m tests.perf.bench

Prints one JSON object per benchmark on its own line to stdout (`name`, `value`, `unit`
and details); everything else goes to stderr. A benchmark that fails prints its line with
an `error` key, and the run exits with status 1.

Environment:
    BENCH_SCALE        generated organisations (default 10000)
    BENCH_DURATION     seconds of load per HTTP benchmark (default 10)
    BENCH_CONNECTIONS  wrk connections (default 8; wrk threads: 2)
    BENCH_WORKERS      gunicorn workers (default 2), BENCH_THREADS threads each (default 2)
    BENCH_ONLY         comma-separated name patterns, e.g. "http:*,queries:dashboard@*"
    BENCH_RESET=1      drop and recreate the benchmark database first
    BENCH_SQL=1        list the SQL of the query-count benchmarks on stderr

To add a benchmark, add an entry to HTTP_BENCHMARKS or QUERY_BENCHMARKS below; to add
data, add a step to dataset.DATA_STEPS.
"""

from __future__ import annotations

import contextlib
import fnmatch
import html
import json
import os
import signal
import sys
import traceback
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from . import data, dataset, listing_data, load
from .data import log
from .timings import TIMINGS

SETTINGS = "trustone.settings.bench"


# --- What is measured -------------------------------------------------------------------


@dataclass(frozen=True)
class Context:
    """What the benchmarks may refer to once the data exists."""

    company: data.Company


Expected = str | tuple[str, ...]  # text (all of it) that a page must contain


@dataclass(frozen=True)
class HttpBenchmark:
    """Requests per second for one URL under wrk; every response must be a 200."""

    name: str
    path: str
    login: bool = False  # send the benchmark user's session cookie
    expect: Callable[[Context], Expected] | None = None  # checked once before the load
    details: Callable[[Context], dict[str, Any]] | None = None  # extra keys for the line
    baseline: str | None = None  # an earlier benchmark: its req/s ratio goes on the line


@dataclass(frozen=True)
class QueryCase:
    path: str
    user: Any | None  # None: anonymous
    expect: Expected | None = None


@dataclass(frozen=True)
class QueryBenchmark:
    """SQL queries for one page at several data sizes (`queries:<name>@<rows>`)."""

    name: str
    rows: tuple[int, ...]
    case: Callable[[int], QueryCase]  # creates data with that many rows; what to request
    constant: bool = False  # the count must be the same at every size (else: an error)

    def names(self) -> list[tuple[str, int]]:
        return [(f"queries:{self.name}@{rows}", rows) for rows in self.rows]


def _company_name(context: Context) -> str:
    return html.escape(context.company.organisation.name)


def _dashboard_case(rows: int) -> QueryCase:
    """The dashboard of a company admin whose organisation has `rows` memberships
    (it lists up to ten people)."""
    company = data.company_with_members(rows)
    return QueryCase("/dashboard/", company.admin, html.escape(company.organisation.name))


def _listing_shows(listed: int, first_name: str | None) -> tuple[str, ...]:
    """The count of listed members ("1234 vermeld"/"1234 listed") and the first name."""
    shown = (f'role="status">{listed} ',)
    return (*shown, html.escape(first_name)) if first_name is not None else shown


def _listing_benchmark(name: str, login: bool = False, **filters: str) -> HttpBenchmark:
    """The public company listing, first page; optionally filtered (country, level).
    Anonymous visitors are served from the cache; a logged-in visitor (`login`) always
    gets a fresh render, which shows the uncached cost. What it must show is worked out
    from the rows by listing_data.listing_expected."""

    def expected() -> listing_data.ListingExpectation:
        level = filters.get("level")
        return listing_data.listing_expected(
            country=filters.get("country", ""), level=int(level) if level else None
        )

    query = f"?{urllib.parse.urlencode(filters)}" if filters else ""
    return HttpBenchmark(
        name,
        f"/members/{query}",
        login=login,
        expect=lambda context: _listing_shows(expected().listed, expected().first_name),
        details=lambda context: {"listed": expected().listed},
        baseline="http:trivial",
    )


def _listing_case(rows: int) -> QueryCase:
    """The listing's first page searched by a name token that exactly `rows` listed
    companies carry (listing_data.listing_fixture; a few unlisted ones carry it too)."""
    fixture = listing_data.listing_fixture(rows)
    query = urllib.parse.urlencode({"q": fixture.token})
    return QueryCase(f"/members/?{query}", None, _listing_shows(rows, fixture.first_name))


def _listing_filtered_case(rows: int) -> QueryCase:
    """As _listing_case, also filtered by country and level: a fixture of 2 × `rows`
    listed companies, of which `rows` match the filter."""
    fixture = listing_data.listing_fixture(2 * rows)
    assert fixture.matching == rows
    query = urllib.parse.urlencode({"q": fixture.token, **listing_data.LISTING_FILTER})
    return QueryCase(f"/members/?{query}", None, _listing_shows(rows, fixture.first_matching_name))


HTTP_BENCHMARKS: tuple[HttpBenchmark, ...] = (
    HttpBenchmark("http:trivial", "/health/", expect=lambda context: "ok"),
    HttpBenchmark("http:dashboard", "/dashboard/", login=True, expect=_company_name),
    _listing_benchmark("http:listing"),
    _listing_benchmark("http:listing_filtered", country="NL", level="3"),
    _listing_benchmark("http:listing_uncached", login=True),
    _listing_benchmark("http:listing_filtered_uncached", login=True, country="NL", level="3"),
)


def _report_case(rows: int) -> QueryCase:
    """The report page of a company with `rows` chains."""
    from .reports import report_with_chains

    company, report = report_with_chains(rows)
    return QueryCase(
        f"/reports/{report.pk}/", company.admin, html.escape(company.organisation.name)
    )


QUERY_BENCHMARKS: tuple[QueryBenchmark, ...] = (
    QueryBenchmark("dashboard", rows=(10, 100), case=_dashboard_case),
    QueryBenchmark("report", rows=(10, 1000), case=_report_case, constant=True),
    QueryBenchmark(
        "listing", rows=listing_data.LISTING_FIXTURE_ROWS, case=_listing_case, constant=True
    ),
    QueryBenchmark(
        "listing_filtered",
        rows=tuple(rows // 2 for rows in listing_data.LISTING_FIXTURE_ROWS),
        case=_listing_filtered_case,
        constant=True,
    ),
)


# --- Running ----------------------------------------------------------------------------


def _env_int(name: str, default: int) -> int:
    value = os.environ.get(name, "").strip()
    return int(value) if value else default


class Report:
    """Prints result lines to stdout and remembers failures."""

    def __init__(self, only: list[str]) -> None:
        self.only = only
        self.failures: list[str] = []

    def wanted(self, name: str) -> bool:
        return not self.only or any(fnmatch.fnmatchcase(name, p) for p in self.only)

    def emit(self, line: dict[str, Any]) -> None:
        if "error" in line:
            self.failures.append(line["name"])
            log(f"FAILED {line['name']}: {line['error']}")
        print(json.dumps(line, ensure_ascii=False), flush=True)

    def fail(self, name: str, error: BaseException | str) -> None:
        if isinstance(error, BaseException):
            traceback.print_exception(error, file=sys.stderr)
            error = f"{type(error).__name__}: {error}"
        self.emit({"name": name, "error": str(error)})


def _http_result(benchmark: HttpBenchmark, result: dict[str, Any]) -> dict[str, Any]:
    statuses: dict[str, int] = result["statuses"]
    socket_errors = sum(result["errors"][kind] for kind in ("connect", "read", "write", "timeout"))
    seconds = result["duration_us"] / 1e6
    line: dict[str, Any] = {
        "name": benchmark.name,
        "value": round(result["requests"] / seconds, 1) if seconds else 0.0,
        "unit": "req/s",
        "p50_ms": round(result["p50_us"] / 1000, 2),
        "p95_ms": round(result["p95_us"] / 1000, 2),
        "p99_ms": round(result["p99_us"] / 1000, 2),
        "requests": result["requests"],
        "non_2xx": sum(n for status, n in statuses.items() if not status.startswith("2")),
        "socket_errors": socket_errors,
        "seconds": round(seconds, 1),
    }
    not_ok = sum(n for status, n in statuses.items() if status != "200")
    if not_ok or socket_errors or not result["requests"]:
        line["statuses"] = statuses
        line["error"] = (
            f"{not_ok} of {result['requests']} responses were not 200 "
            f"({socket_errors} socket errors)"
        )
    return line


def run_http(report: Report, context: Context, load_settings: load.LoadSettings) -> None:
    benchmarks = [b for b in HTTP_BENCHMARKS if report.wanted(b.name)]
    if not benchmarks:
        return
    with contextlib.ExitStack() as stack:
        try:
            server = stack.enter_context(
                load.gunicorn(
                    settings=SETTINGS,
                    workers=_env_int("BENCH_WORKERS", 2),
                    threads=_env_int("BENCH_THREADS", 2),
                )
            )
        except Exception as error:
            for benchmark in benchmarks:
                report.fail(benchmark.name, error)
            return
        session: str | None = None
        measured: dict[str, float] = {}  # req/s per benchmark, for the baselines
        for benchmark in benchmarks:
            try:
                headers = {}
                if benchmark.login:
                    session = session or load.login(server, data.BENCH_EMAIL, data.BENCH_PASSWORD)
                    headers["Cookie"] = f"sessionid={session}"
                _http_check(server, benchmark, context, headers)
                log(f"{benchmark.name}: wrk on {benchmark.path} for {load_settings.duration} s")
                result = load.wrk(server.url(benchmark.path), load_settings, headers)
                line = _http_result(benchmark, result)
                if benchmark.details:
                    line.update(benchmark.details(context))
                if benchmark.baseline and measured.get(benchmark.baseline):
                    line["baseline"] = benchmark.baseline
                    line["baseline_ratio"] = round(line["value"] / measured[benchmark.baseline], 3)
                if "error" not in line:
                    measured[benchmark.name] = line["value"]
                report.emit(line)
            except Exception as error:
                report.fail(benchmark.name, error)


def _http_check(
    server: load.Server, benchmark: HttpBenchmark, context: Context, headers: dict[str, str]
) -> None:
    """One request before the load: a 200 that shows what the page should show."""
    check = load.fetch(server, benchmark.path, headers)
    if check.status != 200:
        raise RuntimeError(f"GET {benchmark.path} answered {check.status}, not 200")
    expected = benchmark.expect(context) if benchmark.expect else ()
    for text in (expected,) if isinstance(expected, str) else expected:
        if text not in check.body:
            raise RuntimeError(f"GET {benchmark.path} does not show {text!r}")


def run_queries(report: Report) -> None:
    from .queries import count_queries, log_sql

    for benchmark in QUERY_BENCHMARKS:
        counts: dict[int, int] = {}  # queries per rows, for `constant`
        for name, rows in benchmark.names():
            if not report.wanted(name):
                continue
            try:
                case = benchmark.case(rows)
                result = count_queries(case.path, case.user, case.expect)
            except Exception as error:
                report.fail(name, error)
                continue
            if os.environ.get("BENCH_SQL"):
                log_sql(name, result)
            line = {
                "name": name,
                "value": result.queries,
                "unit": "queries",
                "rows": rows,
                "first_request": result.first_request,
                "repeated": result.repeated,
            }
            counts[rows] = result.queries
            if benchmark.constant and len(set(counts.values())) > 1:
                line["error"] = "the query count grows with the rows: " + ", ".join(
                    f"{queries} at {size} rows" for size, queries in counts.items()
                )
            report.emit(line)


def _terminate(signum: int, frame: Any) -> None:
    raise SystemExit(128 + signum)  # unwinds, so gunicorn is stopped


def run_timings(report: Report) -> None:
    for name, measure in TIMINGS.items():
        if not report.wanted(name):
            continue
        try:
            report.emit({"name": name, **measure()})
        except Exception as error:  # report and go on with the others
            report.fail(name, error)


def main() -> int:
    signal.signal(signal.SIGTERM, _terminate)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", SETTINGS)
    if os.environ["DJANGO_SETTINGS_MODULE"] != SETTINGS:
        log(f"DJANGO_SETTINGS_MODULE must be {SETTINGS}")
        return 2
    import django

    django.setup()
    from django.core.cache import cache

    scale = _env_int("BENCH_SCALE", 10000)
    load_settings = load.LoadSettings(
        duration=_env_int("BENCH_DURATION", 10),
        connections=_env_int("BENCH_CONNECTIONS", 8),
    )
    only = [p.strip() for p in os.environ.get("BENCH_ONLY", "").split(",") if p.strip()]
    report = Report(only)

    data.database_ensure(reset=os.environ.get("BENCH_RESET", "") not in {"", "0"})
    cache.clear()  # settings.bench's own Redis database: sessions and rate limits
    generation = dataset.data_ensure(scale)
    report.emit(
        {
            "name": "time:bench_data",
            "value": round(generation["seconds"], 2),
            "unit": "s",
            "scale": scale,
            "created": generation["created"],
            "removed": generation["removed"],
            "steps": generation["steps"],
        }
    )
    context = Context(company=data.bench_company())

    run_http(report, context, load_settings)
    run_queries(report)
    run_timings(report)

    if report.failures:
        log(f"{len(report.failures)} benchmark(s) failed: {', '.join(report.failures)}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
