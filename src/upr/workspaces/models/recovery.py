"""Recovery codes: single-use codes that stand in for the authenticator app at sign-in.

Only a hash of each code is stored (logic in ``recovery.py``); a used code keeps its row, with
``used_at`` set, so the account page can say how many are left and the code never works again.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone


class RecoveryCode(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="recovery_codes"
    )
    code_hash = models.CharField(max_length=128)
    created_at = models.DateTimeField(default=timezone.now)
    used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["user", "used_at"])]

    def __str__(self) -> str:
        return f"{self.user_id}: {'used' if self.used_at else 'unused'}"
