"""SQLite: the online backup API copies a consistent snapshot while the app keeps running."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from .fingerprint import sqlite_fingerprints


def dump(db_path: str, out: Path) -> dict[str, Any]:
    """Snapshot ``db_path`` into ``out``; fingerprints are taken from the snapshot itself."""
    src = sqlite3.connect(db_path)
    dst = sqlite3.connect(out)
    try:
        src.backup(dst)
        return sqlite_fingerprints(dst)
    finally:
        dst.close()
        src.close()


def load(snapshot: Path, db_path: str) -> dict[str, Any]:
    """Copy the snapshot over the live database (page by page, in one go) and fingerprint it."""
    src = sqlite3.connect(snapshot)
    dst = sqlite3.connect(db_path, timeout=30)
    try:
        src.backup(dst)
        return sqlite_fingerprints(dst)
    finally:
        dst.close()
        src.close()
