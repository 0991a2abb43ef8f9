"""Read-only JSON API: search, facets, recommendations and States (described in openapi.json).

Same parameters and same rows as the search page; input goes through the same form, so a bad
value is a 400 with the form's errors, never a server error.
"""

from __future__ import annotations

import json
from pathlib import Path

from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_GET

from . import explore, profiles
from .access import public_corpus
from .export_views import export_response
from .models import Recommendation, State
from .search_form import SearchForm, facet_choices

OPENAPI = Path(__file__).with_name("openapi.json")
MAX_PER_PAGE = 500


def _recommendation(rec: Recommendation, request: HttpRequest) -> dict:
    return {
        "id": rec.pk,
        "url": request.build_absolute_uri(f"/recommendations/{rec.pk}/"),
        "sur": rec.sur_id,
        "sur_name": rec.sur.name,
        "recommending_states": [s.iso3 for s in rec.recommending_states.all()],
        "recommending_unknown": rec.recommending_unknown,
        "text": rec.text,
        "response": rec.response,
        "response_original": rec.response_original,
        "action_category": rec.action_category,
        "issues": [i.name for i in rec.issues.all()],
        "session": rec.session_id,
        "cycle": rec.cycle,
        "paragraph": rec.paragraph,
        "document_symbol": rec.document_symbol,
        "origin": rec.origin,
    }


def _hit(hit: explore.Hit, request: HttpRequest) -> dict:
    return {
        "id": hit.pk,
        "url": request.build_absolute_uri(f"/recommendations/{hit.pk}/"),
        "sur": hit.sur_id,
        "sur_name": hit.sur_name,
        "recommending_states": [iso3 for iso3, _name in hit.states],
        "recommending_unknown": hit.recommending_unknown,
        "text": hit.text,
        "response": hit.response,
        "action_category": hit.action_category,
        "issues": hit.issues,
        "session": hit.session_id,
        "cycle": hit.cycle,
    }


def _facets_json(outcome: explore.Outcome) -> dict:
    return {
        f.key: [
            {"value": v.value, "label": v.label, "count": v.count, "selected": v.selected}
            for v in f.values
        ]
        for f in outcome.facets
    }


def _searched(request: HttpRequest, *, results: bool):
    choices = facet_choices()
    form = SearchForm(request.GET, choices=choices)
    selection = form.selection()
    if form.errors:
        return None, JsonResponse({"errors": form.errors.get_json_data()}, status=400)
    try:
        per_page = min(MAX_PER_PAGE, max(1, int(request.GET.get("per_page", explore.PER_PAGE))))
    except ValueError:
        per_page = explore.PER_PAGE
    outcome = explore.run(
        form.text(),
        selection,
        choices=choices,
        page=form.cleaned_data.get("page") or 1,
        per_page=per_page,
        sort=form.cleaned_data.get("sort") or "",
        with_results=results,
    )
    return outcome, None


@require_GET
@public_corpus
def search(request: HttpRequest) -> JsonResponse:
    outcome, error = _searched(request, results=True)
    if error:
        return error
    return JsonResponse(
        {
            "query": str(outcome.query),
            "total": outcome.total,
            "page": outcome.page,
            "per_page": outcome.per_page,
            "pages": outcome.num_pages,
            "sort": outcome.sort,
            "results": [_hit(h, request) for h in outcome.results],
            "facets": _facets_json(outcome),
        }
    )


@require_GET
@public_corpus
def facets(request: HttpRequest) -> JsonResponse:
    outcome, error = _searched(request, results=False)
    if error:
        return error
    return JsonResponse(
        {"query": str(outcome.query), "total": outcome.total, "facets": _facets_json(outcome)}
    )


@require_GET
@public_corpus
def recommendation(request: HttpRequest, pk: int) -> JsonResponse:
    rec = get_object_or_404(
        Recommendation.objects.select_related("sur").prefetch_related(
            "recommending_states", "issues"
        ),
        pk=pk,
    )
    return JsonResponse(_recommendation(rec, request))


@require_GET
@public_corpus
def states(request: HttpRequest) -> JsonResponse:
    return JsonResponse(
        {
            "states": [
                {
                    "iso3": s.iso3,
                    "name": s.name,
                    "un_name": s.un_name,
                    "regional_group": s.regional_group,
                    "observer": s.observer,
                    "received": received,
                    "made": made,
                }
                for s, received, made in profiles.states_overview()
            ]
        }
    )


def _profile_json(p: profiles.Profile) -> dict:
    return {
        "total": p.total,
        "support_rate": p.support_rate,
        "specific_share": p.specific_share,
        "per_cycle": [
            {
                "cycle": c.cycle,
                "total": c.total,
                "supported": c.supported,
                "noted": c.noted,
                "pending": c.pending,
            }
            for c in p.per_cycle
        ],
        "issues": [{"issue": n, "count": c, "share": s} for n, c, s in p.issues],
        "states": [{"iso3": s.iso3, "name": s.name, "count": n} for s, n in p.counterparts],
        "action_categories": [{"category": k, "count": n} for k, n in p.action_mix],
    }


@require_GET
@public_corpus
def state(request: HttpRequest, iso3: str) -> JsonResponse:
    state = get_object_or_404(State, iso3=iso3.upper())
    made = profiles.as_recommending_state(state)
    made_json = _profile_json(made)
    made_json["issues_vs_average"] = [
        {"issue": n, "share": mine, "average_share": avg} for n, mine, avg in made.issue_vs_average
    ]
    return JsonResponse(
        {
            "iso3": state.iso3,
            "name": state.name,
            "regional_group": state.regional_group,
            "as_state_under_review": _profile_json(profiles.as_state_under_review(state)),
            "as_recommending_state": made_json,
        }
    )


@require_GET
@public_corpus
def export(request: HttpRequest, fmt: str):
    return export_response(request, fmt)


@require_GET
def openapi(request: HttpRequest) -> HttpResponse:
    try:
        document = json.loads(OPENAPI.read_text(encoding="utf-8"))
    except OSError as exc:
        raise Http404 from exc
    return JsonResponse(document)
