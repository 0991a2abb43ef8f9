"""First-run setup, sign-in (with the two-factor step), sign-out and the account page."""

from __future__ import annotations

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login as auth_login
from django.contrib.auth import logout as auth_logout
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render, resolve_url
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from .. import lockout
from ..access import signed_in
from ..forms.accounts import LOCKED_MESSAGE, SetupForm, SignInForm, TotpVerifyForm
from ..models import Membership, User
from ..totp import verify_for_user

PENDING_2FA_KEY = "upr_2fa_pending"
PENDING_2FA_SECONDS = 300
MODEL_BACKEND = "django.contrib.auth.backends.ModelBackend"


def _safe_next(request: HttpRequest) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return resolve_url(settings.LOGIN_REDIRECT_URL)


def setup(request: HttpRequest) -> HttpResponse:
    """The first owner account; the page exists only while the instance has no account at all."""
    if User.objects.exists():
        raise Http404
    form = SetupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            if User.objects.exists():  # somebody was quicker
                raise Http404
            form.save()
        messages.success(request, _("Your account is ready. Please sign in."))
        return redirect("accounts:login")
    return render(request, "accounts/setup.html", {"form": form})


def login(request: HttpRequest) -> HttpResponse:
    if not User.objects.exists():
        return redirect("accounts:setup")
    if request.user.is_authenticated:
        return redirect(_safe_next(request))
    form = SignInForm(request, data=request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = form.user
        if user.has_2fa:
            request.session[PENDING_2FA_KEY] = {
                "user": user.pk,
                "at": time.time(),
                "next": _safe_next(request),
            }
            return redirect("accounts:2fa_verify")
        lockout.record_success(user.email)
        auth_login(request, user)
        return redirect(_safe_next(request))
    next_url = request.POST.get("next") or request.GET.get("next", "")
    return render(request, "accounts/login.html", {"form": form, "next": next_url})


def verify_2fa(request: HttpRequest) -> HttpResponse:
    """Second step of sign-in: the password was right, now the code from the device."""
    pending = request.session.get(PENDING_2FA_KEY)
    if not pending or time.time() - pending["at"] > PENDING_2FA_SECONDS:
        request.session.pop(PENDING_2FA_KEY, None)
        return redirect("accounts:login")
    user = User.objects.filter(pk=pending["user"], is_active=True).first()
    if user is None:
        return redirect("accounts:login")
    form = TotpVerifyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if lockout.is_locked(user.email):
            form.add_error(None, LOCKED_MESSAGE)
        elif verify_for_user(user, form.cleaned_data["code"]):
            lockout.record_success(user.email)
            del request.session[PENDING_2FA_KEY]
            auth_login(request, user, backend=MODEL_BACKEND)
            return redirect(pending["next"])
        elif lockout.record_failure(user.email):
            del request.session[PENDING_2FA_KEY]
            messages.error(request, LOCKED_MESSAGE)
            return redirect("accounts:login")
        else:
            form.add_error("code", _("This code is not valid."))
    return render(request, "accounts/verify_2fa.html", {"form": form})


@require_POST
def logout(request: HttpRequest) -> HttpResponse:
    auth_logout(request)
    messages.success(request, _("You have signed out."))
    return redirect(settings.LOGOUT_REDIRECT_URL)


@signed_in
@require_safe
def account(request: HttpRequest) -> HttpResponse:
    memberships = Membership.objects.filter(user=request.user).select_related("workspace")
    return render(request, "accounts/account.html", {"memberships": memberships})
