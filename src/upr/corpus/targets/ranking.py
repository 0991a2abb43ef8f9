"""``rank_targets``: the States to lobby for one SuR and some issues, each with its reasons.

A pure-ish API (reads the corpus, writes nothing) that the page, the ``targets`` command and a
later campaign app share: the campaign app can keep ``TargetState.iso3`` and
``TargetState.evidence_ids`` of the States an NGO picks.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
from django.db.models import Q

from ..models import Issue, Recommendation, Response, Session, State
from . import errors
from .aggregates import HistoryAggregates, StateInfo, load_aggregates, topic_matrix, topic_rows
from .explain import explain
from .factors import FACTORS, MODEL_FACTORS, factor_matrix, weight_vector
from .model import components, split
from .weights import MODEL_PARAMS

EVIDENCE_PER_STATE = 5
EXAMPLES_PER_STATE = 3


@dataclass(frozen=True)
class Factor:
    name: str
    label: str
    value: float
    weight: float
    contribution: float
    explanation: str


@dataclass(frozen=True)
class Evidence:
    """One recommendation that justifies a factor: to this SuR, or on the issues to another."""

    recommendation_id: int
    sur: str  # ISO3
    sur_name: str
    session: int
    response: str
    text: str
    to_sur: bool

    @property
    def response_label(self) -> str:
        return str(Response(self.response).label) if self.response in Response else self.response


@dataclass(frozen=True)
class TargetState:
    rank: int
    iso3: str
    name: str
    group: str
    organisations: frozenset[str]
    shared_organisations: tuple[str, ...]
    score: float
    factors: tuple[Factor, ...]
    evidence: tuple[Evidence, ...]

    @property
    def evidence_ids(self) -> tuple[int, ...]:
        return tuple(e.recommendation_id for e in self.evidence)

    @property
    def to_sur(self) -> tuple[Evidence, ...]:
        return tuple(e for e in self.evidence if e.to_sur)

    @property
    def examples(self) -> tuple[Evidence, ...]:
        return tuple(e for e in self.evidence if not e.to_sur)


@dataclass(frozen=True)
class TargetRanking:
    sur: StateInfo
    issues: tuple[str, ...]
    keywords: tuple[str, ...]
    history_sessions: tuple[int, ...]
    candidates: int
    states: tuple[TargetState, ...]

    def by_group(self) -> list[tuple[str, list[TargetState]]]:
        """The ranked States by regional group, for one briefing per group of embassies."""
        out: dict[str, list[TargetState]] = {}
        for s in self.states:
            out.setdefault(s.group or "—", []).append(s)
        return sorted(out.items(), key=lambda item: item[1][0].rank)

    def by_organisation(self) -> list[tuple[str, list[TargetState]]]:
        """The ranked States by organisation (a State may sit in several)."""
        out: dict[str, list[TargetState]] = {}
        for s in self.states:
            for org in sorted(s.organisations):
                out.setdefault(org, []).append(s)
        return sorted(out.items(), key=lambda item: (-len(item[1]), item[1][0].rank))


def resolve_sur(code_or_name: str) -> State:
    """A State by ISO3 code, short name or UN name (case-insensitive)."""
    text = code_or_name.strip()
    found = State.objects.filter(
        Q(iso3__iexact=text) | Q(name__iexact=text) | Q(un_name__iexact=text)
    ).first()
    if found is None:
        raise errors.UnknownSuR(text)
    return found


def resolve_issues(names: Sequence[str]) -> list[Issue]:
    """Issues by UPR Info name (2015 export or later spelling), case-insensitive."""
    wanted = [n.strip() for n in names if n.strip()]
    if not wanted:
        raise errors.NoIssues()
    issues = {i.name.lower(): i for i in Issue.objects.all()}
    issues.update({i.later_name.lower(): i for i in issues.values() if i.later_name})
    unknown = [n for n in wanted if n.lower() not in issues]
    if unknown:
        raise errors.UnknownIssue(unknown)
    return list({issues[n.lower()].pk: issues[n.lower()] for n in wanted}.values())


def all_sessions() -> tuple[int, ...]:
    return tuple(
        Session.objects.filter(recommendations__isnull=False)
        .distinct()
        .values_list("number", flat=True)
    )


def rank_targets(
    sur_iso3: str,
    issue_names: Sequence[str],
    keywords: Sequence[str] = (),
    *,
    history_sessions: Sequence[int] | None = None,
    limit: int | None = 20,
    weights: Mapping[str, float] | None = None,
) -> TargetRanking:
    """Rank every State seen recommending in the history window (the SuR excluded).

    The score is P(takes part in the review) × P(raises the issues | takes part) (``model.py``);
    with ``weights`` it is instead the weighted sum of the factors (e.g. ``DEFAULT_WEIGHTS``).

    Raises a ``TargetError`` (with a message for the user) for an unknown SuR or issue, a SuR
    without a review in the window, or issues nobody recommended on in the window.
    """
    sur = resolve_sur(sur_iso3)
    issues = resolve_issues(issue_names)
    keywords = tuple(k.strip() for k in keywords if k.strip())
    sessions = tuple(sorted(set(history_sessions or all_sessions())))
    if not sessions:
        raise errors.NoHistory()
    agg = load_aggregates(sessions)
    if not agg.states:
        raise errors.NoHistory()
    if not (agg.review_sur == sur.iso3).any():
        raise errors.NoSuRData(sur.name)
    rows = topic_rows(agg, [i.pk for i in issues], keywords)
    topic = topic_matrix(agg, rows)
    if not topic.any():
        raise errors.NoIssueHistory([i.name for i in issues])
    comp = components(agg, topic, sur.iso3, MODEL_PARAMS)
    x = factor_matrix(agg, topic, sur.iso3, comp=comp)
    is_candidate = np.array([iso3 != sur.iso3 for iso3 in agg.states])
    candidates = [int(k) for k in np.flatnonzero(is_candidate)]
    if weights is not None:  # the earlier weighted sum, on request
        contributions = x * weight_vector(weights)
        scores = contributions.sum(axis=1)
    else:  # the shipped model: P(takes part) × P(raises), split into two additive parts
        contributions = np.zeros(x.shape)
        for j, part in zip(range(len(MODEL_FACTORS)), split(comp, is_candidate), strict=True):
            contributions[:, j] = part
        scores = comp.score
    order = sorted(candidates, key=lambda k: (-scores[k], -agg.total[k], agg.states[k]))
    chosen = order[:limit] if limit else order
    evidence = _evidence(agg, sur.iso3, chosen, rows)
    sur_info = agg.info[sur.iso3]
    states = tuple(
        _target(rank, k, agg, topic, x[k], contributions[k], comp, sur_info, evidence)
        for rank, k in enumerate(chosen, start=1)
    )
    return TargetRanking(
        sur=sur_info,
        issues=tuple(i.name for i in issues),
        keywords=keywords,
        history_sessions=sessions,
        candidates=len(candidates),
        states=states,
    )


def _target(rank, k, agg: HistoryAggregates, topic, values, parts, comp, sur: StateInfo, evidence):
    """A ranked State; each factor's weight is its contribution per unit of its value."""
    evidence = evidence.get(agg.states[k], ())
    info = agg.info.get(agg.states[k]) or StateInfo(agg.states[k], agg.states[k], "", frozenset())
    factors = tuple(
        Factor(
            name=name,
            label=label,
            value=float(values[j]),
            weight=float(parts[j] / values[j]) if values[j] else 0.0,
            contribution=float(parts[j]),
            explanation=text,
        )
        for j, (name, (label, text)) in enumerate(
            zip(FACTORS, explain(agg, topic, k, sur, comp), strict=True)
        )
    )
    return TargetState(
        rank=rank,
        iso3=info.iso3,
        name=info.name,
        group=info.group,
        organisations=info.organisations,
        shared_organisations=tuple(sorted(info.organisations & sur.organisations)),
        score=float(sum(f.contribution for f in factors)),
        factors=factors,
        evidence=tuple(evidence),
    )


