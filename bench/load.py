"""Load test: concurrent signed-in sessions reading and writing workspace data through gunicorn.

Starts its own instance (fresh var dir; a fresh SQLite file or PostgreSQL database), its own
gunicorn on 127.0.0.1, signs in N sessions and runs a bounded mix of reads (workspace home, note,
members, audit log, corpus home) and writes (create a note, edit one). It fails on any error or
any lost write (checked by counting in the database afterwards), and prints throughput and
latency percentiles. Figures only, no timed assertion.

    .venv/bin/python bench/load.py                       # SQLite, 12 sessions × 50 requests
    .venv/bin/python bench/load.py --db postgres         # or UPR_LOAD_DB=postgres
    .venv/bin/python bench/load.py --sessions 16 --requests 100 --workers 3 --threads 4
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode, urlparse, urlunparse

ROOT = Path(__file__).resolve().parent.parent
PASSWORD = "load-test passphrase 2026"  # noqa: S105 - throw-away accounts of a temp instance
SEED = """
import json
from django.contrib.auth.hashers import make_password
from upr.workspaces.audit import acting_as
from upr.workspaces.models import Membership, Note, Role, User, Workspace
n = {sessions}
hashed = make_password({password!r})
users = User.objects.bulk_create(
    [User(email=f"user{{i}}@example.org", password=hashed) for i in range(n)]
)
ws = Workspace.objects.create(name="Load test coalition")
for i, user in enumerate(User.objects.order_by("pk")):
    Membership.objects.create(workspace=ws, user=user, role=Role.OWNER if i == 0 else Role.EDITOR)
with acting_as(None):
    for i in range(20):
        Note.objects.create(workspace=ws, title=f"seed {{i}}", body="seed")
