"""Per-State aggregates over a window of sessions, loaded with a few GROUP BY queries.

The finder scores every recommending State against every review in the window; doing that row by
row would take seconds, so the corpus is folded once into small numpy matrices (States × reviews)
and kept in memory until the corpus changes (a fingerprint of the recommendation table decides).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import reduce
from operator import or_

import numpy as np
from django.db.models import Count, Max, Q

from ..models import Issue, Recommendation, State

_RS = Recommendation.recommending_states.through
_CACHE: dict[tuple, HistoryAggregates] = {}
_CACHE_SIZE = 4


@dataclass(frozen=True)
class StateInfo:
    iso3: str
    name: str
    group: str
    organisations: frozenset[str]


@dataclass
class HistoryAggregates:
    """What every State did in every review of the window, as matrices indexed [state, review]."""

    sessions: tuple[int, ...]
    states: tuple[str, ...]  # recommending States seen in the window, sorted
    review_ids: np.ndarray  # [review] Review.pk
    review_sur: np.ndarray  # [review] ISO3 of the State under Review
    review_group: np.ndarray  # [review] its regional group
    review_session: np.ndarray  # [review] session number
    made: np.ndarray  # [state, review] number of recommendations made
    total: np.ndarray  # [state] recommendations made in the window
    specific: np.ndarray  # [state] recommendations of action category 4–5
    categorised: np.ndarray  # [state] recommendations with an action category
    rec_id: np.ndarray  # [row] one row per (recommendation, recommending State) of the window
    rec_state: np.ndarray  # [row] its State's index
    rec_review: np.ndarray  # [row] its review's index
    rec_session: np.ndarray  # [row] its session
    info: dict[str, StateInfo] = field(repr=False)
    _index: dict[str, int] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self._index = {iso3: k for k, iso3 in enumerate(self.states)}

    def index(self, iso3: str) -> int | None:
        return self._index.get(iso3)

    def review_index(self) -> dict[int, int]:
        return {int(pk): k for k, pk in enumerate(self.review_ids)}

    def matrix(self, rows: Iterable[tuple[str, int, int]]) -> np.ndarray:
        """A [state, review] count matrix from (state, review id, count) rows of the window."""
        out = np.zeros(self.made.shape)
        rix = self.review_index()
        for state, review, n in rows:
            s, r = self._index.get(state), rix.get(review)
            if s is not None and r is not None:
                out[s, r] += n
        return out


def _fingerprint() -> tuple:
    agg = Recommendation.objects.aggregate(n=Count("id"), last=Max("id"))
    return (agg["n"], agg["last"], _RS.objects.count())


def window_filter(sessions: Sequence[int]) -> Q:
    """Recommendations (seen through the recommending-State table) in the sessions."""
    return Q(recommendation__session_id__in=list(sessions))


def load_aggregates(sessions: Sequence[int]) -> HistoryAggregates:
    """The aggregates of a window of sessions, from the cache while the corpus is unchanged."""
    key = (tuple(sorted(set(sessions))), _fingerprint())
    if key not in _CACHE:
        if len(_CACHE) >= _CACHE_SIZE:
            _CACHE.pop(next(iter(_CACHE)))
        _CACHE[key] = _build(key[0])
    return _CACHE[key]


def _build(sessions: tuple[int, ...]) -> HistoryAggregates:
    info = _state_info()
    reviews = list(
        Recommendation.objects.filter(session_id__in=sessions)
        .values_list("review_id", "sur_id", "session_id")
        .distinct()
        .order_by("review_id")
    )
    pairs = list(
        _RS.objects.filter(window_filter(sessions)).values_list(
            "recommendation_id", "state_id", "recommendation__review_id"
        )
    )
    made_rows = [(state, review, 1) for _, state, review in pairs]
    cat_rows = (
        _RS.objects.filter(window_filter(sessions))
        .values_list("state_id", "recommendation__action_category")
        .annotate(n=Count("id"))
        .order_by()
    )
    states = tuple(sorted({state for state, _, _ in made_rows}))
    index = {iso3: k for k, iso3 in enumerate(states)}
    specific, categorised = np.zeros(len(states)), np.zeros(len(states))
    for state, category, n in cat_rows:
        if category is not None:
            categorised[index[state]] += n
            specific[index[state]] += n if category >= 4 else 0
    agg = HistoryAggregates(
        sessions=sessions,
        states=states,
        review_ids=np.array([r[0] for r in reviews], dtype=int),
        review_sur=np.array([r[1] for r in reviews], dtype=object),
        review_group=np.array(
            [info[r[1]].group if r[1] in info else "" for r in reviews], dtype=object
        ),
        review_session=np.array([r[2] for r in reviews], dtype=int),
        made=np.zeros((len(states), len(reviews))),
        total=np.zeros(len(states)),
        specific=specific,
        categorised=categorised,
        rec_id=np.array([p[0] for p in pairs], dtype=int),
        rec_state=np.array([index[p[1]] for p in pairs], dtype=int),
        rec_review=np.zeros(len(pairs), dtype=int),
        rec_session=np.zeros(len(pairs), dtype=int),
        info=info,
    )
    rix = agg.review_index()
    agg.rec_review = np.array([rix[p[2]] for p in pairs], dtype=int)
    agg.rec_session = agg.review_session[agg.rec_review] if len(pairs) else agg.rec_session
    agg.made = agg.matrix(made_rows)
    agg.total = agg.made.sum(axis=1)
    return agg


def _state_info() -> dict[str, StateInfo]:
    orgs: dict[str, set[str]] = {}
    for iso3, code in State.organisations.through.objects.values_list(
        "state_id", "organisation_id"
    ):
        orgs.setdefault(iso3, set()).add(code)
    return {
        iso3: StateInfo(iso3, name, group or "", frozenset(orgs.get(iso3, ())))
        for iso3, name, group in State.objects.values_list("iso3", "name", "regional_group")
    }


def topic_rows(
    agg: HistoryAggregates, issue_ids: Sequence[int], keywords: Sequence[str] = ()
) -> np.ndarray:
    """Positions (into ``agg.rec_*``) of the window's recommendations on the topic.

    The topic is any of the issues or, widening it, any keyword in the text: an NGO can catch
    recommendations that UPR Info filed under another issue. Two plain queries, no joins on text.
    """
    ids = set(
        Recommendation.issues.through.objects.filter(
            issue_id__in=list(issue_ids), recommendation__session_id__in=agg.sessions
        ).values_list("recommendation_id", flat=True)
    )
    if keywords:
        text = reduce(or_, (Q(text__icontains=k) for k in keywords))
        ids.update(
            Recommendation.objects.filter(text, session_id__in=agg.sessions).values_list(
                "id", flat=True
            )
        )
    return np.flatnonzero(np.isin(agg.rec_id, np.fromiter(ids, dtype=int, count=len(ids))))


def topic_matrix(agg: HistoryAggregates, rows: np.ndarray) -> np.ndarray:
    """[state, review] number of recommendations on the topic (``topic_rows``)."""
    out = np.zeros(agg.made.shape)
    np.add.at(out, (agg.rec_state[rows], agg.rec_review[rows]), 1)
    return out


def issue_tensor(agg: HistoryAggregates) -> tuple[dict[str, int], np.ndarray]:
    """Issue name → slot, and [issue, state, review] counts: one query for a whole backtest."""
    names = dict(Issue.objects.values_list("name", "id"))
    slot = {pk: k for k, pk in enumerate(names.values())}
    rows = (
        _RS.objects.filter(window_filter(agg.sessions))
        .exclude(recommendation__issues=None)
        .values_list("state_id", "recommendation__review_id", "recommendation__issues")
        .annotate(n=Count("id"))
        .order_by()
    )
    tensor = np.zeros((len(slot), *agg.made.shape))
    rix = agg.review_index()
    for state, review, issue, n in rows:
        s = agg.index(state)
        if s is not None and review in rix:
            tensor[slot[issue], s, rix[review]] += n
    return {name: slot[pk] for name, pk in names.items()}, tensor
