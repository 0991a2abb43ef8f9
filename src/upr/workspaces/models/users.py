"""Accounts: the e-mail address is the login, so people never need to invent a user name."""

from __future__ import annotations

from django.contrib.auth.base_user import AbstractBaseUser, BaseUserManager
from django.contrib.auth.models import PermissionsMixin
from django.db import models
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _


def normalize_email(email: str) -> str:
    """One spelling per address (all lower case), so lock-out and invitations always match."""
    return (email or "").strip().lower()


class UserManager(BaseUserManager):
    use_in_migrations = True

    def create_user(self, email: str, password: str | None = None, **extra) -> User:
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=normalize_email(email), **extra)
        user.set_password(password)  # None → unusable password: no default credentials
        user.save(using=self._db)
        return user

    def create_superuser(self, email: str, password: str | None = None, **extra) -> User:
        extra.update(is_staff=True, is_superuser=True)
        return self.create_user(email, password, **extra)

    def get_by_natural_key(self, username: str) -> User:
        return self.get(email=normalize_email(username))


class User(AbstractBaseUser, PermissionsMixin):
    email = models.EmailField(_("e-mail address"), unique=True)
    name = models.CharField(_("name"), max_length=150, blank=True)
    is_active = models.BooleanField(_("active"), default=True)
    is_staff = models.BooleanField(_("staff"), default=False)
    date_joined = models.DateTimeField(_("joined"), default=timezone.now)
    # TOTP two-factor: the shared secret (empty = off) and the last accepted time step, so one
    # code can never be replayed by someone looking over a shoulder.
    totp_secret = models.CharField(max_length=64, blank=True, editable=False)
    totp_last_counter = models.BigIntegerField(default=0, editable=False)
    # The interface language last chosen (a code of settings.LANGUAGES; empty = the default),
    # kept for what is sent outside a request, such as the ``upr remind`` e-mails.
    language = models.CharField(_("language"), max_length=10, blank=True, default="")
    # Raised by "sign out everywhere else": part of the hash every session carries, so the
    # other sessions no longer match (0 keeps Django's own hash, valid for existing sessions).
    session_epoch = models.PositiveIntegerField(default=0, editable=False)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    class Meta:
        verbose_name = _("account")
        verbose_name_plural = _("accounts")

    def __str__(self) -> str:
        return self.name or self.email

    def clean(self) -> None:
        super().clean()
        self.email = normalize_email(self.email)

    def _get_session_auth_hash(self, secret: str | None = None) -> str:
        if not self.session_epoch:
            return super()._get_session_auth_hash(secret=secret)
        key_salt = "upr.workspaces.User.get_session_auth_hash"
        value = f"{self.password}:{self.session_epoch}"
        return salted_hmac(key_salt, value, secret=secret, algorithm="sha256").hexdigest()

    @property
    def has_2fa(self) -> bool:
        return bool(self.totp_secret)
