"""Campaign tests: one workspace with an owner, an editor and a viewer, and a stranger."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from django.test import Client

from upr.workspaces.models import Membership, Role, User, Workspace

from .objects import CampaignObjects, make_objects

PASSWORD = "correct horse battery staple 42"


@pytest.fixture(autouse=True)
def _fast_hasher(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@dataclass
class Team:
    workspace: Workspace
    users: dict[str, User]
    objects: CampaignObjects

    def client(self, who: str) -> Client:
        client = Client()
        if who != "anonymous":
            client.force_login(self.users[who])
        return client

    @property
    def ws(self) -> str:
        return self.workspace.public_id

    @property
    def campaign(self):
        return self.objects.campaign


@pytest.fixture
def team(corpus) -> Team:
    workspace = Workspace.objects.create(name="Child Rights Coalition Togo")
    users = {
        who: User.objects.create_user(f"{who}@example.org", PASSWORD, name=who.title())
        for who in ("owner", "editor", "viewer", "outsider")
    }
    for role in (Role.OWNER, Role.EDITOR, Role.VIEWER):
        Membership.objects.create(workspace=workspace, user=users[role], role=role)
    return Team(workspace, users, make_objects(workspace))
