"""Deleting a workspace for good: its rows, its uploaded files and its audit log."""

from __future__ import annotations

import logging

from django.db import transaction

from . import audit
from .export import _files
from .models import Workspace

log = logging.getLogger(__name__)


def delete_workspace(workspace: Workspace, by_email: str) -> None:
    files = list(_files(workspace))
    with transaction.atomic(), audit.suppressed():
        workspace.delete()
    for value in files:  # after the commit: a failed delete must not leave rows without files
        value.storage.delete(value.name)
    # No audit row can outlive the workspace; the server log keeps that it happened.
    log.warning("workspace %s deleted by %s", workspace.public_id, by_email)
