"""``upr backup [FILE]``: the whole instance (database and uploaded files) in one zip."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from upr.workspaces.backup import BackupError, create_backup


class Command(BaseCommand):
    help = "Back up the database and uploaded files into one zip (readable only by you)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", nargs="?", help="Where to write (default: var/backups/…)")
        parser.add_argument(
            "--method",
            choices=["auto", "pg_dump", "copy"],
            default="auto",
            help="PostgreSQL only: pg_dump (needs a client as new as the server), copy "
            "(no client programs), or auto (pg_dump when usable).",
        )

    def handle(self, *args, **options) -> None:
        dest = Path(
            options["file"]
            or Path(settings.VAR_DIR) / "backups" / f"upr-{timezone.now():%Y%m%d-%H%M%S}.zip"
        )
        try:
            manifest = create_backup(dest, options["method"])
        except BackupError as error:
            raise CommandError(str(error)) from None
        rows = sum(t["rows"] for t in manifest["tables"].values())
        self.stdout.write(
            f"Backup written to {dest} ({manifest['engine']}, {manifest['method']}): "
            f"{len(manifest['tables'])} tables, {rows} rows, {len(manifest['media'])} files."
        )
