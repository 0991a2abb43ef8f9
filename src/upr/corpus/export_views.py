"""Download any search result as CSV, XLSX or JSON: same parameters as the search page, no cap."""

from __future__ import annotations

from django.http import FileResponse, Http404, HttpRequest, StreamingHttpResponse
from django.utils import timezone

from . import explore, exports
from .access import public_corpus
from .search_form import SearchForm

CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "json": "application/json",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def export_response(request: HttpRequest, fmt: str):
    if fmt not in CONTENT_TYPES:
        raise Http404
    form = SearchForm(request.GET)
    qs = explore.matching(form.text(), form.selection())
    base_url = request.build_absolute_uri("/").rstrip("/")
    name = f"upr-recommendations-{timezone.localdate():%Y-%m-%d}.{fmt}"
    if fmt == "xlsx":
        return FileResponse(
            exports.xlsx_file(qs, base_url),
            as_attachment=True,
            filename=name,
            content_type=CONTENT_TYPES[fmt],
        )
    chunks = exports.csv_chunks if fmt == "csv" else exports.json_chunks
    response = StreamingHttpResponse(chunks(qs, base_url), content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@public_corpus
def export(request: HttpRequest, fmt: str):
    return export_response(request, fmt)
