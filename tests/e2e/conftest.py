"""Browser tests: the real app in its own server process, driven by Debian's Chromium.

The server gets its own database (a SQLite file, or a fresh PostgreSQL database when the suite runs
on PostgreSQL) holding the default corpus, so browser tests never disturb the test database.
`app.upr(...)` runs the `upr` command against that same database, e.g. to create an account.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse, urlunparse

import pytest
from django.conf import settings

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

# Playwright's sync API runs an event loop in this thread; tests here never touch the test DB.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@dataclass
class App:
    url: str
    env: dict[str, str]
    var_dir: Path

    def upr(self, *args: str, input: str | None = None) -> subprocess.CompletedProcess:
        """Run `upr ARGS…` against the server's database; fails the test on a non-zero exit."""
        done = subprocess.run(
            [sys.executable, "-m", "upr.web.cli", *args],
            env=self.env,
            input=input,
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert done.returncode == 0, f"upr {' '.join(args)} failed:\n{done.stdout}\n{done.stderr}"
        return done


_OWNER = """
from upr.workspaces.models import Membership, Role, User, Workspace
user = User.objects.filter(email={email!r}).first() or User.objects.create_user(
    {email!r}, {password!r}, name={name!r})
ws = Workspace.objects.create(name={workspace!r})
Membership.objects.create(workspace=ws, user=user, role=Role.OWNER)
print(ws.public_id)
"""


def sign_in_as_owner(page, app: App, email: str, password: str, workspace: str) -> str:
    """A person owning a new workspace (made on the server's database), signed in through the
    real form; returns the workspace's public id."""
    script = _OWNER.format(
        email=email, password=password, name=email.split("@")[0], workspace=workspace
    )
    ws = app.upr("shell", "-c", script).stdout.strip().splitlines()[-1]
    page.goto("/account/sign-in/")
    page.get_by_label("E-mail address").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(re.compile(r".*/w/.*"))
    return ws


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _postgres_database(url: str, name: str, *, drop_only: bool = False) -> str:
    import psycopg

    parts = urlparse(url)
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        if not drop_only:
            conn.execute(f'CREATE DATABASE "{name}"')
    return urlunparse(parts._replace(path=f"/{name}"))


@contextmanager
def running_app(
    var_dir: Path, data_dir: Path, *, name: str, load_corpus: bool, ready_path: str = "/"
) -> Iterator[App]:
    """Migrate a fresh database (SQLite file or new PostgreSQL database), serve it, clean up."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST")}
    env.update(
        UPR_VAR_DIR=str(var_dir),
        UPR_DATA_DIR=str(data_dir),
        UPR_DEBUG="0",
        UPR_SECRET_KEY=f"{name}-only-secret-key-" + "x" * 40,
        PYTHONUNBUFFERED="1",
    )
    for key in ("DJANGO_SETTINGS_MODULE", "UPR_SQLITE_PATH"):
        env.pop(key, None)
    pg_url = os.environ.get("DATABASE_URL")
    pg_name = f"upr_{name}_{os.getpid()}"
    if pg_url:
        env["DATABASE_URL"] = _postgres_database(pg_url, pg_name)
    port = _free_port()
    app = App(url=f"http://127.0.0.1:{port}", env=env, var_dir=var_dir)
    app.upr("migrate", "--no-input", "-v", "0")
    if load_corpus:
        app.upr("load_default_corpus")
    log = open(var_dir / "server.log", "w")  # noqa: SIM115 - closed at teardown
    server = subprocess.Popen(
        [sys.executable, "-m", "upr.web.cli", "runserver", "--noreload", f"127.0.0.1:{port}"],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(app.url + ready_path, timeout=5)  # noqa: S310 - ours
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise RuntimeError((var_dir / "server.log").read_text()) from None
                time.sleep(0.3)
        yield app
    finally:
        server.terminate()
        server.wait(timeout=20)
        log.close()
        if pg_url:
            _postgres_database(pg_url, pg_name, drop_only=True)


@pytest.fixture(scope="session")
def app(tmp_path_factory, data_dir) -> Iterator[App]:
    """The app with the default corpus, shared by the browser tests of a run."""
    with running_app(
        tmp_path_factory.mktemp("e2e-var"), data_dir, name="e2e", load_corpus=True
    ) as app:
        yield app


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail("Debian's chromium is missing: run `make system-deps` (see README).")
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, app, tmp_path):
    """A fresh browser tab; fails the test if the page logs a CSP violation or a JS error."""
    context = browser.new_context(accept_downloads=True, base_url=app.url)
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.set_default_timeout(15_000)
    yield page
    context.close()
    assert not errors, f"browser errors: {errors}"


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/e2e/" in str(item.fspath):
            item.add_marker(pytest.mark.e2e)


_ = settings  # settings must be configured before the app fixture reads the data dir