def _evidence(agg: HistoryAggregates, sur: str, chosen: list[int], rows: np.ndarray):
    """Per State: its recommendations on the topic to this SuR, then a few to other SuRs.

    Chosen among the topic rows in memory (newest first), then one query for their texts.
    """
    to_sur_review = agg.review_sur[agg.rec_review[rows]] == sur
    order = np.lexsort((agg.rec_id[rows], -agg.rec_session[rows]))
    picked: dict[int, tuple[list[int], list[int]]] = {k: ([], []) for k in chosen}
    # Examples to other States come from as many States as possible, newest first: three
    # recommendations to the same State (the first in import order) say less than three to three.
    example_surs: dict[int, set[str]] = {k: set() for k in chosen}
    review_sur = agg.review_sur[agg.rec_review[rows]]
    for j in order:
        k = int(agg.rec_state[rows[j]])
        if k not in picked:
            continue
        if to_sur_review[j]:
            bucket, cap = picked[k][0], EVIDENCE_PER_STATE
        elif review_sur[j] in example_surs[k]:
            continue
        else:
            bucket, cap = picked[k][1], EXAMPLES_PER_STATE
            if len(bucket) < cap:
                example_surs[k].add(review_sur[j])
        if len(bucket) < cap:
            bucket.append(int(agg.rec_id[rows[j]]))
    ids = [pk for a, b in picked.values() for pk in a + b]
    recs = {
        pk: (rec_sur, sur_name, session, response, text)
        for pk, rec_sur, sur_name, session, response, text in Recommendation.objects.filter(
            pk__in=ids
        ).values_list("id", "sur_id", "sur__name", "session_id", "response", "text")
    }
    out: dict[str, list[Evidence]] = {}
    for k, (a, b) in picked.items():
        out[agg.states[k]] = [
            Evidence(pk, *recs[pk][:4], recs[pk][4], recs[pk][0] == sur) for pk in a + b
        ]
    return out


def scores_for(agg: HistoryAggregates, topic: np.ndarray, sur: str, params=None) -> np.ndarray:
    """The raw scores of all States of the window (for tools that rank many pairs)."""
    return components(agg, topic, sur, params or MODEL_PARAMS).score
