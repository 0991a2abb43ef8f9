"""``upr restore FILE``: put a backup back, replacing everything, then prove nothing is lost."""

from __future__ import annotations

import zipfile
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from upr.workspaces.backup import BackupError, restore_backup
from upr.workspaces.backup.archive import read_manifest


class Command(BaseCommand):
    help = "Restore a backup made by `upr backup`. Stop the web server first."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file")
        parser.add_argument("--no-input", action="store_false", dest="interactive")

    def handle(self, *args, **options) -> None:
        src = Path(options["file"])
        try:
            manifest = read_manifest(src)
        except (OSError, KeyError, ValueError, zipfile.BadZipFile, BackupError) as error:
            raise CommandError(f"Cannot read {src}: {error}") from None
        if options["interactive"]:
            answer = input(
                f"This replaces the whole database and all uploaded files by the backup of "
                f"{manifest['created_at']}. Type 'yes' to continue: "
            )
            if answer.strip().lower() != "yes":
                raise CommandError("Restore cancelled.")
        try:
            restore_backup(src)
        except BackupError as error:
            raise CommandError(str(error)) from None
        rows = sum(t["rows"] for t in manifest["tables"].values())
        self.stdout.write(
            f"Restored {len(manifest['tables'])} tables ({rows} rows) and "
            f"{len(manifest['media'])} files; every table and file matches the backup."
        )
