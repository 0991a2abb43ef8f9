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


class AddressAttempt(models.Model):
    """One failed attempt (or, for password-reset requests, one request) from a client address.

    A sliding window per address (logic in ``ratelimit.py``): rows older than the longest window
    are pruned as new ones are written. ``address`` is an IPv4 address or an IPv6 /64 network.
    """

    scope = models.CharField(max_length=20)
    address = models.CharField(max_length=64)
    at = models.DateTimeField()

    class Meta:
        indexes = [
            models.Index(fields=["scope", "address", "at"]),
            models.Index(fields=["at"]),
        ]

    def __str__(self) -> str:
        return f"{self.scope} {self.address} {self.at:%Y-%m-%d %H:%M:%S}"
