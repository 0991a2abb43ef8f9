"""Recommendations related to one recommendation: earlier and later ones on the same issues to
the same State (did the concern come back?), and the same or similar wording made by others."""

from __future__ import annotations

from collections import defaultdict

from django.db.models import Count, Q

from .models import Recommendation
from .search import scored_matches
from .search_query import Item, Query, tokens
from .text_words import COMMON_WORDS

LIMIT = 30


def _listing(qs):
    return qs.select_related("sur").prefetch_related("recommending_states", "issues")


def same_issues_other_cycles(rec: Recommendation) -> dict[int, list[Recommendation]]:
    """Cycle → recommendations to the same State in other cycles sharing an issue (most first)."""
    issue_ids = [i.pk for i in rec.issues.all()]
    if not issue_ids:
        return {}
    qs = (
        Recommendation.objects.filter(sur_id=rec.sur_id, issues__in=issue_ids)
        .exclude(cycle=rec.cycle)
        .annotate(shared=Count("issues", filter=Q(issues__in=issue_ids)))
        .order_by("cycle", "-shared", "session_id", "id")
    )
    by_cycle: dict[int, list[Recommendation]] = defaultdict(list)
    for other in _listing(qs)[: LIMIT * 4]:
        if len(by_cycle[other.cycle]) < LIMIT:
            by_cycle[other.cycle].append(other)
    return dict(sorted(by_cycle.items()))


def same_wording(rec: Recommendation) -> list[Recommendation]:
    """Other rows with the same text (any case): the same recommendation made by other States."""
    return list(
        _listing(Recommendation.objects.filter(text__iexact=rec.text).exclude(pk=rec.pk)).order_by(
            "session_id", "sur_id", "id"
        )[:LIMIT]
    )


def similar_wording(rec: Recommendation, exclude: set[int] | None = None) -> list[Recommendation]:
    """The texts sharing most of this text's distinctive words, by full-text relevance."""
    words = [w for w in dict.fromkeys(tokens(rec.text)) if len(w) > 3 and w not in COMMON_WORDS]
    words.sort(key=len, reverse=True)
    if not words:
        return []
    query = Query(clauses=(tuple(Item((w,)) for w in words[:12]),))
    ids, scores = scored_matches(query)
    skip = {rec.pk} | (exclude or set())
    ranked = [pk for _, pk in sorted(zip(scores, ids, strict=True), key=lambda p: (-p[0], p[1]))]
    top = [pk for pk in ranked if pk not in skip][:10]
    found = _listing(Recommendation.objects.filter(pk__in=top)).in_bulk()
    return [found[pk] for pk in top if pk in found]
