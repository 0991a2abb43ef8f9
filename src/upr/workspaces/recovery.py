"""Recovery codes for two-factor sign-in: ten single-use codes, stored only as hashes.

A code is 10 characters from an alphabet without look-alikes (no i, l, o, 0, 1), shown as
``abcde-fghij``; typing it with or without the hyphen, in any case, with spaces, works.
Each code carries about 49.5 random bits, so the hash does not need the 1.5 million PBKDF2
rounds a human password needs: ``HASH_ITERATIONS`` rounds keep checking all ten codes well under
a second while an offline search of one code's hash would still take GPU-centuries. The hashes
are ordinary Django PBKDF2-SHA256 encodings (``make_password``), verified by the same hasher.

Generating new codes deletes the old ones (used or not): only the latest set ever works.
"""

from __future__ import annotations

import secrets

from django.contrib.auth.hashers import PBKDF2PasswordHasher, make_password
from django.db import transaction
from django.utils import timezone

from .audit import record_account_event
from .models import RecoveryCode

ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"
CODE_LENGTH = 10
CODE_COUNT = 10
LOW_THRESHOLD = 2
HASH_ITERATIONS = 60_000


class _RecoveryCodeHasher(PBKDF2PasswordHasher):
    iterations = HASH_ITERATIONS


_HASHER = _RecoveryCodeHasher()


def normalise(code: str) -> str:
    """The canonical form of a typed code: lower case, without spaces or hyphens."""
    return "".join(ch for ch in (code or "").lower() if ch not in " -\t\n\r")


def display(code: str) -> str:
    """``abcdefghij`` → ``abcde-fghij``."""
    half = len(code) // 2
    return f"{code[:half]}-{code[half:]}"


def looks_like_code(code: str) -> bool:
    code = normalise(code)
    return len(code) == CODE_LENGTH and all(ch in ALPHABET for ch in code)


def _new_code() -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(CODE_LENGTH))


def remaining(user) -> int:
    return RecoveryCode.objects.filter(user=user, used_at__isnull=True).count()


def generate(user) -> list[str]:
    """Replace the user's codes with ten new ones; returns them (for display, once) grouped."""
    codes = [_new_code() for _ in range(CODE_COUNT)]
    with transaction.atomic():
        before = remaining(user)
        had_codes = RecoveryCode.objects.filter(user=user).delete()[0] > 0
        RecoveryCode.objects.bulk_create(
            RecoveryCode(user=user, code_hash=make_password(code, hasher=_HASHER)) for code in codes
        )
        record_account_event(
            user,
            "recovery codes regenerated" if had_codes else "recovery codes generated",
            {"recovery_codes_left": [before if had_codes else None, CODE_COUNT]},
        )
    return [display(code) for code in codes]


def use(user, code: str) -> bool:
    """Check a typed code against the user's unused codes and burn it; True if it was one."""
    code = normalise(code)
    if not looks_like_code(code):
        return False
    with transaction.atomic():
        # Lock the rows so two sign-ins with the same code at once cannot both succeed.
        unused = list(
            RecoveryCode.objects.select_for_update()
            .filter(user=user, used_at__isnull=True)
            .order_by("pk")
        )
        match = next((row for row in unused if _HASHER.verify(code, row.code_hash)), None)
        if match is None:
            return False
        if not RecoveryCode.objects.filter(pk=match.pk, used_at__isnull=True).update(
            used_at=timezone.now()
        ):
            return False
        left = [len(unused), len(unused) - 1]
        record_account_event(user, "recovery code used to sign in", {"recovery_codes_left": left})
    return True


def clear(user, actor="self", reason: str = "two-factor sign-in switched off") -> int:
    """Delete all the user's codes (2FA switched off or reset); returns how many were unused."""
    with transaction.atomic():
        before = remaining(user)
        deleted = RecoveryCode.objects.filter(user=user).delete()[0]
        if deleted:
            record_account_event(
                user,
                f"recovery codes deleted ({reason})",
                {"recovery_codes_left": [before, 0]},
                actor=actor,
            )
    return before
