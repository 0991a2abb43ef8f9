"""The audit log: who changed what in a workspace, when, from what to what."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .scoping import WorkspaceOwned


class Action(models.TextChoices):
    CREATE = "create", _("created")
    UPDATE = "update", _("changed")
    DELETE = "delete", _("deleted")
    # An event of a member's account (two-factor sign-in, recovery codes), copied into the log of
    # every workspace the person belongs to: owners should know when a member's sign-in changes.
    SECURITY = "security", _("account security")


class AuditEntry(WorkspaceOwned):
    at = models.DateTimeField(default=timezone.now, db_index=True)
    # The e-mail is copied so the log still says who after an account is deleted.
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    actor_email = models.CharField(max_length=254, blank=True)
    action = models.CharField(max_length=10, choices=Action.choices)
    model = models.CharField(max_length=100)
    object_id = models.CharField(max_length=64)
    object_repr = models.CharField(max_length=200)
    # {"field": [before, after]}; for a creation before is null, for a deletion after is null.
    changes = models.JSONField(default=dict)

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit entries")

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_email or '-'} {self.action} {self.model}"
