"""Time-based one-time codes (RFC 6238) with pyotp, and their QR code as an SVG data URI.

A code is accepted for the current 30-second step and one step either side (clock drift), and
never twice: the last accepted step is stored on the account.
"""

from __future__ import annotations

import hmac

import pyotp
import segno
from django.utils import timezone

ISSUER = "UPR Cycle"


def new_secret() -> str:
    return pyotp.random_base32()


def provisioning_uri(secret: str, email: str) -> str:
    return pyotp.TOTP(secret).provisioning_uri(name=email, issuer_name=ISSUER)


def qr_data_uri(uri: str) -> str:
    """An ``<img src>`` value: no script, and CSP already allows ``data:`` images."""
    return segno.make(uri, error="m").svg_data_uri(scale=5, border=2)


def matching_counter(secret: str, code: str, after: int = 0) -> int | None:
    """The time step ``code`` belongs to, if valid and later than ``after``; else None."""
    code = "".join(code.split())
    if not (code.isdigit() and len(code) == 6):
        return None
    totp = pyotp.TOTP(secret)
    now = totp.timecode(timezone.now())
    for counter in (now, now - 1, now + 1):
        if counter > after and hmac.compare_digest(totp.generate_otp(counter), code):
            return counter
    return None


def verify_for_user(user, code: str) -> bool:
    """Check a code against the user's secret and burn it (no replay)."""
    if not user.totp_secret:
        return False
    counter = matching_counter(user.totp_secret, code, after=user.totp_last_counter)
    if counter is None:
        return False
    user.totp_last_counter = counter
    user.save(update_fields=["totp_last_counter"])
    return True
