"""Upload a review's UN documents into the corpus (the web twin of ``upr import report``).

Who may: corpus editors (see editors.py). The import is parsed before its transaction and
refused whole on any problem; it runs inside the request because one review's documents parse
in seconds (the limit is the upload size, UPR_UPLOAD_MAX_BYTES).
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.utils.translation import gettext as _

from upr.sources.un_text import DocumentError
from upr.workspaces.access import signed_in

from .editors import is_corpus_editor
from .report_forms import ReportUploadForm
from .report_import import import_report

can_import_reports = is_corpus_editor  # the rule lives in editors.py


@signed_in
def report_upload(request):
    if not can_import_reports(request.user):
        raise PermissionDenied(_("Only staff and workspace owners may add to the corpus."))
    form = ReportUploadForm(request.POST or None, request.FILES or None)
    summary = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            summary = import_report(
                form.files_to_import(),
                sur=data["sur"] or None,
                session=data["session"],
                symbol=data["symbol"] or None,
            )
        except DocumentError as exc:
            form.add_error(None, _("Nothing was imported: %(reason)s") % {"reason": exc})
    status = 400 if request.method == "POST" and summary is None else 200
    context = {"form": form, "summary": summary}
    return render(request, "corpus/report_upload.html", context, status=status)