print(json.dumps({{"ws": ws.public_id}}))
"""
COUNT = """
import json
from upr.workspaces.models import AuditEntry, Note, Workspace
ws = Workspace.objects.get()
notes = Note.objects.in_workspace(ws)
print(json.dumps({
    "titles": list(notes.values_list("title", flat=True)),
    "edited": list(notes.filter(body__startswith="edited by ").values_list("body", flat=True)),
    "audit": AuditEntry.objects.in_workspace(ws).count(),
}))
"""


@dataclass
class Stats:
    latencies: dict[str, list[float]] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    created: list[tuple[str, str]] = field(default_factory=list)  # (note URL, title)
    edits: list[tuple[str, str, str]] = field(default_factory=list)  # (edit URL, title, body)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, kind: str, seconds: float) -> None:
        with self.lock:
            self.latencies.setdefault(kind, []).append(seconds)


class Session:
    """One browser: a keep-alive connection, cookies, the CSRF token."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        self.cookies: dict[str, str] = {}

    def request(self, method: str, path: str, data: dict | None = None):
        headers = {"Host": "127.0.0.1"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if data is not None:
            data = {**data, "csrfmiddlewaretoken": self.cookies.get("csrftoken", "")}
            body = urlencode(data)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        for attempt in range(2):
            try:
                self.conn.request(method, path, body=body, headers=headers)
                response = self.conn.getresponse()
                content = response.read()
                break
            except (http.client.HTTPException, ConnectionError):
                if attempt:
                    raise
                self.conn.close()  # the server closed an idle keep-alive connection
                self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        for header in response.headers.get_all("Set-Cookie") or []:
            for key, morsel in SimpleCookie(header).items():
                self.cookies[key] = morsel.value
        return response.status, response.headers, content

    def sign_in(self, email: str) -> None:
        self.request("GET", "/account/sign-in/")
        status, headers, _ = self.request(
            "POST", "/account/sign-in/", {"email": email, "password": PASSWORD}
        )
        if status != 302 or "/account/sign-in/" in headers.get("Location", ""):
            raise RuntimeError(f"sign-in failed for {email}: {status}")


def run_session(port: int, number: int, ws: str, requests: int, stats: Stats, go) -> None:
    rng = random.Random(number)
    session = Session(port)
    started = time.perf_counter()
    session.sign_in(f"user{number}@example.org")
    stats.add("sign-in", time.perf_counter() - started)
    mine: list[str] = []
    go.wait()
    for i in range(requests):
        roll = rng.random()
        if roll < 0.20:
            kind, title = "write: create note", f"load {number}-{i}"
            method, path, data = "POST", f"/w/{ws}/notes/new/", {"title": title, "body": "x" * 200}
        elif roll < 0.30 and mine:
            kind, marker = "write: edit note", f"edited by {number} at {i}"
            path = mine[rng.randrange(len(mine))] + "edit/"
            method, data = "POST", {"title": f"load {number}-edited-{i}", "body": marker}
        else:
            kind, method, data = "read", "GET", None
            path = rng.choice(
                [f"/w/{ws}/", f"/w/{ws}/members/", "/", *(mine[-3:] or [f"/w/{ws}/"])]
                + ([f"/w/{ws}/audit/"] if number == 0 else [])
            )
        t0 = time.perf_counter()
        try:
            status, headers, _ = session.request(method, path, data)
        except Exception as error:
            stats.errors.append(f"{method} {path}: {error!r}")
            continue
        stats.add(kind, time.perf_counter() - t0)
        expected = 302 if method == "POST" else 200
        if status != expected:
            stats.errors.append(f"{method} {path}: HTTP {status}")
            continue
        if kind == "write: create note":
            mine.append(headers["Location"])
            with stats.lock:
                stats.created.append((headers["Location"], title))
        elif kind == "write: edit note":
            with stats.lock:
                stats.edits.append((path, data["title"], marker))


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--db", choices=["sqlite", "postgres"], default=os.environ.get("UPR_LOAD_DB", "sqlite")
    )
    parser.add_argument(
        "--pg-url",
        default=os.environ.get("UPR_LOAD_PG_URL", "postgres://postgres@127.0.0.1:5432/postgres"),
    )
    parser.add_argument("--sessions", type=int, default=12)
    parser.add_argument("--requests", type=int, default=50, help="per session")
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--threads", type=int, default=4)
    args = parser.parse_args()
    if not 1 <= args.sessions <= 64:
        parser.error("--sessions must be between 1 and 64")

    var_dir = Path(tempfile.mkdtemp(prefix="upr-load-"))
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST")}
    for key in ("DJANGO_SETTINGS_MODULE", "UPR_SQLITE_PATH", "DATABASE_URL"):
        env.pop(key, None)
    env.update(UPR_VAR_DIR=str(var_dir), UPR_SECRET_KEY="load-" + "k" * 60, UPR_LOG_LEVEL="ERROR")
    pg_name = f"upr_load_{os.getpid()}"
    if args.db == "postgres":
        import psycopg

        with psycopg.connect(args.pg_url, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{pg_name}" WITH (FORCE)')
            conn.execute(f'CREATE DATABASE "{pg_name}"')
        env["DATABASE_URL"] = urlunparse(urlparse(args.pg_url)._replace(path=f"/{pg_name}"))

    def upr(*cmd: str) -> str:
        done = subprocess.run(
            [sys.executable, "-m", "upr.web.cli", *cmd],
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        if done.returncode:
            raise RuntimeError(f"upr {cmd[0]} failed:\n{done.stderr}")
        return done.stdout

    server = None
    try:
        upr("migrate", "--no-input", "-v", "0")
        ws = json.loads(
            upr(
                "shell",
                "--no-imports",
                "-c",
                SEED.format(sessions=args.sessions, password=PASSWORD),
            ).splitlines()[-1]
        )["ws"]
        port = _free_port()
        gunicorn = shutil.which("gunicorn", path=str(Path(sys.executable).parent)) or "gunicorn"
        server = subprocess.Popen(
            [
                gunicorn,
                "upr.web.wsgi:application",
                "--bind",
                f"127.0.0.1:{port}",
                "--workers",
                str(args.workers),
                "--threads",
                str(args.threads),
                "--timeout",
                "120",
                "--log-level",
                "warning",
            ],
            env=env,
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=open(var_dir / "gunicorn.log", "w"),  # noqa: SIM115
        )
        deadline = time.monotonic() + 60
        while True:
            try:
                Session(port).request("GET", "/account/sign-in/")
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise RuntimeError((var_dir / "gunicorn.log").read_text()) from None
                time.sleep(0.3)

        stats = Stats()
        go = threading.Event()
        threads = [
            threading.Thread(target=run_session, args=(port, n, ws, args.requests, stats, go))
            for n in range(args.sessions)
        ]
        for t in threads:
            t.start()
        while sum(len(v) for k, v in stats.latencies.items() if k == "sign-in") < args.sessions:
            if not any(t.is_alive() for t in threads):
                break
            time.sleep(0.05)
        started = time.perf_counter()
        go.set()
        for t in threads:
            t.join()
        elapsed = time.perf_counter() - started

        found = json.loads(upr("shell", "--no-imports", "-c", COUNT).splitlines()[-1])
        # Each note is edited only by the session that created it, so its final title and body
        # are known: the last edit's, or the creation's.
        final = {path: (title, None) for path, title in stats.created}
        for edit_path, title, marker in stats.edits:
            final[edit_path.removesuffix("edit/")] = (title, marker)
        titles, bodies = found["titles"], set(found["edited"])
        lost = [t for t, _ in final.values() if t not in titles]
        lost += [m for _, m in final.values() if m is not None and m not in bodies]
        expected_notes = 20 + len(stats.created)
        # every write also wrote an audit entry (20 seed notes + workspace + memberships)
        audit_expected = 20 + 1 + args.sessions + len(stats.created) + len(stats.edits)

        total = sum(len(v) for k, v in stats.latencies.items() if k != "sign-in")
        print(
            f"UPR Cycle load test — {args.db}, gunicorn "
            f"{args.workers} workers × {args.threads} threads, "
            f"{args.sessions} sessions × {args.requests} requests"
        )
        print(f"  {total} requests in {elapsed:.1f} s: {total / elapsed:.1f} requests/s")
        print(f"  {'kind':<20} {'n':>5} {'p50 ms':>8} {'p90 ms':>8} {'p99 ms':>8} {'max ms':>8}")
        for kind in sorted(stats.latencies):
            v = stats.latencies[kind]
            print(
                f"  {kind:<20} {len(v):>5} {percentile(v, 50) * 1000:>8.1f} "
                f"{percentile(v, 90) * 1000:>8.1f} {percentile(v, 99) * 1000:>8.1f} "
                f"{max(v) * 1000:>8.1f}"
            )
        print(
            f"  notes: {len(titles)} in the database, {expected_notes} expected; "
            f"edits checked: {len(stats.edits)}; audit entries: {found['audit']} "
            f"(expected {audit_expected})"
        )
        print(f"  errors: {len(stats.errors)}; lost writes: {len(lost)}")
        for error in stats.errors[:20]:
            print("   ", error)
        ok = (
            not stats.errors
            and not lost
            and len(titles) == expected_notes
            and found["audit"] == audit_expected
        )
        return 0 if ok else 1
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=30)
        if args.db == "postgres":
            import psycopg

            with psycopg.connect(args.pg_url, autocommit=True) as conn:
                conn.execute(f'DROP DATABASE IF EXISTS "{pg_name}" WITH (FORCE)')
        shutil.rmtree(var_dir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
