"""Load benchmarks: the portal under gunicorn on loopback, driven by wrk.

Nothing here imports Django: the server runs in its own processes, and this side only
speaks HTTP (stdlib urllib) and runs the `wrk` binary.
"""

from __future__ import annotations

import contextlib
import http.cookiejar
import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
RESULT_MARKER = "BENCH-RESULT "


def log(message: str) -> None:
    print(f"[bench] {message}", file=sys.stderr, flush=True)


# --- gunicorn ---------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass(frozen=True)
class Server:
    base_url: str

    def url(self, path: str) -> str:
        return urllib.parse.urljoin(self.base_url, path)


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is not None:
        return
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGTERM)  # graceful: the master stops its workers
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=5)


@contextlib.contextmanager
def gunicorn(
    *, settings: str, workers: int = 2, threads: int = 2, timeout: float = 60.0
) -> Iterator[Server]:
    """Serve trustone.wsgi on a free loopback port until the block ends (also on error)."""
    port = _free_port()
    command = [
        sys.executable, "-m", "gunicorn", "trustone.wsgi:application",
        "--bind", f"127.0.0.1:{port}",
        "--workers", str(workers),
        "--threads", str(threads),
        "--log-level", "warning",
        "--error-logfile", "-",
        "--graceful-timeout", "5",
    ]  # fmt: skip
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": settings}
    log(f"starting gunicorn on 127.0.0.1:{port} ({workers} workers × {threads} threads)")
    process = subprocess.Popen(
        command,
        cwd=ROOT,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=sys.stderr,
        stderr=sys.stderr,
        start_new_session=True,  # its own process group, stopped as a whole
    )
    try:
        server = Server(base_url=f"http://127.0.0.1:{port}/")
        _wait_until_healthy(process, server, timeout)
        yield server
    finally:
        log("stopping gunicorn")
        _stop(process)


def _wait_until_healthy(process: subprocess.Popen[bytes], server: Server, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"gunicorn exited with status {process.returncode}")
        with (
            contextlib.suppress(OSError),
            urllib.request.urlopen(server.url("/health/"), timeout=2) as response,
        ):
            if response.status == 200:
                return
        time.sleep(0.2)
    raise RuntimeError(f"gunicorn did not answer /health/ within {timeout:.0f} s")


# --- Logging in over HTTP ---------------------------------------------------------------


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None  # the 3xx response itself is returned (as an HTTPError)


@dataclass
class Response:
    status: int
    headers: Any
    body: str


class Browser:
    """A cookie-keeping HTTP client that does not follow redirects."""

    def __init__(self, server: Server) -> None:
        self.server = server
        self.cookies = http.cookiejar.CookieJar()
        self._opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.cookies), _NoRedirect()
        )

    def request(
        self, path: str, data: dict[str, str] | None = None, headers: dict[str, str] | None = None
    ) -> Response:
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        request = urllib.request.Request(self.server.url(path), data=body, headers=headers or {})
        try:
            with self._opener.open(request, timeout=30) as response:
                return Response(response.status, response.headers, response.read().decode())
        except urllib.error.HTTPError as error:  # 3xx (not followed), 4xx, 5xx
            return Response(error.code, error.headers, error.read().decode(errors="replace"))

    def cookie(self, name: str) -> str | None:
        return next((cookie.value for cookie in self.cookies if cookie.name == name), None)


def login(server: Server, email: str, password: str) -> str:
    """Log in through allauth's form like a browser; returns the session id."""
    browser = Browser(server)
    page = browser.request("/accounts/login/")
    token = browser.cookie("csrftoken")
    if page.status != 200 or not token:
        raise RuntimeError(f"GET /accounts/login/ answered {page.status} without a CSRF cookie")
    answer = browser.request(
        "/accounts/login/",
        data={"login": email, "password": password, "csrfmiddlewaretoken": token},
        headers={"Referer": server.url("/accounts/login/")},
    )
    session = browser.cookie("sessionid")
    if answer.status != 302 or not session:
        raise RuntimeError(
            f"logging in as {email} answered {answer.status} "
            f"(Location: {answer.headers.get('Location')}); no session"
        )
    log(f"logged in as {email}; redirected to {answer.headers.get('Location')}")
    return session


def fetch(server: Server, path: str, headers: dict[str, str] | None = None) -> Response:
    return Browser(server).request(path, headers=headers)


# --- wrk --------------------------------------------------------------------------------

# Counts responses per status in every thread; done() merges them and prints one JSON line.
WRK_SCRIPT = r"""
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  statuses = {}
end

function response(status, headers, body)
  local key = tostring(status)
  statuses[key] = (statuses[key] or 0) + 1
end

function done(summary, latency, requests)
  local merged = {}
  for _, thread in ipairs(threads) do
    for status, count in pairs(thread:get("statuses") or {}) do
      merged[status] = (merged[status] or 0) + count
    end
  end
  local parts = {}
  for status, count in pairs(merged) do
    table.insert(parts, string.format('"%s": %d', status, count))
  end
  local e = summary.errors
  io.write(string.format(
    '%s{"requests": %d, "duration_us": %d, "bytes": %d, ' ..
    '"p50_us": %d, "p95_us": %d, "p99_us": %d, "mean_us": %.1f, "max_us": %d, ' ..
    '"errors": {"connect": %d, "read": %d, "write": %d, "timeout": %d, "status": %d}, ' ..
    '"statuses": {%s}}\n',
    "__MARKER__", summary.requests, summary.duration, summary.bytes,
    latency:percentile(50), latency:percentile(95), latency:percentile(99),
    latency.mean, latency.max,
    e.connect, e.read, e.write, e.timeout, e.status, table.concat(parts, ", ")))
end
"""


@dataclass(frozen=True)
class LoadSettings:
    duration: int = 10
    threads: int = 2
    connections: int = 8


def wrk(url: str, load: LoadSettings, headers: dict[str, str] | None = None) -> dict[str, Any]:
    """Run wrk against one URL; returns its measurements (latencies in microseconds)."""
    with tempfile.NamedTemporaryFile("w", suffix=".lua", prefix="bench-wrk-") as script:
        script.write(WRK_SCRIPT.replace("__MARKER__", RESULT_MARKER))
        script.flush()
        command = [
            "wrk",
            f"-t{load.threads}",
            f"-c{load.connections}",
            f"-d{load.duration}s",
            "--latency",
            "-s",
            script.name,
        ]
        for name, value in (headers or {}).items():
            command += ["-H", f"{name}: {value}"]
        completed = subprocess.run(
            [*command, url],
            capture_output=True,
            text=True,
            timeout=load.duration + 60,
            check=False,
        )
    for line in completed.stdout.splitlines():
        if line.startswith(RESULT_MARKER):
            continue
        print(f"  wrk | {line}", file=sys.stderr)
    if completed.stderr.strip():
        print(completed.stderr, file=sys.stderr)
    results = [
        line[len(RESULT_MARKER) :]
        for line in completed.stdout.splitlines()
        if line.startswith(RESULT_MARKER)
    ]
    if completed.returncode != 0 or not results:
        raise RuntimeError(f"wrk failed with status {completed.returncode}: {completed.stderr}")
    return dict(json.loads(results[-1]))
