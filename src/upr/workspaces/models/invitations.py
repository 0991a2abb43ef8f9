"""Invitations by e-mail link: only a hash of the token is stored, and every link expires."""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .audit_mixin import Audited
from .roles import Role
from .workspaces import Workspace


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def default_expiry():
    return timezone.now() + timedelta(days=settings.UPR_INVITATION_DAYS)


class InvitationQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(
            accepted_at__isnull=True, revoked_at__isnull=True, expires_at__gt=timezone.now()
        )


class Invitation(Audited):
    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField(_("e-mail address"))
    role = models.CharField(_("role"), max_length=10, choices=Role.choices, default=Role.VIEWER)
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    expires_at = models.DateTimeField(default=default_expiry)
    accepted_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)
    # The language the e-mail was written in; an account created from the link starts in it.
    language = models.CharField(max_length=10, blank=True, default="")

    objects = InvitationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.email} → {self.workspace}"

    @property
    def audit_workspace_id(self) -> int:
        return self.workspace_id

    def issue_token(self) -> str:
        """A fresh secret for the link; returned once, only its hash is kept."""
        token = secrets.token_urlsafe(32)
        self.token_hash = hash_token(token)
        return token

    @property
    def is_expired(self) -> bool:
        return self.expires_at <= timezone.now()

    @property
    def is_usable(self) -> bool:
        return self.accepted_at is None and self.revoked_at is None and not self.is_expired
