"""Owning your data: export a whole workspace as a zip, delete it by typing its name."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

from django.urls import reverse

from upr.workspaces.models import AuditEntry, Invitation, Membership, Note, Workspace, unscoped

from .conftest import World


def test_export_holds_every_record_and_file(world: World):
    response = world.client("owner").get(
        reverse("workspaces:export", args=[world.workspace.public_id])
    )
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    data = json.loads(archive.read("workspace.json"))
    assert data["workspace"]["name"] == world.workspace.name
    assert {m["email"] for m in data["members"]} == {
        "viewer@example.org",
        "editor@example.org",
        "owner@example.org",
    }
    notes = data["data"]["workspaces.Note"]
    assert [n["title"] for n in notes] == ["Contacts in Geneva"]
    assert data["data"]["workspaces.AuditEntry"]
    assert "token_hash" not in json.dumps(data)
    assert archive.read(f"files/{notes[0]['attachment']}").startswith(b"Ambassador Y")


def test_delete_needs_the_typed_name_and_removes_everything(world: World):
    owner = world.client("owner")
    url = reverse("workspaces:delete", args=[world.workspace.public_id])
    file_path = Path(world.note.attachment.path)
    assert file_path.exists()
    assert owner.post(url, {"confirm_name": "wrong"}).status_code == 200
    assert Workspace.objects.filter(pk=world.workspace.pk).exists()

    response = owner.post(url, {"confirm_name": world.workspace.name})
    assert response.url == reverse("workspaces:list")
    pk = world.workspace.pk
    assert not Workspace.objects.filter(pk=pk).exists()
    assert not Membership.objects.filter(workspace_id=pk).exists()
    assert not Invitation.objects.filter(workspace_id=pk).exists()
    with unscoped("test: nothing of the deleted workspace is left"):
        assert not Note.objects.filter(workspace_id=pk).exists()
        assert not AuditEntry.objects.filter(workspace_id=pk).exists()
    assert not file_path.exists()


def test_editors_cannot_export_or_delete(world: World):
    editor = world.client("editor")
    ws = world.workspace.public_id
    assert editor.get(reverse("workspaces:export", args=[ws])).status_code == 403
    response = editor.post(
        reverse("workspaces:delete", args=[ws]), {"confirm_name": world.workspace.name}
    )
    assert response.status_code == 403
    assert Workspace.objects.filter(pk=world.workspace.pk).exists()
