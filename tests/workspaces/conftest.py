"""Personas for workspace tests: owner, editor, viewer, outsider (and anonymous), one workspace.

Passwords are hashed with a fast hasher here only; production keeps Django's default.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from django.core.files.base import ContentFile
from django.test import Client

from upr.workspaces import invitations
from upr.workspaces.models import Invitation, Membership, Note, Role, User, Workspace

PASSWORD = "correct horse battery staple 42"
PERSONAS = ("anonymous", "outsider", "viewer", "editor", "owner")


@pytest.fixture(autouse=True)
def _fast_and_isolated(settings, tmp_path):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.MEDIA_ROOT = str(tmp_path / "media")


@dataclass
class World:
    workspace: Workspace
    users: dict[str, User]
    memberships: dict[str, Membership]
    note: Note
    invitation: Invitation
    invitation_token: str

    def client(self, persona: str, **kwargs) -> Client:
        client = Client(**kwargs)
        if persona != "anonymous":
            client.force_login(self.users[persona])
        return client


def make_user(email: str, **extra) -> User:
    return User.objects.create_user(email, PASSWORD, **extra)


@pytest.fixture
def world(db) -> World:
    workspace = Workspace.objects.create(name="Defenders' Coalition")
    users = {p: make_user(f"{p}@example.org", name=p.title()) for p in PERSONAS[1:]}
    memberships = {
        role: Membership.objects.create(workspace=workspace, user=users[role], role=role)
        for role in (Role.VIEWER, Role.EDITOR, Role.OWNER)
    }
    note = Note(workspace=workspace, title="Contacts in Geneva", body="Mission of X: …")
    note.attachment.save("contacts.txt", ContentFile(b"Ambassador Y, +41 22 000 00 00\n"))
    invitation, link = invitations.invite(
        workspace, "newcomer@example.org", Role.EDITOR, users["owner"], "http://testserver/"
    )
    return World(
        workspace=workspace,
        users=users,
        memberships=memberships,
        note=note,
        invitation=invitation,
        invitation_token=link.rstrip("/").rsplit("/", 1)[-1],
    )
