"""A throw-away UPR instance in subprocesses: its own var dir and database (SQLite or PostgreSQL).

Used by the backup round trip and the deploy check, which must not touch the test database.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlparse, urlunparse


class Instance:
    def __init__(self, var_dir: Path, name: str, **env: str) -> None:
        self.env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST")}
        self.env.pop("DJANGO_SETTINGS_MODULE", None)
        self.env.pop("UPR_SQLITE_PATH", None)
        # Set for the browser tests' Playwright loop; an instance is a deployment, not a test.
        self.env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        self.env.update(UPR_VAR_DIR=str(var_dir), UPR_SECRET_KEY="t" * 60)
        self.env.update(env)
        self.pg_url = os.environ.get("DATABASE_URL")
        self.pg_name = f"{name}_{os.getpid()}"
        if self.pg_url:
            self._pg(f'DROP DATABASE IF EXISTS "{self.pg_name}" WITH (FORCE)')
            self._pg(f'CREATE DATABASE "{self.pg_name}"')
            self.env["DATABASE_URL"] = urlunparse(
                urlparse(self.pg_url)._replace(path=f"/{self.pg_name}")
            )

    def _pg(self, sql: str) -> None:
        import psycopg

        with psycopg.connect(self.pg_url, autocommit=True) as conn:
            conn.execute(sql)

    def upr(self, *args: str, check: bool = True) -> subprocess.CompletedProcess:
        done = subprocess.run(
            [sys.executable, "-m", "upr.web.cli", *args],
            env=self.env,
            capture_output=True,
            text=True,
            timeout=600,
        )
        if check:
            assert done.returncode == 0, f"upr {args[0]}:\n{done.stdout}\n{done.stderr}"
        return done

    def python(self, code: str) -> str:
        return self.upr("shell", "--no-imports", "-c", code).stdout

    def drop(self) -> None:
        if self.pg_url:
            self._pg(f'DROP DATABASE IF EXISTS "{self.pg_name}" WITH (FORCE)')
