"""Owning your data: take the whole workspace away as a zip, or delete it for good."""

from __future__ import annotations

from django.contrib import messages
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from ..access import workspace_view
from ..deletion import delete_workspace
from ..export import export_zip
from ..forms.workspaces import DeleteWorkspaceForm
from ..models import Membership, Role


@workspace_view(Role.OWNER)
def workspace_export(request: HttpRequest, membership: Membership) -> HttpResponse:
    workspace = membership.workspace
    filename = f"upr-workspace-{workspace.public_id}-{timezone.now():%Y%m%d-%H%M}.zip"
    return FileResponse(
        export_zip(workspace),
        as_attachment=True,
        filename=filename,
        content_type="application/zip",
    )


@workspace_view(Role.OWNER, methods=("GET", "POST"))
def workspace_delete(request: HttpRequest, membership: Membership) -> HttpResponse:
    workspace = membership.workspace
    form = DeleteWorkspaceForm(request.POST or None, workspace=workspace)
    if request.method == "POST" and form.is_valid():
        name = workspace.name
        delete_workspace(workspace, by_email=request.user.email)
        messages.success(request, _("The workspace “%(name)s” was deleted.") % {"name": name})
        return redirect("workspaces:list")
    return render(request, "workspaces/delete.html", {"membership": membership, "form": form})
