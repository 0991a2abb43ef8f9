"""Who may do what in a workspace: the one place where views check access.

Views of any app built on workspaces (campaigns, follow-up) take the workspace from the URL
keyword ``ws`` (its public id) and are decorated::

    @workspace_view(Role.EDITOR, methods=("GET", "POST"))
    def campaign_edit(request, membership, pk): ...

The decorator answers, in this order: anonymous → sign-in page; not a member (or no such
workspace) → 404, so outsiders cannot even learn that a workspace exists; the workspace demands
two-factor sign-in and the user has none → the 2FA setup page; role below ``min_role`` → 403.
It then runs the view with ``membership`` (user, workspace, role) and the audit actor set.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import wraps

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from .audit import acting_as
from .models import Membership, Role

CURRENT_WORKSPACE_SESSION_KEY = "upr_workspace"


class TwoFactorRequired(PermissionDenied):
    """The workspace requires 2FA and the member has not set it up yet."""


def _get_membership_for_user(request: HttpRequest, ws: str, min_role: str) -> Membership:
    """The signed-in user's membership of workspace ``ws`` with at least ``min_role``."""
    try:
        membership = Membership.objects.select_related("workspace").get(
            workspace__public_id=ws, user=request.user
        )
    except Membership.DoesNotExist:
        raise Http404(_("No such workspace.")) from None
    membership.user = request.user
    if membership.workspace.require_2fa and not request.user.has_2fa:
        raise TwoFactorRequired
    if not membership.has_role(min_role):
        raise PermissionDenied(_("Your role in this workspace does not allow this."))
    return membership


def signed_in(view: Callable) -> Callable:
    """Like ``login_required``, and every change the view makes is logged as this user's."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        with acting_as(request.user):
            return view(request, *args, **kwargs)

    return wrapper


def workspace_view(
    min_role: str = Role.VIEWER, methods: Iterable[str] = ("GET",)
) -> Callable[[Callable], Callable]:
    allowed = {m.upper() for m in methods}
    if "GET" in allowed:
        allowed.add("HEAD")
    allowed = sorted(allowed)

    def decorator(view: Callable) -> Callable:
        @wraps(view)
        def wrapper(request: HttpRequest, ws: str, *args, **kwargs) -> HttpResponse:
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            try:
                membership = _get_membership_for_user(request, ws, min_role)
            except TwoFactorRequired:
                messages.warning(
                    request, _("This workspace requires two-factor sign-in. Please set it up.")
                )
                return redirect("accounts:2fa_setup")
            if request.method not in allowed:
                return HttpResponseNotAllowed(allowed)
            if request.session.get(CURRENT_WORKSPACE_SESSION_KEY) != ws:  # no needless write
                request.session[CURRENT_WORKSPACE_SESSION_KEY] = ws
            with acting_as(request.user):
                return view(request, membership, *args, **kwargs)

        wrapper.min_role = min_role  # read by the persona tests
        return wrapper

    return decorator
