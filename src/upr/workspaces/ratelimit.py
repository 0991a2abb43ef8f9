"""Rate limiting per client address, beside the per-account lock-out of ``lockout.py``.

The lock-out stops many guesses against one account; this stops one address from trying many
accounts (or many invitation tokens, or sending many reset e-mails). Two budgets, each a sliding
window stored in the database (``AddressAttempt``), so the count is shared by every gunicorn
worker on SQLite and PostgreSQL alike:

* ``SIGN_IN`` — failed passwords, two-factor codes, recovery codes and unknown invitation links:
  ``UPR_RATE_LIMIT_FAILURES`` per ``UPR_RATE_LIMIT_WINDOW_SECONDS``;
* ``PASSWORD_RESET`` — every reset request (each may send an e-mail):
  ``UPR_RATE_LIMIT_RESETS`` per window.

Past the budget, the guarded POSTs are answered 429 (with ``Retry-After``) before any password is
checked. The client address is ``REMOTE_ADDR``; behind ``UPR_TRUSTED_PROXY_COUNT`` reverse
proxies it is read from ``X-Forwarded-For``, counting that many entries from the right (the ones
our own proxies appended; anything further left was written by the client and is ignored).
IPv6 clients are counted per /64 network, since one host usually holds a whole /64.
"""

from __future__ import annotations

import ipaddress
import math
from collections.abc import Callable, Iterable
from datetime import timedelta
from functools import wraps

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from .models import AddressAttempt

SIGN_IN = "sign-in"
PASSWORD_RESET = "password-reset"  # noqa: S105 - a scope name, not a password


def _limits() -> dict[str, int]:
    return {
        SIGN_IN: settings.UPR_RATE_LIMIT_FAILURES,
        PASSWORD_RESET: settings.UPR_RATE_LIMIT_RESETS,
    }


def _window() -> timedelta:
    return timedelta(seconds=settings.UPR_RATE_LIMIT_WINDOW_SECONDS)


def _key(raw: str) -> str | None:
    try:
        ip = ipaddress.ip_address(raw.strip().strip("[]"))
    except ValueError:
        return None
    if ip.version == 6 and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    if ip.version == 6:
        return str(ipaddress.ip_network(f"{ip}/64", strict=False))
    return str(ip)


def client_address(request: HttpRequest) -> str:
    """The address the budget is charged to (see the module docstring)."""
    remote = request.META.get("REMOTE_ADDR", "")
    proxies = settings.UPR_TRUSTED_PROXY_COUNT
    if proxies > 0:
        forwarded = [
            part.strip()
            for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
            if part.strip()
        ]
        if len(forwarded) >= proxies:
            key = _key(forwarded[-proxies])
            if key is not None:
                return key
    return _key(remote) or remote[:64] or "unknown"


def _recent(request: HttpRequest, scope: str):
    return AddressAttempt.objects.filter(
        scope=scope, address=client_address(request), at__gt=timezone.now() - _window()
    )


def is_limited(request: HttpRequest, scope: str) -> bool:
    return _recent(request, scope).count() >= _limits()[scope]


def retry_after(request: HttpRequest, scope: str) -> int:
    """Seconds until the address has a free attempt again."""
    limit = _limits()[scope]
    times = list(_recent(request, scope).order_by("-at").values_list("at", flat=True)[:limit])
    if len(times) < limit:
        return 0
    free_at = times[-1] + _window()
    return max(1, math.ceil((free_at - timezone.now()).total_seconds()))


def prune() -> None:
    """Forget attempts no window can see any more: client addresses are kept no longer."""
    AddressAttempt.objects.filter(at__lt=timezone.now() - _window()).delete()


def record(request: HttpRequest, scope: str) -> None:
    """Count one attempt against the address."""
    AddressAttempt.objects.create(scope=scope, address=client_address(request), at=timezone.now())


def too_many(request: HttpRequest, scope: str) -> HttpResponse:
    seconds = retry_after(request, scope) or settings.UPR_RATE_LIMIT_WINDOW_SECONDS
    response = render(
        request,
        "accounts/rate_limited.html",
        {"minutes": max(1, math.ceil(seconds / 60))},
        status=429,
    )
    response["Retry-After"] = str(seconds)
    return response


def limited(
    scope: str, methods: Iterable[str] = ("POST",), count_every_request: bool = False
) -> Callable[[Callable], Callable]:
    """Answer 429 to ``methods`` from an address past its budget for ``scope``.

    With ``count_every_request`` each such request is counted (password-reset requests);
    otherwise the view counts failures itself with ``record``.
    """
    guarded = {m.upper() for m in methods}

    def decorator(view: Callable) -> Callable:
        @wraps(view)
        def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            if request.method in guarded:
                prune()
                if is_limited(request, scope):
                    return too_many(request, scope)
                if count_every_request:
                    record(request, scope)
            return view(request, *args, **kwargs)

        return wrapper

    return decorator
