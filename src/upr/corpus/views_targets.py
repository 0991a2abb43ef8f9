"""The target-State finder page and its CSV export (issue #4); the work is in ``targets``."""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from .access import public_corpus
from .local_names import regional_group_label
from .targets import TargetError, rank_targets
from .targets.export import write_csv
from .targets.forms import TargetForm

DEFAULT_LIMIT = 20


def _ranking(form: TargetForm):
    """(ranking, error message): the finder's answer to a valid form."""
    before = form.cleaned_data.get("before")
    try:
        ranking = rank_targets(
            form.cleaned_data["sur"],
            form.cleaned_data["issues"],
            form.keyword_list(),
            limit=form.cleaned_data.get("limit") or DEFAULT_LIMIT,
            history_sessions=range(1, before) if before else None,
        )
    except TargetError as exc:
        return None, str(exc)
    return ranking, ""


@public_corpus
def targets(request):
    form = TargetForm(request.GET or None)
    ranking, error = None, ""
    if form.is_bound and form.is_valid():
        ranking, error = _ranking(form)
    top = max((s.score for s in ranking.states), default=0) if ranking else 0
    return render(
        request,
        "corpus/targets.html",
        {
            "form": form,
            "ranking": ranking,
            "error": error,
            "top_score": top or 1,
            "group_label": regional_group_label(ranking.sur.group) if ranking else "",
            "csv_query": request.GET.urlencode(),
        },
        status=400 if error or (form.is_bound and not form.is_valid()) else 200,
    )


@public_corpus
def targets_csv(request):
    form = TargetForm(request.GET or None)
    if not form.is_valid():
        return HttpResponse(_("Invalid request: choose a State under Review and issues."),
                            status=400, content_type="text/plain; charset=utf-8")  # fmt: skip
    ranking, error = _ranking(form)
    if ranking is None:
        return HttpResponse(error, status=400, content_type="text/plain; charset=utf-8")
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    name = f"targets-{ranking.sur.iso3}.csv"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response.write("\ufeff")  # so that Excel reads "Côte d'Ivoire" as UTF-8
    write_csv(ranking, response)
    return response
