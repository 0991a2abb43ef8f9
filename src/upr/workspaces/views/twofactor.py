"""Two-factor sign-in: switching it on (scan, confirm a code) and off (password, unless
required), moving it to a new phone, and its recovery codes (shown once, regenerated after
confirming who you are)."""

from __future__ import annotations

import time

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from .. import lockout, ratelimit, recovery
from ..access import signed_in
from ..audit import record_account_event
from ..forms.accounts import LOCKED_MESSAGE, ConfirmIdentityForm, TotpDisableForm, TotpSetupForm
from ..models import Membership
from ..totp import new_secret, provisioning_uri, qr_data_uri, verify_for_user

PENDING_SECRET_KEY = "upr_2fa_new_secret"  # noqa: S105 - a session key name, not a secret
MOVE_CONFIRMED_KEY = "upr_2fa_move_confirmed"  # when the person confirmed who they are
MOVE_WINDOW_SECONDS = 600


def _show_new_codes(request: HttpRequest, codes: list[str]) -> HttpResponse:
    """The one and only time the codes are shown; nothing keeps them after this response."""
    response = render(request, "accounts/recovery_codes_new.html", {"codes": codes})
    response["Cache-Control"] = "no-store"
    return response


def _new_key_step(request: HttpRequest) -> tuple[TotpSetupForm, str, bool]:
    """Show a new key (kept in the session until confirmed) and check a code of it: the form,
    the key, and whether the posted code proved the app holds it (then the key is stored)."""
    secret = request.session.get(PENDING_SECRET_KEY) or new_secret()
    request.session[PENDING_SECRET_KEY] = secret
    form = TotpSetupForm(request.POST or None, secret=secret)
    if request.method != "POST" or not form.is_valid():
        return form, secret, False
    user = request.user
    user.totp_secret = secret
    user.totp_last_counter = form.counter
    user.save(update_fields=["totp_secret", "totp_last_counter"])
    request.session.pop(PENDING_SECRET_KEY, None)
    return form, secret, True


def _scan_page(request: HttpRequest, template: str, form: TotpSetupForm, secret: str):
    uri = provisioning_uri(secret, request.user.email)
    context = {"form": form, "qr": qr_data_uri(uri), "secret": secret}
    return render(request, template, context)


@signed_in
@never_cache
def setup_2fa(request: HttpRequest) -> HttpResponse:
    user = request.user
    if user.has_2fa:
        return redirect("accounts:account")
    form, secret, stored = _new_key_step(request)
    if stored:
        record_account_event(user, "two-factor sign-in switched on", {"two_factor": [False, True]})
        request.session.cycle_key()
        messages.success(request, _("Two-factor sign-in is on."))
        return _show_new_codes(request, recovery.generate(user))
    return _scan_page(request, "accounts/setup_2fa.html", form, secret)


@signed_in
def disable_2fa(request: HttpRequest) -> HttpResponse:
    user = request.user
    requiring = Membership.objects.filter(user=user, workspace__require_2fa=True).select_related(
        "workspace"
    )
    form = TotpDisableForm(request.POST or None, user=user)
    if request.method == "POST" and not requiring and form.is_valid():
        user.totp_secret = ""
        user.totp_last_counter = 0
        user.save(update_fields=["totp_secret", "totp_last_counter"])
        recovery.clear(user)
        record_account_event(user, "two-factor sign-in switched off", {"two_factor": [True, False]})
        messages.success(request, _("Two-factor sign-in is off."))
        return redirect("accounts:account")
    return render(request, "accounts/disable_2fa.html", {"form": form, "requiring": requiring})


