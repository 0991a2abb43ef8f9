"""A workspace is one NGO or coalition; a membership gives one person one role in it."""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .audit_mixin import Audited
from .roles import Role


def new_public_id() -> str:
    """Random, so URLs reveal neither the NGO's name nor how many workspaces exist."""
    return secrets.token_urlsafe(9)


class Workspace(Audited):
    public_id = models.CharField(max_length=16, unique=True, default=new_public_id, editable=False)
    name = models.CharField(_("name"), max_length=120)
    require_2fa = models.BooleanField(
        _("require two-factor sign-in for all members"), default=False
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["name"]
        verbose_name = _("workspace")
        verbose_name_plural = _("workspaces")

    def __str__(self) -> str:
        return self.name

    @property
    def audit_workspace_id(self) -> int:
        return self.pk


class Membership(Audited):
    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(_("role"), max_length=10, choices=Role.choices, default=Role.VIEWER)
    joined_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["workspace", "user"], name="one_membership_per_user")
        ]
        ordering = ["workspace__name", "user__email"]

    def __str__(self) -> str:
        return f"{self.user} · {self.get_role_display()}"

    @property
    def audit_workspace_id(self) -> int:
        return self.workspace_id

    def has_role(self, min_role: str) -> bool:
        return Role.rank(self.role) >= Role.rank(min_role)

    @property
    def can_edit(self) -> bool:
        return self.has_role(Role.EDITOR)

    @property
    def is_owner(self) -> bool:
        return self.has_role(Role.OWNER)
