"""The backtest: rank with one window of sessions, score against who recommended in a later one.

For each (SuR, issue) pair of the truth window with at least ``MIN_TRUE`` recommending States, the
candidates (every State seen recommending in the history window, the SuR excluded) are ranked and
compared with the set of States that made at least one recommendation on that issue to that SuR
in the truth window: precision@10, recall@10 and mean average precision.

The shipped model (``model.py``) is tuned inside the history window only, by a leave-one-SuR-out
pseudo-backtest: each SuR's own review is hidden and predicted from everything else
(``tune_model``). What needs an earlier review of the same SuR cannot be observed that way; its
two priors are method-of-moments fits on the history window (``sur_priors``). The truth window is
never looked at until the figures are computed. ``tune_weights`` tunes the earlier weighted sum
the same way (kept for comparison; docs/targets.md says why it is not shipped).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
from django.db.models import Q

from ..models import Recommendation
from .aggregates import HistoryAggregates, issue_tensor, load_aggregates
from .factors import FACTORS, MODEL_FACTORS, TRANSFERRED, factor_matrix
from .model import GRID as MODEL_GRID
from .model import START, participation, raising

MIN_TRUE = 3
K = 10
#: Multipliers tried for each weight (on standardised factors) by the coordinate search.
GRID = (-1.0, -0.5, -0.25, 0.0, 0.1, 0.25, 0.5, 1.0, 2.0, 4.0)
ROUNDS = 2

type Pair = tuple[str, str, frozenset[str]]  # SuR, issue name, true recommending States
type Progress = Callable[[str], None]


@dataclass(frozen=True)
class Figures:
    precision: float
    recall: float
    map: float
    pairs: int


@dataclass(frozen=True)
class BacktestResult:
    history: tuple[int, ...]
    truth: tuple[int, ...]
    model: Figures
    baseline: Figures
    params: dict[str, float]  # the model's parameters (tuned on history unless given)
    inner_model: Figures  # the tuned model inside the history window (leave-one-SuR-out)
    inner_baseline: Figures


def truth_pairs(sessions: Sequence[int], min_true: int = MIN_TRUE) -> list[Pair]:
    """(SuR, issue, States) for every pair with at least ``min_true`` recommending States."""
    rows = (
        Recommendation.recommending_states.through.objects.filter(
            Q(recommendation__session_id__in=list(sessions))
        )
        .exclude(recommendation__issues=None)
        .values_list("recommendation__sur_id", "recommendation__issues__name", "state_id")
        .distinct()
    )
    found: dict[tuple[str, str], set[str]] = {}
    for sur, issue, state in rows:
        found.setdefault((sur, issue), set()).add(state)
    return sorted(
        (sur, issue, frozenset(states))
        for (sur, issue), states in found.items()
        if len(states) >= min_true
    )


@dataclass
class _Stack:
    """All pairs at once: factors [pair, state, factor], truth [pair, state], sizes [pair]."""

    x: np.ndarray
    baseline: np.ndarray
    truth: np.ndarray
    n_true: np.ndarray
    candidate: np.ndarray


def _stack(
    agg: HistoryAggregates, pairs: list[Pair], *, hide_sur: bool, factors: bool = False
) -> _Stack:
    slots, tensor = issue_tensor(agg)
    n, s = len(pairs), len(agg.states)
    x = np.zeros((n, s, len(FACTORS) if factors else 0))
    baseline = np.zeros((n, s))
    truth = np.zeros((n, s), dtype=bool)
    candidate = np.ones((n, s), dtype=bool)
    states = np.array(agg.states, dtype=object)
    for p, (sur, issue, true) in enumerate(pairs):
        topic = tensor[slots[issue]] if issue in slots else np.zeros(agg.made.shape)
        if factors:
            x[p] = factor_matrix(agg, topic, sur, hide_sur=hide_sur)
        keep = agg.review_sur != sur if hide_sur else slice(None)
        baseline[p] = topic[:, keep].sum(axis=1)
        truth[p] = np.isin(states, list(true))
        candidate[p] = states != sur
    n_true = np.array([len(true) for _, _, true in pairs], dtype=float)
    return _Stack(x, baseline, truth, n_true, candidate)


def figures(scores: np.ndarray, stack: _Stack, tiebreak: np.ndarray) -> Figures:
    """P@K, R@K and MAP; ties are broken by the States' volume of recommendations, then name.

    ``tiebreak`` orders the State axis (most recommendations first, then ISO3), so a stable sort
    of the scores keeps that order among equals.
    """
    if not len(scores):
        return Figures(0.0, 0.0, 0.0, 0)
    s = np.where(stack.candidate, scores, -np.inf)[:, tiebreak]
    truth = stack.truth[:, tiebreak]
    order = np.argsort(-s, axis=1, kind="stable")
    hits = np.take_along_axis(truth, order, axis=1).astype(float)
    top = hits[:, :K].sum(axis=1)
    ranks = np.arange(1, hits.shape[1] + 1)
    ap = (np.cumsum(hits, axis=1) / ranks * hits).sum(axis=1) / stack.n_true
    return Figures(
        precision=float((top / K).mean()),
        recall=float((top / stack.n_true).mean()),
        map=float(ap.mean()),
        pairs=len(scores),
    )


def _tiebreak(agg: HistoryAggregates) -> np.ndarray:
    return np.lexsort((np.array(agg.states), -agg.total))


def _objective(f: Figures) -> float:
    return f.precision + f.map


def tune_weights(agg: HistoryAggregates, progress: Progress | None = None):
    """Weights from a leave-one-SuR-out pseudo-backtest inside the history window alone.

    Coordinate search on standardised factors, starting from the issue interest alone (the
    baseline), keeping a change only when P@10 + MAP of the hidden reviews improves.
    """
    pairs = truth_pairs(agg.sessions)
    stack = _stack(agg, pairs, hide_sur=True, factors=True)
    tiebreak = _tiebreak(agg)
    flat = stack.x[stack.candidate]
    sd = flat.std(axis=0) if len(flat) else np.ones(len(FACTORS))
    sd[sd == 0] = 1.0
    z = stack.x / sd
    w = np.zeros(len(FACTORS))
    w[FACTORS.index("issue_interest")] = 1.0
    best = figures(z @ w, stack, tiebreak)
    tunable = [
        k for k, name in enumerate(FACTORS) if name not in TRANSFERRED and name not in MODEL_FACTORS
    ]
    for _ in range(ROUNDS):
        for k in tunable:
            if FACTORS[k] == "issue_interest":
                continue
            for value in GRID:
                trial = w.copy()
                trial[k] = value
                f = figures(z @ trial, stack, tiebreak)
                if _objective(f) > _objective(best) + 1e-9:
                    best, w = f, trial
            if progress:
                progress(f"  {FACTORS[k]}: {w[k]:+.2f} (inner P@10 {best.precision:.4f})")
    raw = w / sd
    weights = {name: float(raw[k]) for k, name in enumerate(FACTORS)}
    for target, source in TRANSFERRED.items():
        weights[target] = weights[source]
    inner_baseline = figures(stack.baseline, stack, tiebreak)
    return weights, best, inner_baseline


def model_scores(
    agg: HistoryAggregates, pairs: list[Pair], params, *, hide_sur: bool
) -> np.ndarray:
    """[pair, state] scores of the shipped model; P(takes part) is computed once per SuR."""
    slots, tensor = issue_tensor(agg)
    out = np.zeros((len(pairs), len(agg.states)))
    chances: dict[str, np.ndarray] = {}
    for p, (sur, issue, _) in enumerate(pairs):
        if sur not in chances:
            chances[sur] = participation(agg, sur, params, hide_sur=hide_sur)[0]
        topic = tensor[slots[issue]] if issue in slots else np.zeros(agg.made.shape)
        out[p] = chances[sur] * raising(agg, topic, sur, params, hide_sur=hide_sur)[0]
    return out


def tune_model(agg: HistoryAggregates, progress: Progress | None = None):
    """The model's parameters from the leave-one-SuR-out pseudo-backtest inside the window.

    Coordinate search over ``model.GRID`` (2 rounds) from ``model.START``, keeping a change only
    when P@10 + MAP of the hidden reviews improves. ``sur_prior`` / ``sur_share_prior`` are
    invisible there (the SuR's review is hidden) and come from ``sur_priors``.
    """
    pairs = truth_pairs(agg.sessions)
    stack = _stack(agg, pairs, hide_sur=True)
    tiebreak = _tiebreak(agg)
    params = {**START, **sur_priors(agg)}
    best = figures(model_scores(agg, pairs, params, hide_sur=True), stack, tiebreak)
    for _ in range(ROUNDS):
        for name, values in MODEL_GRID.items():
            for value in values:
                if value == params[name]:
                    continue
                trial = {**params, name: value}
                f = figures(model_scores(agg, pairs, trial, hide_sur=True), stack, tiebreak)
                if _objective(f) > _objective(best) + 1e-9:
                    best, params = f, trial
            if progress:
                progress(f"  {name}: {params[name]:g} (inner P@10 {best.precision:.4f})")
    return params, best, figures(stack.baseline, stack, tiebreak)


def sur_priors(agg: HistoryAggregates) -> dict[str, float]:
    """How much one earlier review of the SuR counts, by method of moments on the window.

    ``sur_prior`` (pseudo-reviews): Gamma–Poisson, pooled mean / between-review variance of each
    State's recommendation counts across the reviews of one regional group. ``sur_share_prior``
    (pseudo-recommendations): beta-binomial, (1 − ρ)/ρ for the intra-review correlation ρ of a
    State's issue shares (ANOVA estimator, weighted by recommendations on the issue; States with
    ≥ 10 reviews and ≥ 5 such recommendations). Both read all between-review variation as a lasting
    tie to the SuR, so they give the SuR's own review as much weight as the window can justify.
    """
    made = agg.made
    mean_sum = excess_sum = 0.0
    for group in set(agg.review_group):
        cols = agg.review_group == group
        if cols.sum() < 2:
            continue
        x = made[:, cols]
        m, v = x.mean(axis=1), x.var(axis=1, ddof=1)
        mean_sum += m.sum() * cols.sum()
        excess_sum += (v - m).sum() * cols.sum()
    slots, tensor = issue_tensor(agg)
    rhos, weights = [], []
    for slot in slots.values():
        for r in range(len(agg.states)):
            ok = made[r] > 0
            n, k = made[r, ok], tensor[slot, r, ok]
            if ok.sum() < 10 or k.sum() < 5:
                continue
            total, j = n.sum(), len(n)
            p = k.sum() / total
            if p >= 1:
                continue
            msb = ((k - n * p) ** 2 / n).sum() / (j - 1)
            msw = (k - k**2 / n).sum() / (total - j) if total > j else np.nan
            n0 = (total - (n**2).sum() / total) / (j - 1)
            rho = (msb - msw) / (msb + (n0 - 1) * msw)
            if np.isfinite(rho):
                rhos.append(rho)
                weights.append(k.sum())
    rho = float(np.average(rhos, weights=weights)) if rhos else 0.0
    return {
        "sur_prior": round(float(mean_sum / excess_sum), 2) if excess_sum > 0 else 1.0,
        "sur_share_prior": round((1 - rho) / rho, 1) if rho > 0 else 100.0,
    }


def backtest(
    history: Sequence[int],
    truth: Sequence[int],
    *,
    params: dict[str, float] | None = None,
    progress: Progress | None = None,
) -> BacktestResult:
    """Tune on ``history`` (unless ``params`` are given), then score the ranking on ``truth``."""
    agg = load_aggregates(history)
    if params is None:
        params, inner, inner_base = tune_model(agg, progress)
    else:
        inner = inner_base = Figures(0.0, 0.0, 0.0, 0)
    pairs = truth_pairs(truth)
    stack = _stack(agg, pairs, hide_sur=False)
    tiebreak = _tiebreak(agg)
    return BacktestResult(
        history=tuple(sorted(set(history))),
        truth=tuple(sorted(set(truth))),
        model=figures(model_scores(agg, pairs, params, hide_sur=False), stack, tiebreak),
        baseline=figures(stack.baseline, stack, tiebreak),
        params=dict(params),
        inner_model=inner,
        inner_baseline=inner_base,
    )
