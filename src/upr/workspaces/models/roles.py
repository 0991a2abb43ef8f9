"""Roles in a workspace, ordered: every check asks "at least this role", never "exactly"."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    VIEWER = "viewer", _("Viewer")
    EDITOR = "editor", _("Editor")
    OWNER = "owner", _("Owner")

    @classmethod
    def rank(cls, role: str) -> int:
        return _RANK[role]

    @classmethod
    def at_least(cls, role: str) -> list[str]:
        """The roles that satisfy ``min_role``: used inside scoped queries, so SQL enforces it."""
        return [r for r in _RANK if _RANK[r] >= _RANK[role]]


_RANK = {Role.VIEWER: 1, Role.EDITOR: 2, Role.OWNER: 3}
