"""Notes: the workspace's own shared notebook (contacts, strategy, files) — and the reference
example of a ``WorkspaceOwned`` model for the apps built on top (campaigns, follow-up)."""

from __future__ import annotations

import uuid
from pathlib import PurePath

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..uploads import DOCUMENTS, UploadValidator
from .scoping import WorkspaceOwned


def workspace_upload_path(instance: WorkspaceOwned, filename: str) -> str:
    """Files live under their workspace, behind a random folder; only the base name is kept."""
    return f"workspaces/{instance.workspace.public_id}/{uuid.uuid4().hex}/{PurePath(filename).name}"


class Note(WorkspaceOwned):
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("text"), blank=True)
    attachment = models.FileField(
        _("attachment"),
        upload_to=workspace_upload_path,
        blank=True,
        max_length=300,
        validators=[UploadValidator(DOCUMENTS)],
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-updated_at", "-id"]

    def __str__(self) -> str:
        return self.title
