"""Upload a review's UN documents into the corpus (the web twin of ``upr import report``).

Who may: corpus editors (see editors.py). The form checks the files (kind, size) at once; the
parse and the import run in the background worker (:mod:`upr.corpus.report_tasks`), all or
nothing as on the command line, and the status page shows the outcome to whoever uploaded.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.tasks import TaskResultStatus
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from upr.workspaces.access import signed_in

from .editors import is_corpus_editor
from .models import State
from .report_errors import explain as explain_error
from .report_forms import ReportUploadForm
from .report_removal import remove_un_document_rows, un_document_rows
from .report_tasks import import_of, import_report_task, keep_uploads
from .worker import is_stalled

can_import_reports = is_corpus_editor  # the rule lives in editors.py


def _require_editor(request) -> None:
    if not can_import_reports(request.user):
        raise PermissionDenied(_("Only staff and workspace owners may add to the corpus."))


@signed_in
def report_upload(request):
    _require_editor(request)
    form = ReportUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        files = form.files_to_import()
        result = import_report_task.enqueue(
            directory=keep_uploads(files),
            names=[name for name, _data in files],
            sur=data["sur"] or None,
            session=data["session"],
            symbol=data["symbol"] or None,
            user_id=request.user.pk,
        )
        return redirect("corpus:report_status", task_id=result.id)
    status = 400 if request.method == "POST" else 200
    return render(request, "corpus/report_upload.html", {"form": form}, status=status)


@signed_in
def report_status(request, task_id):
    """Queued, running, or the summary / the reason nothing was imported; htmx polls it."""
    _require_editor(request)
    row = import_of(task_id, request.user.pk)
    if row is None:
        raise Http404(_("No such import."))  # someone else's upload is none of your business
    result = row.return_value if row.status == TaskResultStatus.SUCCESSFUL else None
    context = {
        "task": row,
        "finished": row.status in (TaskResultStatus.SUCCESSFUL, TaskResultStatus.FAILED),
        "failed": row.status == TaskResultStatus.FAILED,
        "error": explain_error(error) if (error := (result or {}).get("error")) else None,
        "summary": result if result and "error" not in result else None,
        # Still queued a minute later: no worker is taking tasks, and waiting will not help.
        "stalled": is_stalled(row),
    }
    if summary := context["summary"]:
        state = State.objects.filter(iso3=summary.get("sur")).only("name").first()
        context["sur_name"] = state.name if state else summary.get("sur")
    if request.headers.get("HX-Request"):
        return render(request, "corpus/_report_status.html", context)
    return render(request, "corpus/report_status.html", context)


@signed_in
def report_remove(request, task_id):
    """Undo an import: the person who made it (while they may still import) removes the
    review's UN-document rows after confirming. GET asks, POST removes."""
    _require_editor(request)
    row = import_of(task_id, request.user.pk)
    summary = row.return_value if row and row.status == TaskResultStatus.SUCCESSFUL else None
    if not summary or "error" in summary:
        raise Http404(_("No such import."))
    sur, session = summary["sur"], summary["session"]
    if request.method == "POST":
        removed = remove_un_document_rows(
            sur, session, summary.get("document_symbol") or "", request.user.pk
        )
        messages.success(
            request,
            ngettext(
                "%(n)d recommendation taken from the UN documents was removed.",
                "%(n)d recommendations taken from the UN documents were removed.",
                removed,
            )
            % {"n": removed},
        )
        return redirect("corpus:report_upload")
    state = State.objects.filter(iso3=sur).only("name").first()
    context = {
        "task": row,
        "summary": summary,
        "sur_name": state.name if state else sur,
        "count": un_document_rows(sur, session).count(),
    }
    return render(request, "corpus/report_remove.html", context)
