"""Corpus figures at a glance (home page): counts by cycle, session, response, category, issue."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count

from .local_names import issue_label
from .models import ActionCategory, Issue, Pledge, Recommendation, Response, Review


@dataclass(frozen=True)
class Bar:
    label: str
    count: int
    share: float  # of the largest count, 0–1, for the bar's width
    link: str = ""


def _bars(pairs: list[tuple[str, int, str]]) -> list[Bar]:
    top = max((count for _, count, _ in pairs), default=0) or 1
    return [Bar(label, count, count / top, link) for label, count, link in pairs]


def corpus_overview() -> dict:
    recs = Recommendation.objects
    total = recs.count()
    by_cycle = recs.values_list("cycle").annotate(n=Count("id")).order_by("cycle")
    by_session = recs.values_list("session_id").annotate(n=Count("id")).order_by("session_id")
    by_response = dict(recs.values_list("response").annotate(n=Count("id")))
    by_action = dict(recs.values_list("action_category").annotate(n=Count("id")))
    issues = (
        Issue.objects.annotate(n=Count("recommendations"))
        .filter(n__gt=0)
        .order_by("-n", "name")
        .values_list("name", "n", "id")[:15]
    )
    return {
        "total": total,
        "pledges": Pledge.objects.count(),
        "reviews": Review.objects.filter(recommendations__isnull=False).distinct().count(),
        "states_under_review": recs.values("sur").distinct().count(),
        "recommending_states": Recommendation.recommending_states.through.objects.values("state")
        .distinct()
        .count(),
        "by_cycle": _bars([(f"{c}", n, f"cycle={c}") for c, n in by_cycle]),
        "by_session": _bars([(f"{s}", n, f"session={s}") for s, n in by_session]),
        "by_response": _bars(
            [
                (r.label, by_response[r.value], f"response={r.value}")
                for r in Response
                if by_response.get(r.value)  # no "Pending 0" with an empty bar
            ]
        ),
        "by_action": _bars(
            [(a.label, by_action.get(a.value, 0), f"action={a.value}") for a in ActionCategory]
        ),
        "top_issues": _bars([(issue_label(name), n, f"issue={pk}") for name, n, pk in issues]),
    }
