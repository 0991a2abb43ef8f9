"""Following an invitation link: sign in (or create the account), then join the workspace."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login as auth_login
from django.contrib.auth.views import redirect_to_login
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _

from .. import invitations, ratelimit
from ..audit import acting_as
from ..forms.accounts import InvitationSignupForm
from ..language import known
from ..language import set_cookie as language_cookie
from ..models import Invitation, SignInMethod, User

MODEL_BACKEND = "django.contrib.auth.backends.ModelBackend"


def _newcomer_language(request: HttpRequest, invitation: Invitation, account: User | None) -> str:
    """The invitation's language for a newcomer who has not picked one in the menu, else ''.

    The inviter chose it for the newcomer; a browser's default is a weaker sign than that. Someone
    who already has an account is left in their own language.
    """
    if request.user.is_authenticated or settings.LANGUAGE_COOKIE_NAME in request.COOKIES:
        return ""
    return "" if account is not None else known(invitation.language)


# GET too: an unknown link is a failed guess whatever the method, and counts (tokens are long
# and random; the budget keeps one address from trying many).
@ratelimit.limited(ratelimit.SIGN_IN, methods=("GET", "POST"))
def accept(request: HttpRequest, token: str) -> HttpResponse:
    invitation = invitations.find(token)
    if invitation is None:
        ratelimit.record(request, ratelimit.SIGN_IN)
        raise Http404
    account = User.objects.filter(email=invitation.email).first()
    language = _newcomer_language(request, invitation, account)
    if not language:
        return _accept(request, invitation, account)
    with translation.override(language):
        response = _accept(request, invitation, account, language=language)
    response.headers["Content-Language"] = language
    return response


def _accept(
    request: HttpRequest, invitation: Invitation, account: User | None, language: str = ""
) -> HttpResponse:
    if not invitation.is_usable:
        return render(request, "workspaces/invitation_unusable.html", {"i": invitation}, status=410)
    user = request.user
    if user.is_authenticated and user.email != invitation.email:
        return render(request, "workspaces/invitation_other.html", {"i": invitation}, status=403)
    if not user.is_authenticated and account is not None:
        messages.info(request, _("Please sign in to accept the invitation."))
        return redirect_to_login(request.get_full_path())
    form = (
        None
        if user.is_authenticated
        else InvitationSignupForm(request.POST or None, email=invitation.email)
    )
    if request.method == "POST" and (form is None or form.is_valid()):
        with transaction.atomic():
            if form is not None:
                user = form.save()
                if language:
                    user.language = language
                    user.save(update_fields=["language"])
            with acting_as(user):
                try:
                    invitations.accept(invitation, user)
                except ValueError:
                    raise Http404 from None
        if form is not None:
            request.upr_sign_in_method = SignInMethod.INVITATION
            auth_login(request, user, backend=MODEL_BACKEND)
        messages.success(request, _("Welcome to “%(name)s”.") % {"name": invitation.workspace})
        response = redirect("workspaces:home", invitation.workspace.public_id)
        if language and form is not None:
            language_cookie(response, language)  # the pages after this one stay in it
        return response
    return render(request, "workspaces/accept.html", {"i": invitation, "form": form})
