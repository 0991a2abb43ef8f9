"""The page for a form refused by the CSRF check, with the likely cause in plain words.

Django's own failure view renders the template without the request (no header, no language
switch, no fresh token) and keeps the reason to itself; people then retry the same stale page.
This view names which of three causes it was, because each has a different remedy: a reload,
allowing cookies, or (for the administrator) the site's address in UPR_CSRF_TRUSTED_ORIGINS.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import REASON_NO_CSRF_COOKIE
from django.shortcuts import render

_ADDRESS_REASONS = ("Origin checking failed", "Referer checking failed")


def failure_kind(reason: str) -> str:
    """ "cookie", "address" or "token" (the page was open too long, or signed out elsewhere)."""
    if reason == REASON_NO_CSRF_COOKIE:
        return "cookie"
    if reason.startswith(_ADDRESS_REASONS):
        return "address"
    return "token"


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    return render(request, "403_csrf.html", {"kind": failure_kind(reason)}, status=403)
