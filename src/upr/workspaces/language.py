"""A signed-in person's interface language, remembered on the account.

The language switcher only sets a cookie, which a command such as ``upr remind`` never sees. So
the choice is also stored on the account: when the switcher is used while signed in, and at sign
in when nothing was stored yet. E-mails sent outside a request are written in that language.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.signals import user_logged_in
from django.http import HttpRequest, HttpResponse
from django.utils import translation
from django.views.i18n import set_language as django_set_language

from .models import User


def known(code: str | None) -> str:
    """``code`` when it is one of the interface's languages, else ''."""
    return code if code in dict(settings.LANGUAGES) else ""


def for_user(user: User) -> str:
    """The language to write to ``user`` in when there is no request."""
    return known(user.language) or settings.LANGUAGE_CODE


def set_cookie(response: HttpResponse, code: str) -> None:
    """The cookie the language menu sets, with the same settings, so later pages use ``code``."""
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        code,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        path=settings.LANGUAGE_COOKIE_PATH,
        domain=settings.LANGUAGE_COOKIE_DOMAIN,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
    )


def set_language(request: HttpRequest) -> HttpResponse:
    """Django's switcher (cookie, redirect), plus the account's remembered language."""
    response = django_set_language(request)
    code = known(request.POST.get("language"))
    user = request.user
    if code and user.is_authenticated and user.language != code:
        User.objects.filter(pk=user.pk).update(language=code)
    return response


def _remember_at_sign_in(sender, request: HttpRequest | None, user: User, **kwargs) -> None:
    if request is None or user.language:
        return
    cookie = settings.LANGUAGE_COOKIE_NAME in request.COOKIES
    if not cookie and "HTTP_ACCEPT_LANGUAGE" not in request.META:
        return  # nothing chosen by the person or their browser: decide at a later sign-in
    code = known(translation.get_language_from_request(request))
    if code:
        User.objects.filter(pk=user.pk).update(language=code)
        user.language = code


def connect() -> None:
    user_logged_in.connect(_remember_at_sign_in, dispatch_uid="upr-remember-language")
