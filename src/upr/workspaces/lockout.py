"""Lock-out after repeated failed sign-ins (password or two-factor code), per e-mail address.

After ``UPR_LOGIN_MAX_FAILURES`` failures the address is locked for ``UPR_LOGIN_LOCKOUT_SECONDS``;
a success clears the count. Counting per address (not per IP) stops password guessing spread
over many machines; the price, an attacker can lock a known address for a while, is accepted
and documented in docs/security.md.
"""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from .models import LoginThrottle, normalize_email


def is_locked(email: str) -> bool:
    row = LoginThrottle.objects.filter(email=normalize_email(email)).first()
    return bool(row and row.locked_until and row.locked_until > timezone.now())


def record_failure(email: str) -> bool:
    """Count one failure; True when the address is now locked."""
    now = timezone.now()
    window = timedelta(seconds=settings.UPR_LOGIN_LOCKOUT_SECONDS)
    with transaction.atomic():
        row, _ = LoginThrottle.objects.select_for_update().get_or_create(
            email=normalize_email(email)[:254], defaults={"first_failure_at": now}
        )
        if now - row.first_failure_at > window and not (
            row.locked_until and row.locked_until > now
        ):
            row.failures, row.first_failure_at, row.locked_until = 0, now, None
        row.failures += 1
        if row.failures >= settings.UPR_LOGIN_MAX_FAILURES:
            row.locked_until = now + window
        row.save()
        return row.locked_until is not None and row.locked_until > now


def record_success(email: str) -> None:
    LoginThrottle.objects.filter(email=normalize_email(email)).delete()
