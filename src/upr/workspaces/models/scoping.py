"""Workspace scoping: data a workspace owns is reachable only through a scoped query.

``WorkspaceOwned`` is the base of every model holding an NGO's own data. Its default manager
refuses unscoped use — ``Note.objects.all()``, ``.filter()``, ``.get()``, ``.count()`` and
``get_object_or_404(Note, ...)`` all raise ``UnscopedQueryError`` (and the foreign key to the
workspace has no reverse accessor) — so a forgotten scope fails loudly in the first test instead
of leaking another NGO's data.

The ways in:

* ``Model.objects.for_member(user, workspace, min_role=Role.VIEWER)`` — rows of that workspace,
  only if ``user`` holds at least ``min_role`` there; the membership check is part of the SQL.
* ``Model.objects.for_user(user, min_role=...)`` — rows of every workspace the user belongs to.
* ``Model.objects.in_workspace(workspace)`` — for code that has already authorised (exports,
  deletion, background tasks): still one workspace, never the whole table.
* ``Model.objects.create(workspace=..., ...)`` — creating needs a workspace, nothing else.
* ``with unscoped("reason"):`` — the rare whole-table job (backup checks); greppable on purpose.
"""

from __future__ import annotations

import contextvars
from collections.abc import Iterator
from contextlib import contextmanager

from django.db import models

from .audit_mixin import Audited
from .roles import Role

_unscoped_reason: contextvars.ContextVar[str | None] = contextvars.ContextVar(
    "upr_unscoped_reason", default=None
)


class UnscopedQueryError(RuntimeError):
    """A workspace-owned model was queried without saying whose data is wanted."""


@contextmanager
def unscoped(reason: str) -> Iterator[None]:
    """Allow whole-table queries inside this block; ``reason`` documents why at the call site."""
    if not reason:
        raise ValueError("unscoped() needs a reason.")
    token = _unscoped_reason.set(reason)
    try:
        yield
    finally:
        _unscoped_reason.reset(token)


class WorkspaceQuerySet(models.QuerySet):
    def update(self, **kwargs) -> int:
        """Save row by row so the audit log sees every before → after (no silent bulk change)."""
        count = 0
        for obj in self:
            for name, value in kwargs.items():
                setattr(obj, name, value)
            obj.save(update_fields=list(kwargs))
            count += 1
        return count

    update.queryset_only = True

    def bulk_update(self, objs, fields, batch_size=None) -> int:
        """Row by row too: an unaudited bulk change is exactly what the log must not miss."""
        for obj in objs:
            obj.save(update_fields=list(fields))
        return len(objs)

    def bulk_create(self, objs, *args, **kwargs):
        """Bulk inserts skip ``post_save``; write their audit entries here."""
        from .. import audit

        created = super().bulk_create(objs, *args, **kwargs)
        for obj in created:
            audit.record_created(obj)
        return created


class WorkspaceManager(models.Manager.from_queryset(WorkspaceQuerySet)):
    def get_queryset(self) -> WorkspaceQuerySet:
        if _unscoped_reason.get() is None:
            raise UnscopedQueryError(
                f"{self.model.__name__} belongs to a workspace: query it with "
                f"{self.model.__name__}.objects.for_member(user, workspace, min_role=...) "
                "(see upr/workspaces/models/scoping.py)."
            )
        return self._all_rows()

    def _all_rows(self) -> WorkspaceQuerySet:
        return WorkspaceQuerySet(self.model, using=self._db, hints=self._hints)

    def for_member(self, user, workspace, min_role: str = Role.VIEWER) -> WorkspaceQuerySet:
        if user is None or not user.is_authenticated:
            return self._all_rows().none()
        return self._all_rows().filter(
            workspace=workspace,
            workspace__memberships__user=user,
            workspace__memberships__role__in=Role.at_least(min_role),
        )

    def for_membership(self, membership, min_role: str = Role.VIEWER) -> WorkspaceQuerySet:
        """Shorthand in views that already hold the request's ``Membership``."""
        return self.for_member(membership.user, membership.workspace, min_role)

    def for_user(self, user, min_role: str = Role.VIEWER) -> WorkspaceQuerySet:
        if user is None or not user.is_authenticated:
            return self._all_rows().none()
        return self._all_rows().filter(
            workspace__memberships__user=user,
            workspace__memberships__role__in=Role.at_least(min_role),
        )

    def in_workspace(self, workspace) -> WorkspaceQuerySet:
        return self._all_rows().filter(workspace=workspace)

    def create(self, **kwargs):
        if kwargs.get("workspace") is None and kwargs.get("workspace_id") is None:
            raise UnscopedQueryError(f"A {self.model.__name__} needs a workspace.")
        obj = self.model(**kwargs)
        obj.save(force_insert=True, using=self.db)
        return obj


class WorkspaceOwned(Audited):
    """Base of every model whose rows belong to one workspace; changes are audited."""

    workspace = models.ForeignKey(
        "workspaces.Workspace", on_delete=models.CASCADE, related_name="+", editable=False
    )

    objects = WorkspaceManager()

    class Meta:
        abstract = True

    @property
    def audit_workspace_id(self) -> int:
        return self.workspace_id

    # Django's uniqueness checks query the default manager; they only ask "does a row exist".
    def validate_unique(self, exclude=None) -> None:
        with unscoped("uniqueness validation"):
            super().validate_unique(exclude)

    def validate_constraints(self, exclude=None) -> None:
        with unscoped("constraint validation"):
            super().validate_constraints(exclude)
