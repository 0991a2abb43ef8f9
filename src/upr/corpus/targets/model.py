"""The shipped score: P(State r recommends on the issues to SuR S), a product of two chances.

P(r takes part in S's review) × P(r raises the issues | it takes part), for every recommending
State of the window at once (numpy only):

* taking part: r's rate of recommending in the other reviews of S's regional group (recent
  sessions weigh more when ``half_life`` > 0), shrunk toward its rate in all reviews with
  ``group_prior`` pseudo-reviews; on the odds scale × exp(``organisations`` × organisations in
  common + ``reciprocity`` × [S recommended in r's own review]); S's own earlier reviews then
  enter by empirical Bayes (a Beta prior at that chance worth ``sur_prior`` reviews);
* raising the issues: 1 − (1 − share)^m, share = r's share of its recommendations on the topic,
  smoothed toward the pooled share of all States with ``share_prior`` pseudo-recommendations (its
  recommendations to S itself enter with ``sur_share_prior`` pseudo-recommendations), m = its
  recommendations per review it took part in.

The tunable parameters are chosen by the leave-one-SuR-out pseudo-backtest inside cycle 1
(``evaluation.tune_model``); ``sur_prior`` and ``sur_share_prior`` by method of moments on cycle 1
(docs/targets.md), since one cycle never shows a State reviewed twice.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Final

import numpy as np

#: Parameters the leave-one-SuR-out search tunes, in search order, with the values it tries.
GRID: Final[dict[str, tuple[float, ...]]] = {
    "half_life": (0.0, 24.0, 12.0, 6.0, 3.0),  # sessions; 0 = no recency weighting
    "group_prior": (0.5, 2.0, 5.0, 10.0, 20.0, 50.0, 200.0),
    "share_prior": (0.5, 2.0, 5.0, 10.0, 20.0, 50.0),
    "organisations": (0.0, 0.1, 0.2, 0.4),
    "reciprocity": (0.0, 0.25, 0.5, 1.0, 2.0),
}
#: Where the search starts.
START: Final[dict[str, float]] = {
    "half_life": 0.0,
    "group_prior": 5.0,
    "share_prior": 5.0,
    "organisations": 0.0,
    "reciprocity": 0.0,
}


@dataclass(frozen=True)
class Components:
    """Per State of the window: the two chances and the numbers behind them."""

    takes_part: np.ndarray  # P(takes part in the SuR's review)
    raises: np.ndarray  # P(raises the topic | takes part)
    group_rate: np.ndarray  # participation in the other reviews of the SuR's group (shrunk)
    reciprocal: np.ndarray  # 1 if the SuR recommended in the State's own review
    shared_organisations: np.ndarray
    share: np.ndarray  # smoothed share of its recommendations on the topic
    per_review: np.ndarray  # recommendations per review it took part in

    @property
    def score(self) -> np.ndarray:
        return self.takes_part * self.raises


def _weights(agg, keep: np.ndarray, half_life: float) -> np.ndarray:
    sess = agg.review_session.astype(float)
    w = np.ones(len(sess)) if half_life <= 0 else 0.5 ** ((sess.max() - sess) / half_life)
    return w * keep


def participation(agg, sur: str, params: Mapping[str, float], *, hide_sur: bool = False):
    """(P(takes part), group rate, reciprocity, shared organisations) for every State."""
    n_states = len(agg.states)
    part = (agg.made > 0).astype(float)
    keep = agg.review_sur != sur
    w = _weights(agg, keep, params["half_life"])
    p_all = (part * w).sum(axis=1) / w.sum() if w.sum() else np.zeros(n_states)
    info = agg.info.get(sur)
    group = info.group if info else ""
    orgs = info.organisations if info else frozenset()
    wg = w * (agg.review_group == group)
    k = params["group_prior"]
    rate = ((part * wg).sum(axis=1) + k * p_all) / (wg.sum() + k)
    shared = np.array(
        [len(i.organisations & orgs) if i else 0 for i in map(agg.info.get, agg.states)],
        dtype=float,
    )
    reciprocal = np.zeros(n_states)
    me = agg.index(sur)
    if me is not None:
        reviewed = np.array(
            [agg.index(s) if agg.index(s) is not None else -1 for s in agg.review_sur]
        )
        ok = reviewed >= 0
        np.maximum.at(reciprocal, reviewed[ok], part[me, ok])
    odds = rate / np.clip(1 - rate, 1e-6, None)
    odds = odds * np.exp(params["organisations"] * shared + params["reciprocity"] * reciprocal)
    chance = odds / (1 + odds)
    if not hide_sur:
        on_sur = agg.review_sur == sur
        b = params["sur_prior"]
        chance = (b * chance + part[:, on_sur].sum(axis=1)) / (b + on_sur.sum())
    return chance, rate, reciprocal, shared


def raising(agg, topic: np.ndarray, sur: str, params: Mapping[str, float], *, hide_sur=False):
    """(P(raises the topic | takes part), smoothed share, recommendations per review)."""
    keep = agg.review_sur != sur
    on_topic, made = topic[:, keep].sum(axis=1), agg.made[:, keep].sum(axis=1)
    pooled = on_topic.sum() / made.sum() if made.sum() else 0.0
    a = params["share_prior"]
    share = (on_topic + a * pooled) / (made + a)
    if not hide_sur:
        on_sur = agg.review_sur == sur
        b = params["sur_share_prior"]
        share = (b * share + topic[:, on_sur].sum(axis=1)) / (b + agg.made[:, on_sur].sum(axis=1))
    w = _weights(agg, keep, params["half_life"])
    took_part = ((agg.made > 0) * w).sum(axis=1)
    per_review = np.divide(
        (agg.made * w).sum(axis=1), took_part, out=np.zeros(len(agg.states)), where=took_part > 0
    )
    return 1 - (1 - share) ** per_review, share, per_review


def components(agg, topic, sur: str, params: Mapping[str, float], *, hide_sur=False) -> Components:
    chance, rate, reciprocal, shared = participation(agg, sur, params, hide_sur=hide_sur)
    raises, share, per_review = raising(agg, topic, sur, params, hide_sur=hide_sur)
    return Components(chance, raises, rate, reciprocal, shared, share, per_review)


def split(c: Components, candidates: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Each State's score as the sum of a part due to each chance (exact Shapley split).

    Against the average candidate (A0, B0): A·B = A0·B0 + (A − A0)(B + B0)/2 + (B − B0)(A + A0)/2;
    the shared A0·B0 is halved between the two, so the two parts add up to the score.
    """
    a, b = c.takes_part, c.raises
    a0, b0 = a[candidates].mean(), b[candidates].mean()
    return a0 * b0 / 2 + (a - a0) * (b + b0) / 2, a0 * b0 / 2 + (b - b0) * (a + a0) / 2
