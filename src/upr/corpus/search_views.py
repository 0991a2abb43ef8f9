"""The search page: text query, facets with live counts, ranked and highlighted results.

The URL holds the whole state (a GET form), so a search can be shared, bookmarked and re-found
with the back button. With HTMX the form swaps only the results and facets (``#search``); without
JavaScript the same form submits normally and the server renders the whole page.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.safestring import mark_safe

from . import explore
from .access import public_corpus
from .facets import DIMENSIONS
from .search_form import SearchForm, facet_choices
from .search_query import highlight

SNIPPET_WORDS = 60


def _partial_wanted(request: HttpRequest) -> bool:
    """HTMX swaps, but a history restore (back button after a cache miss) needs the full page."""
    return bool(
        request.headers.get("HX-Request") and not request.headers.get("HX-History-Restore-Request")
    )


def _without(request: HttpRequest, key: str, value: str) -> str:
    params = request.GET.copy()
    params.setlist(key, [v for v in params.getlist(key) if v != value])
    params.pop("page", None)
    return params.urlencode()


@public_corpus
def search(request: HttpRequest) -> HttpResponse:
    choices = facet_choices()
    form = SearchForm(request.GET, choices=choices)
    selection = form.selection()
    page = form.cleaned_data.get("page") or 1
    sort = form.cleaned_data.get("sort") or ""
    text = form.text()
    outcome = explore.run(text, selection, choices=choices, page=page, sort=sort)
    rows = [
        (rec, mark_safe(highlight(outcome.query, rec.text, context=SNIPPET_WORDS)))  # noqa: S308 - escaped by highlight()
        for rec in outcome.results
    ]
    labels = {d.key: d.label for d in DIMENSIONS}
    chips = [
        (labels[f.key], v.label, _without(request, f.key, v.value))
        for f in outcome.facets
        for v in f.selected
    ]
    export_params = request.GET.copy()
    export_params.pop("page", None)
    context = {
        "form": form,
        "outcome": outcome,
        "rows": rows,
        "chips": chips,
        "export_query": export_params.urlencode(),
        "sorts": [(value, label) for value, label in form.fields["sort"].choices],
        # The sort asked for, not the one applied: a new search goes back to relevance unless
        # the person chose an order ("oldest" shown as chosen would stick to every new query).
        "requested_sort": sort,
        "query_text": text,
    }
    template = "corpus/search.html#search" if _partial_wanted(request) else "corpus/search.html"
    return render(request, template, context)
