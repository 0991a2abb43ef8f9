"""First-run setup, sign-in (with the two-factor step), sign-out and the account page."""

from __future__ import annotations

import logging
import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login as auth_login
from django.contrib.auth import logout as auth_logout
from django.contrib.auth import update_session_auth_hash
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import F
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render, resolve_url
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST, require_safe

from .. import lockout, ratelimit, recovery, signins
from ..access import signed_in
from ..audit import record_account_event
from ..forms.accounts import (
    LOCKED_MESSAGE,
    RecoveryCodeForm,
    SetupForm,
    SignInForm,
    TotpVerifyForm,
)
from ..models import Membership, SignInMethod, User
from ..totp import verify_for_user

log = logging.getLogger("upr.security")

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
            user = form.save()
        # The person has just chosen the password: asking for it again only loses a step.
        auth_login(request, user, backend=MODEL_BACKEND)
        messages.success(
            request, _("Your account is ready. Create a workspace for your organisation's work.")
        )
        return redirect(settings.LOGIN_REDIRECT_URL)
    return render(request, "accounts/setup.html", {"form": form})


@ratelimit.limited(ratelimit.SIGN_IN)
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
    if request.method == "POST" and (
        form.has_error("__all__", "invalid") or form.has_error("__all__", "locked")
    ):
        ratelimit.record(request, ratelimit.SIGN_IN)
    next_url = request.POST.get("next") or request.GET.get("next", "")
    return render(request, "accounts/login.html", {"form": form, "next": next_url})


def _pending_user(request: HttpRequest) -> User | None:
    """The account whose password was right a moment ago, waiting for its second factor."""
    pending = request.session.get(PENDING_2FA_KEY)
    if not pending or time.time() - pending["at"] > PENDING_2FA_SECONDS:
        request.session.pop(PENDING_2FA_KEY, None)
        return None
    return User.objects.filter(pk=pending["user"], is_active=True).first()


def _second_step(
    request: HttpRequest, form, check, template: str, method: str
) -> HttpResponse | None:
    """Both second steps (app code, recovery code): lock-out, address budget, sign-in.

    None once signed in (the caller redirects); otherwise the response to send.
    """
    user = _pending_user(request)
    if user is None:
        return redirect("accounts:login")
    if request.method == "POST" and form.is_valid():
        if lockout.is_locked(user.email):
            ratelimit.record(request, ratelimit.SIGN_IN)
            form.add_error(None, LOCKED_MESSAGE)
        elif check(user, form.cleaned_data["code"]):
            lockout.record_success(user.email)
            del request.session[PENDING_2FA_KEY]
            request.upr_sign_in_method = method
            auth_login(request, user, backend=MODEL_BACKEND)
            return None
        else:
            ratelimit.record(request, ratelimit.SIGN_IN)
            signins.record(request, user, SignInMethod.WRONG_CODE, succeeded=False)
            if lockout.record_failure(user.email):
                del request.session[PENDING_2FA_KEY]
                messages.error(request, LOCKED_MESSAGE)
                return redirect("accounts:login")
            form.add_error("code", _("This code is not valid."))
    return render(request, template, {"form": form})


@ratelimit.limited(ratelimit.SIGN_IN)
def verify_2fa(request: HttpRequest) -> HttpResponse:
    """Second step of sign-in: the password was right, now the code from the device."""
    next_url = (request.session.get(PENDING_2FA_KEY) or {}).get("next")
    form = TotpVerifyForm(request.POST or None)
    response = _second_step(
        request, form, verify_for_user, "accounts/verify_2fa.html", SignInMethod.APP_CODE
    )
    return response or redirect(next_url)


@ratelimit.limited(ratelimit.SIGN_IN)
def verify_recovery(request: HttpRequest) -> HttpResponse:
    """Second step of sign-in without the device: one of the recovery codes, burnt on use."""
    next_url = (request.session.get(PENDING_2FA_KEY) or {}).get("next")
    form = RecoveryCodeForm(request.POST or None)
    response = _second_step(
        request, form, recovery.use, "accounts/verify_recovery.html", SignInMethod.RECOVERY_CODE
    )
    if response is not None:
        return response
    left = recovery.remaining(request.user)
    _mail_recovery_code_used(request, left)
    messages.warning(
        request,
        ngettext(
            "You signed in with a recovery code; it will not work again. %(count)d code is left.",
            "You signed in with a recovery code; it will not work again. %(count)d codes are left.",
            left,
        )
        % {"count": left},
    )
    if left <= recovery.LOW_THRESHOLD:
        messages.error(
            request,
            _("You are running out of recovery codes. Generate new ones now."),
        )
        return redirect("accounts:2fa_recovery_codes")
    return redirect(next_url)


def _mail_recovery_code_used(request: HttpRequest, left: int) -> None:
    """Tell the person: if it was not them, somebody holds their password and a code."""
    user = request.user
    body = render_to_string(
        "accounts/recovery_code_used_email.txt",
        {
            "user": user,
            "left": left,
            "at": timezone.now(),
            "link": request.build_absolute_uri(reverse("accounts:2fa_recovery_codes")),
        },
    )
    subject = _("A recovery code was used to sign in to your UPR Cycle account")
    try:
        EmailMessage(subject, body, None, [user.email]).send()
    except OSError:  # smtplib's errors included: the sign-in must not fail for the mail server
        log.warning("could not mail %s about a recovery code used", user.email, exc_info=True)


@require_POST
def logout(request: HttpRequest) -> HttpResponse:
    auth_logout(request)
    messages.success(request, _("You have signed out."))
    return redirect(settings.LOGOUT_REDIRECT_URL)


@signed_in
@require_safe
def account(request: HttpRequest) -> HttpResponse:
    user = request.user
    memberships = Membership.objects.filter(user=user).select_related("workspace")
    left = recovery.remaining(user) if user.recovery_codes.exists() else None
    return render(
        request,
        "accounts/account.html",
        {
            "memberships": memberships,
            "recovery_left": left,
            "recovery_low": left is not None and left <= recovery.LOW_THRESHOLD,
            "sign_ins": signins.recent(user),
            "this_session": signins.session_hash(request.session.session_key),
        },
    )


@signed_in
@require_POST
def sign_out_elsewhere(request: HttpRequest) -> HttpResponse:
    """End every other session of the account (a lost laptop, a sign-in not recognised); this
    browser stays signed in. Sessions carry a hash that includes ``session_epoch``."""
    user = request.user
    User.objects.filter(pk=user.pk).update(session_epoch=F("session_epoch") + 1)
    user.refresh_from_db(fields=["session_epoch"])
    update_session_auth_hash(request, user)
    record_account_event(user, "signed out of every other session", {})
    messages.success(
        request, _("Every other browser and device signed in to your account is now signed out.")
    )
    return redirect("accounts:account")
