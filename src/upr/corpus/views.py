"""Corpus pages: the corpus at a glance, the list of recommendations, one recommendation."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render

from .access import public_corpus
from .models import Recommendation
from .stats import corpus_overview

PAGE_SIZE = 50


@public_corpus
def home(request):
    return render(request, "corpus/home.html", {"overview": corpus_overview()})


@public_corpus
def recommendations(request):
    queryset = Recommendation.objects.select_related("sur").prefetch_related(
        "recommending_states", "issues"
    )
    page = Paginator(queryset, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "corpus/recommendations.html", {"page": page})


@public_corpus
def recommendation(request, pk: int):
    rec = get_object_or_404(
        Recommendation.objects.select_related("sur", "session", "review").prefetch_related(
            "recommending_states", "issues"
        ),
        pk=pk,
    )
    return render(request, "corpus/recommendation.html", {"rec": rec})
