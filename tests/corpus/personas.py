"""The people of the corpus-editing tests: staff, a workspace owner, an editor, nobody, anonymous.

Corpus editors (upr/corpus/editors.py) are staff and workspace owners; the others must be refused.
"""

from __future__ import annotations

from django.test import Client

from upr.workspaces.models import Membership, Role, User, Workspace

PASSWORD = "correct horse battery staple 42"


def make_people() -> dict[str, User]:
    workspace = Workspace.objects.create(name="Coalition")
    users = {
        who: User.objects.create_user(f"{who}@example.org", PASSWORD, is_staff=who == "staff")
        for who in ("staff", "owner", "editor", "nobody")
    }
    Membership.objects.create(workspace=workspace, user=users["owner"], role=Role.OWNER)
    Membership.objects.create(workspace=workspace, user=users["editor"], role=Role.EDITOR)
    return users


def client_for(people: dict[str, User], who: str) -> Client:
    """A test client signed in as ``who`` (or anonymous)."""
    client = Client()
    if who != "anonymous":
        client.force_login(people[who])
    return client
