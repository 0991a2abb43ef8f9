"""Training rows from the corpus in the database.

Only UPR Info rows are used: their issues and action categories were coded by UPR Info's
people. Rows imported from UN documents carry no codes, and rows tagged through the suggestion
form would teach the model its own guesses back, so neither is trained on.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from upr.ml.api import TrainingRow

from ..models import Origin, Recommendation
from ..session_ranges import parse_sessions

__all__ = ["parse_sessions", "training_rows"]


def training_rows(sessions: Iterable[int] | None = None) -> list[TrainingRow]:
    """The coded UPR Info recommendations of ``sessions`` (all when None), in import order.

    Two queries, whatever the size: the texts, then the (recommendation, issue name) pairs.
    """
    recs = Recommendation.objects.filter(origin=Origin.UPR_INFO)
    if sessions is not None:
        recs = recs.filter(session_id__in=sorted(set(sessions)))
    issues: dict[int, set[str]] = defaultdict(set)
    pairs = Recommendation.issues.through.objects.filter(recommendation__in=recs).values_list(
        "recommendation_id", "issue__name"
    )
    for rec_id, name in pairs.iterator(chunk_size=5000):
        issues[rec_id].add(name)
    rows = []
    values = recs.order_by("id").values_list("id", "text", "action_category", "session_id")
    for rec_id, text, category, session in values.iterator(chunk_size=5000):
        labels = frozenset(issues.get(rec_id, ()))
        if labels or category is not None:
            rows.append(TrainingRow(text, labels, category, session))
    return rows
