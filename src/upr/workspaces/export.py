"""A whole workspace as a zip: ``workspace.json`` (every row it owns) and ``files/`` (uploads).

Every concrete ``WorkspaceOwned`` model of every app is included automatically, so the
campaign app's data leaves with the rest without touching this module.
"""

from __future__ import annotations

import json
import tempfile
import zipfile
from typing import IO, Any

from django.apps import apps
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import FileField
from django.utils import timezone

from .models import Invitation, Membership, Workspace, WorkspaceOwned
from .models.audit_mixin import ALWAYS_EXCLUDED, jsonable

FORMAT_VERSION = 1


def owned_models() -> list[type[WorkspaceOwned]]:
    return [
        m
        for m in apps.get_models()
        if issubclass(m, WorkspaceOwned) and not m._meta.abstract and not m._meta.proxy
    ]


def _row(obj) -> dict[str, Any]:
    row = {"id": obj.pk}
    for field in obj._meta.concrete_fields:
        if field.attname in ALWAYS_EXCLUDED or field.primary_key or field.name == "workspace":
            continue
        row[field.attname] = jsonable(getattr(obj, field.attname))
    return row


def workspace_data(workspace: Workspace) -> dict[str, Any]:
    members = Membership.objects.filter(workspace=workspace).select_related("user")
    data: dict[str, Any] = {
        "format": "upr-cycle-workspace",
        "version": FORMAT_VERSION,
        "exported_at": timezone.now().isoformat(),
        "workspace": {
            "name": workspace.name,
            "created_at": workspace.created_at.isoformat(),
            "require_2fa": workspace.require_2fa,
        },
        "members": [
            {"email": m.user.email, "name": m.user.name, "role": m.role, "joined_at": m.joined_at}
            for m in members
        ],
        "invitations": [
            _row(i) for i in Invitation.objects.filter(workspace=workspace).order_by("pk")
        ],
        "data": {},
    }
    for model in owned_models():
        rows = model.objects.in_workspace(workspace).order_by("pk")
        data["data"][model._meta.label] = [_row(obj) for obj in rows]
    return data


def _files(workspace: Workspace):
    for model in owned_models():
        file_fields = [f for f in model._meta.concrete_fields if isinstance(f, FileField)]
        if not file_fields:
            continue
        for obj in model.objects.in_workspace(workspace).order_by("pk"):
            for field in file_fields:
                value = getattr(obj, field.attname)
                if value:
                    yield value


def write_zip(workspace: Workspace, out: IO[bytes]) -> None:
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        payload = json.dumps(workspace_data(workspace), cls=DjangoJSONEncoder, indent=2)
        archive.writestr("workspace.json", payload)
        for value in _files(workspace):
            try:
                with value.open("rb") as f:
                    archive.writestr(f"files/{value.name}", f.read())
            except FileNotFoundError:
                continue


def export_zip(workspace: Workspace) -> IO[bytes]:
    """A temporary file holding the zip, rewound; it vanishes once closed."""
    out = tempfile.TemporaryFile()  # noqa: SIM115 - handed to the response, which closes it
    write_zip(workspace, out)
    out.seek(0)
    return out
