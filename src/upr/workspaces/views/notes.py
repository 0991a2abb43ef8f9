"""Notes of a workspace: everyone reads, editors write; files only as downloads."""

from __future__ import annotations

from pathlib import PurePath

from django.contrib import messages
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from ..access import workspace_view
from ..forms.workspaces import NoteForm
from ..models import Membership, Note, Role


def _get_note_for_member(membership: Membership, pk: int, min_role: str = Role.VIEWER) -> Note:
    return get_object_or_404(Note.objects.for_membership(membership, min_role), pk=pk)


@workspace_view(Role.VIEWER)
def note_detail(request: HttpRequest, membership: Membership, pk: int) -> HttpResponse:
    note = _get_note_for_member(membership, pk)
    return render(request, "workspaces/note.html", {"membership": membership, "note": note})


@workspace_view(Role.EDITOR, methods=("GET", "POST"))
def note_create(request: HttpRequest, membership: Membership) -> HttpResponse:
    form = NoteForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        form.instance.workspace = membership.workspace
        note = form.save()
        messages.success(request, _("Note saved."))
        return redirect("workspaces:note", membership.workspace.public_id, note.pk)
    return render(request, "workspaces/note_form.html", {"membership": membership, "form": form})


@workspace_view(Role.EDITOR, methods=("GET", "POST"))
def note_edit(request: HttpRequest, membership: Membership, pk: int) -> HttpResponse:
    note = _get_note_for_member(membership, pk, Role.EDITOR)
    form = NoteForm(request.POST or None, request.FILES or None, instance=note)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Note saved."))
        return redirect("workspaces:note", membership.workspace.public_id, note.pk)
    context = {"membership": membership, "form": form, "note": note}
    return render(request, "workspaces/note_form.html", context)


@workspace_view(Role.EDITOR, methods=("POST",))
def note_delete(request: HttpRequest, membership: Membership, pk: int) -> HttpResponse:
    note = _get_note_for_member(membership, pk, Role.EDITOR)
    attachment = note.attachment.name
    note.delete()
    if attachment:
        note.attachment.storage.delete(attachment)
    messages.success(request, _("Note deleted."))
    return redirect("workspaces:home", membership.workspace.public_id)


@workspace_view(Role.VIEWER)
def note_file(request: HttpRequest, membership: Membership, pk: int) -> HttpResponse:
    note = _get_note_for_member(membership, pk)
    if not note.attachment:
        raise Http404
    try:
        handle = note.attachment.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    return FileResponse(handle, as_attachment=True, filename=PurePath(note.attachment.name).name)
