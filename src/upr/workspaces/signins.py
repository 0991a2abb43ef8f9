"""Recent sign-ins of an account (model in ``models/signins.py``), written from Django's
sign-in signals so that every way in (password, second step, invitation) is recorded alike.

A view that signs someone in by another route than the plain password sets
``request.upr_sign_in_method`` first. Failed attempts are recorded only for addresses that
have an account, and only on that account: nobody else sees them, so the list reveals nothing
about which addresses exist.
"""

from __future__ import annotations

import hashlib
import ipaddress

from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.http import HttpRequest

from . import ratelimit
from .models import SignInMethod, SignInRecord, User, normalize_email

KEEP = 30  # entries per account; older ones are deleted as new ones are written

_BROWSERS = (
    ("Edg/", "Edge"),
    ("OPR/", "Opera"),
    ("Firefox/", "Firefox"),
    ("Chromium/", "Chromium"),
    ("Chrome/", "Chrome"),
    ("Safari/", "Safari"),
)
_SYSTEMS = (
    ("Android", "Android"),
    ("iPhone", "iPhone"),
    ("iPad", "iPad"),
    ("Windows", "Windows"),
    ("CrOS", "ChromeOS"),
    ("Mac OS X", "macOS"),
    ("Linux", "Linux"),
)


def describe_browser(user_agent: str) -> str:
    """ "Firefox · Windows" from a User-Agent header; '' when neither part is recognised. The
    raw header is not kept: it identifies a device more precisely than the person needs."""
    ua = user_agent or ""
    browser = next((name for token, name in _BROWSERS if token in ua), "")
    system = next((name for token, name in _SYSTEMS if token in ua), "")
    return " · ".join(part for part in (browser, system) if part)


def coarse_network(address: str) -> str:
    """The network an address belongs to (IPv4 /24, IPv6 /48): enough to tell "my office"
    from "another country", not enough to single out a device."""
    try:
        network = ipaddress.ip_network(address.strip(), strict=False)
    except ValueError:
        return ""
    prefix = 24 if network.version == 4 else 48
    if network.prefixlen < prefix:
        return str(network)
    return str(network.supernet(new_prefix=prefix))


def session_hash(key: str | None) -> str:
    return hashlib.sha256(key.encode()).hexdigest()[:32] if key else ""


def record(request: HttpRequest | None, user: User, method: str, succeeded: bool) -> None:
    meta = request.META if request is not None else {}
    key = request.session.session_key if request is not None and succeeded else None
    SignInRecord.objects.create(
        user=user,
        succeeded=succeeded,
        method=method,
        browser=describe_browser(meta.get("HTTP_USER_AGENT", ""))[:80],
        network=coarse_network(ratelimit.client_address(request)) if request else "",
        session_hash=session_hash(key),
    )
    old = SignInRecord.objects.filter(user=user).values_list("pk", flat=True)[KEEP:]
    SignInRecord.objects.filter(pk__in=list(old)).delete()


def recent(user: User, limit: int = 10) -> list[SignInRecord]:
    return list(SignInRecord.objects.filter(user=user)[:limit])


def _on_sign_in(sender, request: HttpRequest | None, user: User, **kwargs) -> None:
    method = getattr(request, "upr_sign_in_method", SignInMethod.PASSWORD)
    record(request, user, method, succeeded=True)


def _on_failure(sender, credentials: dict, request: HttpRequest | None = None, **kwargs) -> None:
    email = credentials.get("email") or credentials.get("username") or ""
    user = User.objects.filter(email=normalize_email(email)).first()
    if user is not None:
        record(request, user, SignInMethod.WRONG_PASSWORD, succeeded=False)


def connect() -> None:
    user_logged_in.connect(_on_sign_in, dispatch_uid="upr-sign-in-record")
    user_login_failed.connect(_on_failure, dispatch_uid="upr-sign-in-failure")