@signed_in
@never_cache
@ratelimit.limited(ratelimit.SIGN_IN)
def replace_2fa(request: HttpRequest) -> HttpResponse:
    """A new phone (or a lost, seized or broken one): confirm who you are with your password
    (or a code of the old app), scan a new key, confirm a code from the new app; only then
    does the account switch keys, so two-factor sign-in is never off in between — a
    workspace that requires it never sees a gap. Recovery codes stay valid."""
    user = request.user
    if not user.has_2fa:
        return redirect("accounts:2fa_setup")
    confirmed_at = request.session.get(MOVE_CONFIRMED_KEY, 0)
    if time.time() - confirmed_at > MOVE_WINDOW_SECONDS:
        identity = ConfirmIdentityForm(request.POST or None)
        if (
            request.method == "POST"
            and identity.is_valid()
            and _confirms_identity(request, identity)
        ):
            request.session[MOVE_CONFIRMED_KEY] = time.time()
            request.session[PENDING_SECRET_KEY] = new_secret()
            return redirect("accounts:2fa_replace")
        return render(request, "accounts/replace_2fa.html", {"identity": identity})
    form, secret, stored = _new_key_step(request)
    if stored:
        record_account_event(user, "two-factor app replaced", {"two_factor_app": ["old", "new"]})
        request.session.pop(MOVE_CONFIRMED_KEY, None)
        request.session.cycle_key()
        messages.success(
            request,
            _("Two-factor sign-in now uses your new app; codes from the old one no longer work."),
        )
        return redirect("accounts:account")
    return _scan_page(request, "accounts/replace_2fa.html", form, secret)


def _confirms_identity(request: HttpRequest, form: ConfirmIdentityForm) -> bool:
    """A current code from the app (burnt, like at sign-in) or the password; failures count
    towards the account's lock-out and the address's budget, as at sign-in."""
    user = request.user
    if lockout.is_locked(user.email):
        ratelimit.record(request, ratelimit.SIGN_IN)
        form.add_error(None, LOCKED_MESSAGE)
        return False
    secret = form.cleaned_data["secret"]
    typed = "".join(secret.split())
    ok = (
        verify_for_user(user, typed)
        if typed.isdigit() and len(typed) == 6
        else user.check_password(secret)
    )
    if ok:
        lockout.record_success(user.email)
        return True
    ratelimit.record(request, ratelimit.SIGN_IN)
    lockout.record_failure(user.email)
    form.add_error("secret", _("This is neither a current code nor your password."))
    return False


@signed_in
@never_cache
@ratelimit.limited(ratelimit.SIGN_IN)
def recovery_codes(request: HttpRequest) -> HttpResponse:
    """How many codes are left; new codes (the old ones stop working) after confirming."""
    user = request.user
    if not user.has_2fa:
        return redirect("accounts:account")
    form = ConfirmIdentityForm(request.POST or None)
    if request.method == "POST" and form.is_valid() and _confirms_identity(request, form):
        return _show_new_codes(request, recovery.generate(user))
    left = recovery.remaining(user)
    return render(
        request,
        "accounts/recovery_codes.html",
        {
            "form": form,
            "left": left,
            "has_codes": user.recovery_codes.exists(),
            "low": left <= recovery.LOW_THRESHOLD,
        },
    )


@signed_in
@require_POST
def recovery_codes_download(request: HttpRequest) -> HttpResponse:
    """The codes just shown, as a text file: the page posts them back (no script, nothing
    stored on the server in clear); only well-formed codes are written out."""
    codes = [
        recovery.display(recovery.normalise(c))
        for c in request.POST.getlist("code")[: recovery.CODE_COUNT]
        if recovery.looks_like_code(c)
    ]
    if not codes:
        return HttpResponseBadRequest(_("No recovery codes to download."))
    lines = [
        _("UPR Cycle — recovery codes for %(email)s") % {"email": request.user.email},
        "",
        _("Each code works once, instead of the code from your authenticator app."),
        _("Keep this file somewhere safe, away from your phone. New codes replace these."),
        "",
        *codes,
        "",
    ]
    response = HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="upr-cycle-recovery-codes.txt"'
    response["Cache-Control"] = "no-store"
    return response
