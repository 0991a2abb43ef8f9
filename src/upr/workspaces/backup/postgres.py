"""PostgreSQL: ``pg_dump``/``pg_restore`` when the client is as new as the server, else COPY.

Backups run inside one REPEATABLE READ transaction whose snapshot is shared with ``pg_dump``
(``--snapshot``), so the fingerprints describe exactly the rows that were dumped.

The fallback ("copy" method) needs no client programs: each table is written with ``COPY … TO
STDOUT``; a restore brings the schema up with ``migrate`` and reloads every table with ``COPY …
FROM STDIN`` in one transaction (user triggers off while loading, so derived values such as the
search index's change token come back exactly), then resets the identity sequences.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import psycopg

from .fingerprint import postgres_fingerprints


class ClientUnusable(RuntimeError):
    pass


def _program(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        raise ClientUnusable(f"{name} not found")
    return path


def _conninfo(db: dict) -> dict[str, Any]:
    info = {"dbname": db["NAME"], "user": db.get("USER") or None}
    info |= {"password": db.get("PASSWORD") or None, "host": db.get("HOST") or None}
    info |= {"port": db.get("PORT") or None}
    return {k: v for k, v in info.items() if v}


def connect(db: dict):
    return psycopg.connect(**_conninfo(db))


def _env(db: dict) -> dict[str, str]:
    env = dict(os.environ)
    mapping = {"NAME": "PGDATABASE", "USER": "PGUSER", "PASSWORD": "PGPASSWORD"}
    mapping |= {"HOST": "PGHOST", "PORT": "PGPORT"}
    for key, var in mapping.items():
        if db.get(key):
            env[var] = str(db[key])
    return env


def _tables(conn) -> list[str]:
    rows = conn.execute(
        "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename"
    ).fetchall()
    return [name for (name,) in rows]


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def client_problem(db: dict) -> str | None:
    """Why pg_dump/pg_restore cannot be used here (missing, or older than the server), or None."""
    if not (shutil.which("pg_dump") and shutil.which("pg_restore")):
        return "pg_dump/pg_restore not found"
    out = subprocess.run(  # noqa: S603 - fixed arguments
        [_program("pg_dump"), "--version"], capture_output=True, text=True, check=True
    )
    client = int(re.search(r"\)\s*(\d+)", out.stdout).group(1))
    with psycopg.connect(**_conninfo(db)) as conn:
        server = conn.info.server_version // 10000
    if client < server:
        return f"pg_dump {client} is older than the server ({server})"
    return None


def dump(db: dict, out_dir: Path, method: str) -> dict[str, Any]:
    with psycopg.connect(**_conninfo(db)) as conn:
        conn.isolation_level = psycopg.IsolationLevel.REPEATABLE_READ
        conn.read_only = True
        snapshot = conn.execute("SELECT pg_export_snapshot()").fetchone()[0]
        if method == "pg_dump":
            subprocess.run(  # noqa: S603 - our own settings, no shell
                [_program("pg_dump"), "--format=custom", "--no-owner", "--no-privileges",
                 f"--snapshot={snapshot}", "--file", str(out_dir / "database.pgdump")],
                env=_env(db), check=True, capture_output=True,
            )  # fmt: skip
        else:
            copy_dir = out_dir / "database"
            copy_dir.mkdir()
            for table in _tables(conn):
                with (
                    (copy_dir / f"{table}.copy").open("wb") as f,
                    conn.cursor().copy(f"COPY {_q(table)} TO STDOUT") as copy,
                ):
                    for chunk in copy:
                        f.write(chunk)
        fingerprints = postgres_fingerprints(conn)
        conn.rollback()
    return fingerprints


def load(db: dict, src_dir: Path, method: str) -> dict[str, Any]:
    if method == "pg_dump":
        subprocess.run(  # noqa: S603 - our own settings, no shell
            [_program("pg_restore"), "--clean", "--if-exists", "--no-owner", "--no-privileges",
             "--single-transaction", "--exit-on-error", "--dbname", db["NAME"],
             str(src_dir / "database.pgdump")],
            env=_env(db), check=True, capture_output=True,
        )  # fmt: skip
    else:
        _load_copies(db, src_dir / "database")
    with psycopg.connect(**_conninfo(db)) as conn:
        return postgres_fingerprints(conn)


def _load_copies(db: dict, copy_dir: Path) -> None:
    with psycopg.connect(**_conninfo(db)) as conn:
        tables = [p.stem for p in sorted(copy_dir.glob("*.copy"))]
        live = set(_tables(conn))
        missing = [t for t in tables if t not in live]
        if missing:
            raise ClientUnusable(f"tables missing in the database: {missing}; run migrate first")
        # Django's foreign keys are DEFERRABLE INITIALLY DEFERRED: load order does not matter.
        conn.execute("TRUNCATE " + ", ".join(_q(t) for t in tables) + " CASCADE")
        # Triggers (e.g. the search index's change token) would rewrite what we load.
        for table in tables:
            conn.execute(f"ALTER TABLE {_q(table)} DISABLE TRIGGER USER")
        for table in tables:
            with (
                (copy_dir / f"{table}.copy").open("rb") as f,
                conn.cursor().copy(f"COPY {_q(table)} FROM STDIN") as copy,
            ):
                while chunk := f.read(1 << 20):
                    copy.write(chunk)
        serials = conn.execute(
            "SELECT table_name, column_name FROM information_schema.columns "
            "WHERE table_schema = 'public' "
            "AND (is_identity = 'YES' OR column_default LIKE 'nextval(%%')"
        ).fetchall()
        for table, column in serials:
            conn.execute(
                f"SELECT setval(pg_get_serial_sequence(%s, %s), "  # noqa: S608
                f"coalesce(max({_q(column)}), 1), max({_q(column)}) IS NOT NULL) FROM {_q(table)}",
                [_q(table), column],
            )
        conn.execute("SET CONSTRAINTS ALL IMMEDIATE")  # check the foreign keys now
        for table in tables:
            conn.execute(f"ALTER TABLE {_q(table)} ENABLE TRIGGER USER")
        conn.commit()
