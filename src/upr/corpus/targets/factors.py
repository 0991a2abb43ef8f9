"""The named factors of a target State's score, computed for all States at once (numpy only).

Each factor is a plain, explainable number about one recommending State — a chance, a rate per
review, a share, a count — so the page can say *why* a State is listed. The shipped score is the
product of the first two (``model.py``: P(takes part) × P(raises the issues | takes part)), split
into two additive parts; the other factors are shown as explanations (weight 0). A weighted sum
of the factors (``DEFAULT_WEIGHTS``) can still be asked for with ``rank_targets(weights=…)``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

import numpy as np

from .model import components
from .weights import MODEL_PARAMS

#: Factor names, in the order of the columns of ``factor_matrix``.
FACTORS: Final[tuple[str, ...]] = (
    "takes_part",  # P(the State recommends in the SuR's review), model.py
    "raises_issues",  # P(it recommends on the issues | it takes part), model.py
    "past_to_sur",  # recommendations on the issues to this SuR, per review of the SuR
    "sur_activity",  # share of the SuR's reviews in which the State recommended at all
    "issue_interest",  # recommendations on the issues per review, across all SuRs
    "neighbour_interest",  # the same, toward the SuR's regional group (the SuR excluded)
    "group_activity",  # share of the regional group's reviews in which the State recommended
    "participation",  # share of all reviews in which the State recommended
    "shared_group",  # 1 if the State sits in the SuR's regional group
    "shared_organisations",  # number of organisations both belong to (EU, AU, OIF, …)
    "specificity",  # share of its recommendations in action categories 4–5
)

#: The two chances whose product is the shipped score.
MODEL_FACTORS: Final[tuple[str, ...]] = ("takes_part", "raises_issues")

#: Factors that only a State's own past with the SuR can show; the pseudo-backtest inside one
#: cycle never sees them (each State is reviewed once a cycle), so their weights are transferred
#: from their regional-group counterparts (see docs/targets.md).
TRANSFERRED: Final[Mapping[str, str]] = {
    "past_to_sur": "neighbour_interest",
    "sur_activity": "group_activity",
}


def _rate(values: np.ndarray, mask: np.ndarray) -> np.ndarray:
    if not mask.any():
        return np.zeros(values.shape[0])
    return values[:, mask].mean(axis=1)


def factor_matrix(
    agg, topic: np.ndarray, sur: str, *, hide_sur: bool = False, params=None, comp=None
) -> np.ndarray:
    """[state, factor] values for every recommending State of the window ``agg``.

    ``topic`` is the [state, review] count of recommendations on the chosen issues. With
    ``hide_sur`` the SuR's own reviews are left out of every factor, as if it were reviewed for
    the first time: the leave-one-SuR-out pseudo-backtest that tunes the weights.
    """
    c = comp or components(agg, topic, sur, params or MODEL_PARAMS, hide_sur=hide_sur)
    keep = np.ones(len(agg.review_ids), dtype=bool)
    if hide_sur:
        keep = agg.review_sur != sur
    sur_info = agg.info.get(sur)
    group = sur_info.group if sur_info else ""
    orgs = sur_info.organisations if sur_info else frozenset()
    on_sur = (agg.review_sur == sur) & keep
    in_group = (agg.review_group == group) & (agg.review_sur != sur) & keep
    participated = (agg.made > 0).astype(float)
    infos = [agg.info.get(iso3) for iso3 in agg.states]
    columns = {
        "takes_part": c.takes_part,
        "raises_issues": c.raises,
        "past_to_sur": _rate(topic, on_sur),
        "sur_activity": _rate(participated, on_sur),
        "issue_interest": _rate(topic, keep),
        "neighbour_interest": _rate(topic, in_group),
        "group_activity": _rate(participated, in_group),
        "participation": _rate(participated, keep),
        "shared_group": np.array(
            [bool(group) and i is not None and i.group == group for i in infos], dtype=float
        ),
        "shared_organisations": np.array(
            [len(i.organisations & orgs) if i else 0 for i in infos], dtype=float
        ),
        "specificity": np.divide(
            agg.specific, agg.categorised, out=np.zeros(len(agg.states)), where=agg.categorised > 0
        ),
    }
    return np.column_stack([columns[name] for name in FACTORS])


def weight_vector(weights: Mapping[str, float]) -> np.ndarray:
    return np.array([weights.get(name, 0.0) for name in FACTORS])
