"""The backup zip: manifest, database, media — written and read back with checks."""

from __future__ import annotations

import hashlib
import json
import shutil
import tempfile
import zipfile
from pathlib import Path
from typing import Any

import django
from django.conf import settings
from django.db import connections
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone

from . import postgres, sqlite
from .fingerprint import compare

FORMAT = "upr-cycle-backup"
VERSION = 1


class BackupError(RuntimeError):
    pass


def _engine() -> tuple[str, dict]:
    db = settings.DATABASES["default"]
    if "sqlite" in db["ENGINE"]:
        return "sqlite", db
    if "postgresql" in db["ENGINE"]:
        return "postgresql", db
    raise BackupError(f"unsupported database engine {db['ENGINE']}")


def _media_hashes(root: Path) -> dict[str, str]:
    if not root.is_dir():
        return {}
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def _applied_migrations() -> list[str]:
    recorder = MigrationRecorder(connections["default"])
    return sorted(f"{app}.{name}" for app, name in recorder.applied_migrations())


def create_backup(dest: Path, method: str = "auto") -> dict[str, Any]:
    """Write the backup zip to ``dest`` (mode 0600) and return its manifest."""
    engine, db = _engine()
    media_root = Path(settings.MEDIA_ROOT)
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        if engine == "sqlite":
            method = "sqlite-backup"
            tables = sqlite.dump(db["NAME"], tmp / "database.sqlite3")
        else:
            problem = postgres.client_problem(db) if method in ("auto", "pg_dump") else None
            if method == "pg_dump" and problem:
                raise BackupError(problem)
            if method == "auto":
                method = "copy" if problem else "pg_dump"
            tables = postgres.dump(db, tmp, method)
        manifest = {
            "format": FORMAT,
            "version": VERSION,
            "created_at": timezone.now().isoformat(),
            "engine": engine,
            "method": method,
            "django": django.get_version(),
            "migrations": _applied_migrations(),
            "tables": tables,
            "media": _media_hashes(media_root),
        }
        dest.parent.mkdir(parents=True, exist_ok=True)
        partial = dest.with_name(dest.name + ".partial")
        with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            archive.writestr("manifest.json", json.dumps(manifest, indent=1))
            for path in sorted(tmp.rglob("*")):
                if path.is_file():
                    archive.write(path, path.relative_to(tmp).as_posix())
            for name in manifest["media"]:
                archive.write(media_root / name, f"media/{name}")
        partial.chmod(0o600)
        partial.replace(dest)
    return manifest


def read_manifest(src: Path) -> dict[str, Any]:
    with zipfile.ZipFile(src) as archive:
        manifest = json.loads(archive.read("manifest.json"))
    if manifest.get("format") != FORMAT or manifest.get("version") != VERSION:
        raise BackupError(f"{src} is not an UPR Cycle backup (version {VERSION}).")
    return manifest


def live_fingerprints() -> dict[str, Any]:
    """The running instance's tables and media, as a manifest would record them (for tests)."""
    from . import fingerprint

    engine, db = _engine()
    if engine == "sqlite":
        import sqlite3

        with sqlite3.connect(db["NAME"]) as conn:
            tables = fingerprint.sqlite_fingerprints(conn)
    else:
        with postgres.connect(db) as conn:
            tables = fingerprint.postgres_fingerprints(conn)
    return {"tables": tables, "media": _media_hashes(Path(settings.MEDIA_ROOT))}


def restore_backup(src: Path) -> dict[str, Any]:
    """Replace the database and the media files by the backup's, then check both."""
    manifest = read_manifest(src)
    engine, db = _engine()
    if manifest["engine"] != engine:
        raise BackupError(
            f"The backup holds a {manifest['engine']} database; this instance uses {engine}."
        )
    media_root = Path(settings.MEDIA_ROOT)
    connections.close_all()
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        with zipfile.ZipFile(src) as archive:
            for member in archive.namelist():
                if member.startswith("/") or ".." in Path(member).parts:
                    raise BackupError(f"unsafe path in the backup: {member}")
            archive.extractall(tmp)
        if engine == "sqlite":
            tables = sqlite.load(tmp / "database.sqlite3", db["NAME"])
        else:
            if manifest["method"] == "copy":
                from django.core.management import call_command

                call_command("migrate", verbosity=0, interactive=False)
            tables = postgres.load(db, tmp, manifest["method"])
        if media_root.exists():
            shutil.rmtree(media_root)
        if (tmp / "media").is_dir():
            shutil.copytree(tmp / "media", media_root)
        else:
            media_root.mkdir(parents=True)
    problems = compare(manifest["tables"], tables)
    media = _media_hashes(media_root)
    if media != manifest["media"]:
        problems.append("media files differ from the backup")
    if problems:
        raise BackupError("The restore does not match the backup:\n" + "\n".join(problems))
    return manifest
