"""Switching two-factor sign-in on (scan, confirm a code) and off (password, unless required)."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from ..access import signed_in
from ..forms.accounts import TotpDisableForm, TotpSetupForm
from ..models import Membership
from ..totp import new_secret, provisioning_uri, qr_data_uri

PENDING_SECRET_KEY = "upr_2fa_new_secret"  # noqa: S105 - a session key name, not a secret


@signed_in
def setup_2fa(request: HttpRequest) -> HttpResponse:
    user = request.user
    if user.has_2fa:
        return redirect("accounts:account")
    secret = request.session.get(PENDING_SECRET_KEY) or new_secret()
    request.session[PENDING_SECRET_KEY] = secret
    form = TotpSetupForm(request.POST or None, secret=secret)
    if request.method == "POST" and form.is_valid():
        user.totp_secret = secret
        user.totp_last_counter = form.counter
        user.save(update_fields=["totp_secret", "totp_last_counter"])
        del request.session[PENDING_SECRET_KEY]
        request.session.cycle_key()
        messages.success(request, _("Two-factor sign-in is on."))
        return redirect("accounts:account")
    uri = provisioning_uri(secret, user.email)
    return render(
        request,
        "accounts/setup_2fa.html",
        {"form": form, "qr": qr_data_uri(uri), "secret": secret},
    )


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
        messages.success(request, _("Two-factor sign-in is off."))
        return redirect("accounts:account")
    return render(request, "accounts/disable_2fa.html", {"form": form, "requiring": requiring})
