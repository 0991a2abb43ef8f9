"""``upr backup`` → ``upr restore`` loses nothing: row count and content hash of every table,
and every uploaded file, on SQLite and on PostgreSQL (pg_dump and the COPY fallback)."""

from __future__ import annotations

import json
import os

import pytest

from .instance import Instance

SEED = """
from django.core.files.base import ContentFile
from upr.workspaces.audit import acting_as
from upr.workspaces.models import Membership, Note, Role, User, Workspace
from upr.corpus.models import State
owner = User.objects.create_user("owner@example.org", "a long passphrase 123", name="Zoë")
viewer = User.objects.create_user("viewer@example.org", None)
ws = Workspace.objects.create(name="Coalition ∑ — défenseurs")
Membership.objects.create(workspace=ws, user=owner, role=Role.OWNER)
Membership.objects.create(workspace=ws, user=viewer, role=Role.VIEWER)
with acting_as(owner):
    for i in range(60):
        note = Note(workspace=ws, title=f"Note {i} “quoted” 🕊", body="line\\n" * i + "\\x00" * 0)
        if i % 10 == 0:
            note.attachment.save(f"file{i}.txt", ContentFile(f"file {i}".encode()), save=False)
        note.save()
    Note.objects.in_workspace(ws).filter(title__startswith="Note 1").update(body="")
"""

MUTATE = """
from django.core.files.storage import default_storage
from upr.workspaces.models import Note, User, Workspace, unscoped
ws = Workspace.objects.get()
with unscoped("test: damage everything"):
    for note in Note.objects.filter(attachment__gt="")[:2]:
        default_storage.delete(note.attachment.name)
    Note.objects.filter(title__endswith="5 “quoted” 🕊").delete()
    Note.objects.create(workspace=ws, title="written after the backup")
User.objects.filter(email="viewer@example.org").update(name="changed")
User.objects.create_user("late@example.org", None)
ws.name = "renamed"
ws.save()
"""

FINGERPRINT = (
    "import json; from upr.workspaces.backup.archive import live_fingerprints; "
    "print(json.dumps(live_fingerprints()))"
)

METHODS = ["pg_dump", "copy"] if os.environ.get("DATABASE_URL") else ["auto"]


@pytest.mark.parametrize("method", METHODS)
def test_backup_restore_round_trip_loses_nothing(tmp_path, method):
    instance = Instance(tmp_path / "var", "upr_backup")
    try:
        instance.upr("migrate", "--no-input", "-v", "0")
        instance.python(SEED)
        before = json.loads(instance.python(FINGERPRINT))
        assert before["tables"]["workspaces_note"]["rows"] == 60
        assert len(before["media"]) == 6

        backup = tmp_path / "backup.zip"
        done = instance.upr("backup", str(backup), "--method", method)
        assert "Backup written" in done.stdout
        assert oct(backup.stat().st_mode & 0o777) == "0o600"

        instance.python(MUTATE)
        damaged = json.loads(instance.python(FINGERPRINT))
        assert damaged != before

        done = instance.upr("restore", str(backup), "--no-input")
        assert "every table and file matches" in done.stdout
        after = json.loads(instance.python(FINGERPRINT))
        assert after == before
        # the restored instance still works: identity sequences continue after the old rows
        instance.python(
            "from upr.workspaces.models import Note, Workspace; "
            "Note.objects.create(workspace=Workspace.objects.get(), title='after restore')"
        )
    finally:
        instance.drop()


def test_restore_refuses_a_file_that_is_not_a_backup(tmp_path):
    instance = Instance(tmp_path / "var", "upr_backup_bad")
    try:
        bogus = tmp_path / "bogus.zip"
        bogus.write_bytes(b"not a zip")
        done = instance.upr("restore", str(bogus), "--no-input", check=False)
        assert done.returncode != 0 and "Cannot read" in done.stderr
    finally:
        instance.drop()
