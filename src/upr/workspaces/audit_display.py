"""The audit log in words a workspace owner reads: "Note", "Title", not "workspaces.Note",
"title"; the workspace's own id, the same on every row, left out. Exports keep the raw form."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist

from .models import AuditEntry

_SAME_ON_EVERY_ROW = {"workspace", "workspace_id"}


@dataclass(frozen=True)
class Change:
    field: str
    before: Any
    after: Any


@dataclass(frozen=True)
class AuditRow:
    entry: AuditEntry
    what: str
    changes: list[Change]


def _model(label: str):
    try:
        return apps.get_model(label)
    except (LookupError, ValueError):
        return None


def _field_label(model, name: str) -> str:
    if model is not None:
        for candidate in (name, name.removesuffix("_id")):
            try:
                return str(model._meta.get_field(candidate).verbose_name).capitalize()
            except FieldDoesNotExist:
                continue
    return name.replace("_", " ").capitalize()


def rows(entries) -> list[AuditRow]:
    out = []
    for entry in entries:
        model = _model(entry.model)
        what = str(model._meta.verbose_name).capitalize() if model is not None else entry.model
        changes = [
            Change(_field_label(model, name), pair[0], pair[1])
            for name, pair in (entry.changes or {}).items()
            if name not in _SAME_ON_EVERY_ROW and isinstance(pair, list) and len(pair) == 2
        ]
        out.append(AuditRow(entry, what, changes))
    return out
