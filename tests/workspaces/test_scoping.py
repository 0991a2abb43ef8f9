"""Workspace data is only reachable through scoped queries; a forgotten scope raises."""

from __future__ import annotations

import pytest
from django.shortcuts import get_object_or_404

from upr.workspaces.models import (
    AuditEntry,
    Membership,
    Note,
    Role,
    UnscopedQueryError,
    Workspace,
    unscoped,
)

from .conftest import World, make_user


@pytest.mark.parametrize("model", [Note, AuditEntry])
def test_unscoped_queries_raise(world: World, model):
    with pytest.raises(UnscopedQueryError):
        model.objects.all()
    with pytest.raises(UnscopedQueryError):
        model.objects.filter(pk=1)
    with pytest.raises(UnscopedQueryError):
        model.objects.get(pk=1)
    with pytest.raises(UnscopedQueryError):
        model.objects.count()
    with pytest.raises(UnscopedQueryError):
        get_object_or_404(model, pk=1)


def test_create_needs_a_workspace(db):
    with pytest.raises(UnscopedQueryError):
        Note.objects.create(title="orphan")


def test_for_member_returns_only_the_members_workspace(world: World):
    other = Workspace.objects.create(name="Other NGO")
    stranger = make_user("stranger@example.org")
    Membership.objects.create(workspace=other, user=stranger, role=Role.OWNER)
    theirs = Note.objects.create(workspace=other, title="Their strategy")

    for persona in ("viewer", "editor", "owner"):
        notes = Note.objects.for_member(world.users[persona], world.workspace)
        assert list(notes) == [world.note]
        assert list(Note.objects.for_user(world.users[persona])) == [world.note]
    # the workspace passed is not trusted: membership is part of the query
    assert not Note.objects.for_member(world.users["owner"], other).exists()
    assert not Note.objects.for_member(world.users["outsider"], world.workspace).exists()
    assert list(Note.objects.for_member(stranger, other)) == [theirs]


def test_min_role_is_enforced_in_the_query(world: World):
    def visible(persona, role):
        return Note.objects.for_member(world.users[persona], world.workspace, role).exists()

    assert not visible("viewer", Role.EDITOR)
    assert visible("editor", Role.EDITOR)
    assert not visible("editor", Role.OWNER)
    assert visible("owner", Role.OWNER)


def test_anonymous_sees_nothing(world: World):
    from django.contrib.auth.models import AnonymousUser

    assert not Note.objects.for_member(AnonymousUser(), world.workspace).exists()
    assert not Note.objects.for_user(None).exists()


def test_removing_a_member_removes_access(world: World):
    world.memberships[Role.EDITOR].delete()
    assert not Note.objects.for_member(world.users["editor"], world.workspace).exists()


def test_unscoped_block_is_explicit(world: World):
    with unscoped("test: count every note"):
        assert Note.objects.filter(pk=world.note.pk).count() == 1
    with pytest.raises(UnscopedQueryError):
        Note.objects.all()
    with pytest.raises(ValueError), unscoped(""):
        pass


def test_modelform_uniqueness_validation_still_works(world: World):
    from upr.workspaces.forms.workspaces import NoteForm

    form = NoteForm({"title": "ok", "body": ""}, instance=Note(workspace=world.workspace))
    assert form.is_valid(), form.errors
