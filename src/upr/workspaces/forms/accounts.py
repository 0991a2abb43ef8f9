"""Forms of the account pages: first-run setup, sign-in, two-factor codes, sign-up by invitation."""

from __future__ import annotations

from django import forms
from django.contrib.auth import authenticate, password_validation
from django.utils.translation import gettext_lazy as _

from .. import lockout
from ..models import User, normalize_email
from ..totp import matching_counter

LOCKED_MESSAGE = _(
    "Too many failed attempts for this address. Sign-in is locked for a while; try again later "
    "or reset your password."
)


class NewAccountForm(forms.Form):
    """Name and a password typed twice, checked by the password validators."""

    name = forms.CharField(label=_("Your name"), max_length=150, required=False)
    password1 = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=password_validation.password_validators_help_text_html(),
    )
    password2 = forms.CharField(
        label=_("Password again"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def _email(self) -> str:
        raise NotImplementedError

    def clean(self) -> dict:
        data = super().clean()
        p1, p2 = data.get("password1"), data.get("password2")
        if p1 and p2 and p1 != p2:
            self.add_error("password2", _("The two passwords differ."))
        elif p1:
            try:
                password_validation.validate_password(
                    p1, User(email=self._email(), name=data.get("name", ""))
                )
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return data

    def save(self) -> User:
        return User.objects.create_user(
            self._email(), self.cleaned_data["password1"], name=self.cleaned_data.get("name", "")
        )


class SetupForm(NewAccountForm):
    """The first owner account, asked for on first run instead of any default credentials."""

    email = forms.EmailField(
        label=_("E-mail address"), widget=forms.EmailInput(attrs={"autocomplete": "email"})
    )
    field_order = ["email", "name", "password1", "password2"]

    def _email(self) -> str:
        return normalize_email(self.cleaned_data.get("email", ""))

    def save(self) -> User:
        """The person who sets up the instance runs it: staff, so that before any workspace
        exists they can add UN documents to the shared corpus and correct the calendar."""
        return User.objects.create_user(
            self._email(),
            self.cleaned_data["password1"],
            name=self.cleaned_data.get("name", ""),
            is_staff=True,
        )


class InvitationSignupForm(NewAccountForm):
    """An invited person without an account sets a password; the invitation gave the address."""

    def __init__(self, *args, email: str, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.email = email

    def _email(self) -> str:
        return self.email


class SignInForm(forms.Form):
    email = forms.EmailField(
        label=_("E-mail address"),
        widget=forms.EmailInput(attrs={"autocomplete": "username", "autofocus": True}),
    )
    password = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, request, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.request = request
        self.user: User | None = None

    def clean(self) -> dict:
        data = super().clean()
        email, password = data.get("email"), data.get("password")
        if not email or not password:
            return data
        if lockout.is_locked(email):
            raise forms.ValidationError(LOCKED_MESSAGE, code="locked")
        user = authenticate(self.request, email=normalize_email(email), password=password)
        if user is None:
            if lockout.record_failure(email):
                raise forms.ValidationError(LOCKED_MESSAGE, code="locked")
            raise forms.ValidationError(
                _("This e-mail address and password do not match an account."), code="invalid"
            )
        self.user = user
        return data


class CodeField(forms.CharField):
    def __init__(self, **kwargs) -> None:
        kwargs.setdefault("label", _("Six-digit code from your authenticator app"))
        kwargs.setdefault("max_length", 10)
        attrs = {"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        kwargs.setdefault("widget", forms.TextInput(attrs=attrs))
        super().__init__(**kwargs)


class TotpSetupForm(forms.Form):
    """Confirms the authenticator app holds the new secret before 2FA is switched on."""

    code = CodeField()

    def __init__(self, *args, secret: str, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.secret = secret
        self.counter: int | None = None

    def clean_code(self) -> str:
        code = self.cleaned_data["code"]
        self.counter = matching_counter(self.secret, code)
        if self.counter is None:
            raise forms.ValidationError(_("This code is not valid. Check your device's clock."))
        return code


class TotpVerifyForm(forms.Form):
    code = CodeField()


class TotpDisableForm(forms.Form):
    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, *args, user: User, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self) -> str:
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("This is not your password."))
        return password


class RecoveryCodeForm(forms.Form):
    """The second sign-in step without the device: one of the ten recovery codes."""

    code = forms.CharField(
        label=_("Recovery code"),
        max_length=40,
        help_text=_("Ten letters and digits, for example abcde-fghij. Each code works once."),
        widget=forms.TextInput(
            attrs={
                "autocomplete": "off",
                "autocapitalize": "none",
                "spellcheck": "false",
                "autofocus": True,
            }
        ),
    )


class ConfirmIdentityForm(forms.Form):
    """Before new recovery codes are shown: a current code from the app, or the password.

    Checked in the view (it counts failures towards the lock-out), not here.
    """

    secret = forms.CharField(
        label=_("A code from your authenticator app, or your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password", "autofocus": True}),
    )
