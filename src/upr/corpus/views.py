"""Corpus pages: the corpus at a glance and one recommendation (the list is the search page)."""

from __future__ import annotations

from django.shortcuts import get_object_or_404, render

from . import related
from .access import public_corpus
from .models import Recommendation
from .search_views import search
from .stats import corpus_overview

PAGE_SIZE = 50


@public_corpus
def home(request):
    return render(request, "corpus/home.html", {"overview": corpus_overview()})


# The list of recommendations is the search page (its facets take the home page's bar links).
recommendations = search


@public_corpus
def recommendation(request, pk: int):
    rec = get_object_or_404(
        Recommendation.objects.select_related("sur", "session", "review").prefetch_related(
            "recommending_states", "issues"
        ),
        pk=pk,
    )
    same = related.same_wording(rec)
    context = {
        "rec": rec,
        "other_cycles": related.same_issues_other_cycles(rec),
        "same_wording": same,
        "similar": related.similar_wording(rec, exclude={r.pk for r in same}),
    }
    return render(request, "corpus/recommendation.html", context)
