"""The account corner of every page: sign-in link, or the workspace switcher and sign-out."""

from __future__ import annotations

from django import template

from ..access import CURRENT_WORKSPACE_SESSION_KEY
from ..models import Membership

register = template.Library()


@register.inclusion_tag("workspaces/_account_menu.html", takes_context=True)
def account_menu(context) -> dict:
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"user": None, "request": request}
    memberships = Membership.objects.filter(user=user).select_related("workspace")
    return {
        "user": user,
        "memberships": memberships,
        "current": request.session.get(CURRENT_WORKSPACE_SESSION_KEY),
        "csrf_token": context.get("csrf_token"),
        "request": request,
    }
