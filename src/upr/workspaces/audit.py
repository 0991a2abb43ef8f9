"""Writing the audit log: every create, update and delete of an ``Audited`` row, with its actor.

The actor comes from a context variable set for the duration of a request by the access
decorators (``access.py``) or by a command (``acting_as(None, via="upr restore")``), so domain
code never has to pass the user down just for the log.
"""

from __future__ import annotations

import contextvars
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from django.db.models.signals import post_delete, post_save

from .models import Action, Audited, AuditEntry

log = logging.getLogger("upr.security")

_actor: contextvars.ContextVar[Any] = contextvars.ContextVar("upr_audit_actor", default=None)
_suppressed: contextvars.ContextVar[bool] = contextvars.ContextVar(
    "upr_audit_suppressed", default=False
)


@contextmanager
def acting_as(user) -> Iterator[None]:
    token = _actor.set(user if user is not None and user.is_authenticated else None)
    try:
        yield
    finally:
        _actor.reset(token)


@contextmanager
def suppressed() -> Iterator[None]:
    """No entries while a whole workspace is deleted: its log goes with it, by design."""
    token = _suppressed.set(True)
    try:
        yield
    finally:
        _suppressed.reset(token)


def _record(instance: Audited, action: str, changes: dict[str, list[Any]]) -> None:
    actor = _actor.get()
    AuditEntry.objects.create(
        workspace_id=instance.audit_workspace_id,
        actor=actor,
        actor_email=getattr(actor, "email", "") or "",
        action=action,
        model=instance._meta.label,
        object_id=str(instance.pk),
        object_repr=str(instance)[:200],
        changes=changes,
    )


def _on_save(sender, instance, created: bool, raw: bool = False, **kwargs) -> None:
    if raw or not isinstance(instance, Audited) or isinstance(instance, AuditEntry):
        return
    after = instance.audit_snapshot()
    before = {} if created else getattr(instance, "_audit_before", {})
    changes = {
        name: [before.get(name), value]
        for name, value in after.items()
        if created or name not in before or before[name] != value
    }
    changes.pop("updated_at", None)
    instance._audit_before = after
    if _suppressed.get() or (not created and not changes):
        return
    _record(instance, Action.CREATE if created else Action.UPDATE, changes)


def record_summary(instance: Audited, action: str, changes: dict[str, list[Any]]) -> None:
    """One entry for a batch the system made on ``instance``'s behalf (the plan's tasks of a
    campaign), written while the batch's own entries were ``suppressed``."""
    _record(instance, action, changes)


def record_created(instance: Audited) -> None:
    """For rows inserted without ``post_save`` (``bulk_create``)."""
    _on_save(type(instance), instance, created=True)


def _on_delete(sender, instance, **kwargs) -> None:
    if _suppressed.get() or not isinstance(instance, Audited) or isinstance(instance, AuditEntry):
        return
    from .models import Workspace

    if isinstance(instance, Workspace):
        return
    before = instance.audit_snapshot()
    _record(instance, Action.DELETE, {name: [value, None] for name, value in before.items()})


def record_account_event(
    user, event: str, changes: dict[str, list[Any]], actor: Any = "self"
) -> None:
    """An event of ``user``'s account (2FA, recovery codes) in each of their workspaces' logs.

    Accounts belong to no workspace, but the owners of a workspace — who may require two-factor
    sign-in — must be able to see when a member's second factor changes or a recovery code is
    used. ``actor`` is the user themself unless given (``None``: an administrator's command).
    The event also goes to the ``upr.security`` logger, so it is kept for people in no workspace.
    """
    from .models import Membership

    who = user if actor == "self" else actor
    log.info("account %s: %s %s (by %s)", user.email, event, changes, getattr(who, "email", "-"))
    if _suppressed.get():
        return
    for workspace_id in Membership.objects.filter(user=user).values_list("workspace_id", flat=True):
        AuditEntry.objects.create(
            workspace_id=workspace_id,
            actor=who,
            actor_email=getattr(who, "email", "") or "",
            action=Action.SECURITY,
            model=user._meta.label,
            object_id=str(user.pk),
            object_repr=f"{user.email}: {event}"[:200],
            changes=changes,
        )


def connect() -> None:
    post_save.connect(_on_save, dispatch_uid="upr_audit_save")
    post_delete.connect(_on_delete, dispatch_uid="upr_audit_delete")
