"""The list of one's workspaces (the switcher), creating one, its home page and its settings."""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from ..access import CURRENT_WORKSPACE_SESSION_KEY, signed_in, workspace_view
from ..forms.workspaces import WorkspaceForm, WorkspaceSettingsForm
from ..models import Membership, Note, Role


@signed_in
@require_safe
def workspace_list(request: HttpRequest) -> HttpResponse:
    memberships = Membership.objects.filter(user=request.user).select_related("workspace")
    current = request.session.get(CURRENT_WORKSPACE_SESSION_KEY)
    return render(request, "workspaces/list.html", {"memberships": memberships, "current": current})


@signed_in
def workspace_create(request: HttpRequest) -> HttpResponse:
    form = WorkspaceForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            workspace = form.save()
            Membership.objects.create(workspace=workspace, user=request.user, role=Role.OWNER)
        messages.success(request, _("The workspace “%(name)s” is ready.") % {"name": workspace})
        return redirect("workspaces:home", workspace.public_id)
    return render(request, "workspaces/create.html", {"form": form})


@workspace_view(Role.VIEWER)
def workspace_home(request: HttpRequest, membership: Membership) -> HttpResponse:
    notes = Note.objects.for_membership(membership).only("title", "updated_at", "attachment")
    page = Paginator(notes, 50).get_page(request.GET.get("page"))
    return render(request, "workspaces/home.html", {"membership": membership, "page": page})


@workspace_view(Role.OWNER, methods=("GET", "POST"))
def workspace_settings(request: HttpRequest, membership: Membership) -> HttpResponse:
    workspace = membership.workspace
    form = WorkspaceSettingsForm(request.POST or None, instance=workspace, user=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Settings saved."))
        return redirect("workspaces:settings", workspace.public_id)
    return render(request, "workspaces/settings.html", {"membership": membership, "form": form})
