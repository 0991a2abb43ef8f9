"""Row count and content hash of every table, to prove a restore lost nothing."""

from __future__ import annotations

import hashlib
import sqlite3
from typing import Any


def sqlite_fingerprints(conn: sqlite3.Connection) -> dict[str, dict[str, Any]]:
    """Every ordinary table (FTS shadow tables included, virtual tables themselves not)."""
    tables = [
        name
        for (name,) in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name"
        )
    ]
    result = {}
    for table in tables:
        quoted = '"' + table.replace('"', '""') + '"'
        rows = sorted(repr(row) for row in conn.execute(f"SELECT * FROM {quoted}"))  # noqa: S608
        digest = hashlib.sha256("\n".join(rows).encode("utf-8", "surrogatepass")).hexdigest()
        result[table] = {"rows": len(rows), "sha256": digest}
    return result


def postgres_fingerprints(conn) -> dict[str, dict[str, Any]]:
    """Hashed inside PostgreSQL: each row's text form, sorted, so no table crosses the wire."""
    tables = [
        name
        for (name,) in conn.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename"
        ).fetchall()
    ]
    result = {}
    for table in tables:
        quoted = '"' + table.replace('"', '""') + '"'
        count, digest = conn.execute(
            f"SELECT count(*), md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '')) "  # noqa: S608
            f"FROM {quoted} t"
        ).fetchone()
        result[table] = {"rows": count, "md5": digest}
    return result


def compare(expected: dict, actual: dict) -> list[str]:
    """Human-readable differences; empty when every table matches."""
    problems = []
    for table in sorted(set(expected) | set(actual)):
        if table not in actual:
            problems.append(f"{table}: missing after restore")
        elif table not in expected:
            problems.append(f"{table}: not in the backup")
        elif expected[table] != actual[table]:
            problems.append(f"{table}: {expected[table]} in the backup, {actual[table]} now")
    return problems
