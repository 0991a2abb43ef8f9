"""Password change and reset: Django's views, our templates, and a reset also lifts a lock-out."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.urls import reverse_lazy
from django.utils.translation import gettext as _

from .. import lockout, ratelimit
from ..access import signed_in

password_change = signed_in(
    auth_views.PasswordChangeView.as_view(
        template_name="accounts/password_change.html",
        success_url=reverse_lazy("accounts:account"),
    )
)

# Every request may send an e-mail: each counts against the address's budget.
password_reset = ratelimit.limited(ratelimit.PASSWORD_RESET, count_every_request=True)(
    auth_views.PasswordResetView.as_view(
        template_name="accounts/password_reset.html",
        email_template_name="accounts/password_reset_email.txt",
        subject_template_name="accounts/password_reset_subject.txt",
        success_url=reverse_lazy("accounts:password_reset_done"),
    )
)

password_reset_done = auth_views.PasswordResetDoneView.as_view(
    template_name="accounts/password_reset_done.html"
)


class _ResetConfirm(auth_views.PasswordResetConfirmView):
    template_name = "accounts/password_reset_confirm.html"
    success_url = reverse_lazy("accounts:login")

    def form_valid(self, form):
        lockout.record_success(self.user.email)
        messages.success(self.request, _("Your password has been changed. Please sign in."))
        return super().form_valid(form)


password_reset_confirm = _ResetConfirm.as_view()
