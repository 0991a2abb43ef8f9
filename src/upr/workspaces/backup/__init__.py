"""Whole-instance backup and restore (``upr backup`` / ``upr restore``).

One zip holds ``manifest.json`` (engine, method, applied migrations, a row count and content hash
per table, a hash per uploaded file), the database and ``media/``. A restore checks every table
and file against the manifest, so "restored" means "nothing lost", not "a command exited 0".
"""

from .archive import BackupError, create_backup, restore_backup

__all__ = ["BackupError", "create_backup", "restore_backup"]
