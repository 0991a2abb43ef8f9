"""Members and invitations of a workspace: everyone sees who is in; owners change it."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from .. import invitations
from ..access import workspace_view
from ..forms.workspaces import InvitationForm, RemoveMemberForm, RoleForm
from ..models import Invitation, Membership, Role


def _get_member(membership: Membership, pk: int) -> Membership:
    return get_object_or_404(
        Membership.objects.select_related("user"), workspace=membership.workspace, pk=pk
    )


@workspace_view(Role.VIEWER)
def members(request: HttpRequest, membership: Membership) -> HttpResponse:
    workspace = membership.workspace
    context = {
        "membership": membership,
        "members": Membership.objects.filter(workspace=workspace).select_related("user"),
        "invitations": Invitation.objects.filter(workspace=workspace).pending()
        if membership.is_owner
        else [],
        "roles": Role.choices,
    }
    return render(request, "workspaces/members.html", context)


@workspace_view(Role.OWNER, methods=("POST",))
def member_role(request: HttpRequest, membership: Membership, pk: int) -> HttpResponse:
    member = _get_member(membership, pk)
    form = RoleForm(request.POST, membership=member)
    error = ""
    if form.is_valid():
        member.role = form.cleaned_data["role"]
        member.save(update_fields=["role"])
    else:
        error = " ".join(form.errors.get("role", []))
    if request.headers.get("HX-Request"):
        # The refusal shows in the row itself: the select snapping back said nothing.
        context = {
            "membership": membership,
            "member": member,
            "roles": Role.choices,
            "role_error": error,
        }
        return render(request, "workspaces/members.html#member_row", context)
    if error:
        messages.error(request, error)
    return redirect("workspaces:members", membership.workspace.public_id)


@workspace_view(Role.VIEWER, methods=("POST",))
def member_remove(request: HttpRequest, membership: Membership, pk: int) -> HttpResponse:
    """Owners remove anyone; every member may leave (unless they are the last owner)."""
    member = _get_member(membership, pk)
    if member.pk != membership.pk and not membership.is_owner:
        raise Http404
    form = RemoveMemberForm(request.POST, membership=member)
    if not form.is_valid():
        messages.error(request, " ".join(form.non_field_errors()))
        return redirect("workspaces:members", membership.workspace.public_id)
    leaving = member.pk == membership.pk
    member.delete()
    if leaving:
        messages.success(request, _("You have left the workspace."))
        return redirect("workspaces:list")
    messages.success(request, _("%(who)s was removed.") % {"who": member.user})
    return redirect("workspaces:members", membership.workspace.public_id)


@workspace_view(Role.OWNER, methods=("GET", "POST"))
def invitation_create(request: HttpRequest, membership: Membership) -> HttpResponse:
    workspace = membership.workspace
    form = InvitationForm(request.POST or None, workspace=workspace)
    if request.method == "POST" and form.is_valid():
        invitations.invite(
            workspace,
            form.cleaned_data["email"],
            form.cleaned_data["role"],
            request.user,
            request.build_absolute_uri("/"),
            form.cleaned_data["language"],
        )
        messages.success(
            request,
            _("An invitation was sent to %(email)s.") % {"email": form.cleaned_data["email"]},
        )
        return redirect("workspaces:members", workspace.public_id)
    context = {
        "membership": membership,
        "form": form,
        "invitation_days": settings.UPR_INVITATION_DAYS,
    }
    return render(request, "workspaces/invite.html", context)


@workspace_view(Role.OWNER, methods=("POST",))
def invitation_revoke(request: HttpRequest, membership: Membership, pk: int) -> HttpResponse:
    invitation = get_object_or_404(
        Invitation.objects.pending(), workspace=membership.workspace, pk=pk
    )
    invitation.revoked_at = timezone.now()
    invitation.save(update_fields=["revoked_at"])
    messages.success(request, _("The invitation was withdrawn."))
    return redirect("workspaces:members", membership.workspace.public_id)
