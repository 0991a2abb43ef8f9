"""Failed sign-ins per e-mail address, for the lock-out (logic in ``lockout.py``).

Keyed by the address typed, whether or not an account exists, so the lock-out itself does not
reveal which addresses have accounts.
"""

from __future__ import annotations

from django.db import models


class LoginThrottle(models.Model):
    email = models.CharField(max_length=254, unique=True)
    failures = models.PositiveIntegerField(default=0)
    first_failure_at = models.DateTimeField()
    locked_until = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"{self.email}: {self.failures}"
