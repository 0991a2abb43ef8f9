"""The audit log: create, update and delete of workspace data, with who and before → after."""

from __future__ import annotations

import csv
import io
import json

from django.urls import reverse

from upr.workspaces.models import Action, AuditEntry, Note, Role, unscoped

from .conftest import World


def _entries(world: World, model: str = "workspaces.Note"):
    return AuditEntry.objects.for_membership(world.memberships[Role.OWNER], Role.OWNER).filter(
        model=model
    )


def test_create_update_delete_are_logged_with_actor_and_values(world: World):
    client = world.client("editor")
    ws = world.workspace.public_id
    client.post(reverse("workspaces:note_create", args=[ws]), {"title": "Ambassador", "body": "a"})
    note = Note.objects.for_membership(world.memberships[Role.EDITOR]).get(title="Ambassador")
    client.post(
        reverse("workspaces:note_edit", args=[ws, note.pk]), {"title": "Ambassador Z", "body": "a"}
    )
    client.post(reverse("workspaces:note_delete", args=[ws, note.pk]))

    entries = list(_entries(world).filter(object_id=str(note.pk)).order_by("at", "id"))
    assert [e.action for e in entries] == [Action.CREATE, Action.UPDATE, Action.DELETE]
    assert {e.actor_email for e in entries} == {"editor@example.org"}
    created, updated, deleted = entries
    assert created.changes["title"] == [None, "Ambassador"]
    assert updated.changes == {"title": ["Ambassador", "Ambassador Z"]}
    assert deleted.changes["title"] == ["Ambassador Z", None]


def test_unchanged_save_is_not_logged_and_secrets_never_are(world: World):
    before = _entries(world).count()
    note = Note.objects.for_membership(world.memberships[Role.OWNER]).get()
    note.save()
    assert _entries(world).count() == before
    invitation_entries = _entries(world, "workspaces.Invitation")
    assert invitation_entries.exists()
    assert all("token_hash" not in e.changes for e in invitation_entries)


def test_queryset_update_is_audited_row_by_row(world: World):
    Note.objects.for_membership(world.memberships[Role.OWNER]).update(title="Renamed")
    assert _entries(world).filter(action=Action.UPDATE, changes__title__1="Renamed").exists()


def test_membership_changes_are_logged(world: World):
    ws = world.workspace.public_id
    viewer = world.memberships[Role.VIEWER]
    world.client("owner").post(
        reverse("workspaces:member_role", args=[ws, viewer.pk]), {"role": Role.EDITOR}
    )
    entry = _entries(world, "workspaces.Membership").filter(action=Action.UPDATE).get()
    assert entry.changes == {"role": ["viewer", "editor"]}
    assert entry.actor == world.users["owner"]


def test_audit_log_page_and_exports(world: World):
    owner = world.client("owner")
    ws = world.workspace.public_id
    page = owner.get(reverse("workspaces:audit", args=[ws]))
    html = page.content.decode()
    assert page.status_code == 200 and "Contacts in Geneva" in html
    # in words: the model's and the fields' names, not their code names; no workspace id
    assert "Note <span" in html and "workspaces.Note" not in html
    assert "<dt>Title</dt>" in html and "<dt>workspace_id</dt>" not in html

    as_json = owner.get(reverse("workspaces:audit_export", args=[ws, "json"]))
    rows = json.loads(as_json.content)
    assert as_json["Content-Type"] == "application/json"
    assert {"at", "actor_email", "action", "model", "changes"} <= set(rows[0])
    assert any(r["model"] == "workspaces.Note" and r["action"] == "create" for r in rows)

    as_csv = owner.get(reverse("workspaces:audit_export", args=[ws, "csv"]))
    parsed = list(csv.DictReader(io.StringIO(as_csv.content.decode())))
    assert len(parsed) == len(rows)
    assert owner.get(reverse("workspaces:audit_export", args=[ws, "xml"])).status_code == 404


def test_audit_entries_stay_in_their_workspace(world: World):
    with unscoped("test: every entry belongs to the world workspace"):
        assert {e.workspace_id for e in AuditEntry.objects.all()} == {world.workspace.pk}


def test_bulk_writes_are_audited_too(world: World):
    notes = Note.objects.in_workspace(world.workspace)
    created = notes.bulk_create(
        [Note(workspace=world.workspace, title=f"bulk {i}") for i in range(3)]
    )
    assert _entries(world).filter(action=Action.CREATE, object_repr__startswith="bulk").count() == 3
    for note in created:
        note.title += " changed"
    notes.bulk_update(created, ["title"])
    assert (
        _entries(world).filter(action=Action.UPDATE, object_repr__endswith="changed").count() == 3
    )
