"""``Audited``: models whose changes go to their workspace's audit log (signals in ``audit.py``).

A snapshot of the field values is kept when a row is loaded or saved, so the log can show
before → after without a second query.
"""

from __future__ import annotations

from datetime import date, datetime, time
from decimal import Decimal
from typing import Any, ClassVar
from uuid import UUID

from django.db import models
from django.db.models.fields.files import FieldFile

# Fields never copied into the log: secrets stay secret even for owners reading the audit.
ALWAYS_EXCLUDED = frozenset({"password", "totp_secret", "token_hash"})


def jsonable(value: Any) -> Any:
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, FieldFile):
        return value.name or None
    if isinstance(value, Decimal | UUID):
        return str(value)
    if isinstance(value, list | tuple):
        return [jsonable(v) for v in value]
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    return str(value)


class Audited(models.Model):
    audit_exclude: ClassVar[frozenset[str]] = frozenset()

    class Meta:
        abstract = True

    @property
    def audit_workspace_id(self) -> int | None:  # pragma: no cover - overridden
        raise NotImplementedError

    def audit_snapshot(self) -> dict[str, Any]:
        excluded = ALWAYS_EXCLUDED | self.audit_exclude
        deferred = self.get_deferred_fields()
        return {
            f.attname: jsonable(getattr(self, f.attname))
            for f in self._meta.concrete_fields
            if f.attname not in excluded and f.attname not in deferred and not f.primary_key
        }

    @classmethod
    def from_db(cls, db, field_names, values, **kwargs):
        obj = super().from_db(db, field_names, values, **kwargs)
        obj._audit_before = obj.audit_snapshot()
        return obj
