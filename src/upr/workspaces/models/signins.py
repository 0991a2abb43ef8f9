"""The recent sign-ins of an account, shown to its owner only.

People at risk of reprisals need to see whether someone else got into their account (a seized
laptop, a shared password). Only what that needs is kept, and coarsely: the browser family and
system, the network (IPv4 /24, IPv6 /48), never the full address or the raw user agent; the last
``KEEP`` entries per account (logic in ``signins.py``).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class SignInMethod(models.TextChoices):
    PASSWORD = "password", _("password")
    APP_CODE = "app-code", _("password and app code")
    RECOVERY_CODE = "recovery", _("password and recovery code")
    INVITATION = "invitation", _("accepting an invitation")
    WRONG_PASSWORD = "bad-password", _("wrong password")
    WRONG_CODE = "bad-code", _("right password, wrong code")


class SignInRecord(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="sign_ins"
    )
    at = models.DateTimeField(default=timezone.now)
    succeeded = models.BooleanField()
    method = models.CharField(max_length=20, choices=SignInMethod.choices)
    browser = models.CharField(max_length=80, blank=True)
    network = models.CharField(max_length=50, blank=True)
    # A hash of the session's key, to mark "this browser, now" on the list; never the key.
    session_hash = models.CharField(max_length=64, blank=True)

    class Meta:
        ordering = ["-at", "-pk"]
        indexes = [models.Index(fields=["user", "-at"])]

    def __str__(self) -> str:
        return f"{self.user_id} {self.method} {self.at:%Y-%m-%d %H:%M}"
