"""What the finder ships with, all set on cycle 1 (sessions 1–12) alone (docs/targets.md).

``MODEL_PARAMS`` are the parameters of the shipped score (``model.py``). The first five are
tuned by the leave-one-SuR-out pseudo-backtest inside cycle 1; regenerate them with
``upr evaluate targets --history 1-12 --truth 13-19`` (it prints them) and keep
``tests/corpus/test_targets_evaluation.py`` green: it re-tunes on sessions 1–12 and compares.
``sur_prior`` and ``sur_share_prior`` are method-of-moments fits on cycle 1
(``evaluation.sur_priors``; the test recomputes them too).

``DEFAULT_WEIGHTS`` are the weights of the earlier weighted-sum score (tuned on sessions 1–12 by
``evaluation.tune_weights``), kept for ``rank_targets(weights=…)`` and comparisons; it did not pass
the cycle-1 rule that chose the shipped model. Weights are per unit of each factor's value
(``factors.py``), so a contribution reads as weight × value.
"""

from __future__ import annotations

from types import MappingProxyType

MODEL_PARAMS = MappingProxyType(
    {
        "half_life": 0.0,
        "group_prior": 20.0,
        "share_prior": 50.0,
        "organisations": 0.1,
        "reciprocity": 0.5,
        "sur_prior": 0.86,
        "sur_share_prior": 37.9,
    }
)

DEFAULT_WEIGHTS = MappingProxyType(
    {
        "takes_part": 0.0,
        "raises_issues": 0.0,
        "past_to_sur": 8.5692,
        "sur_activity": 0.9719,
        "issue_interest": 9.6743,
        "neighbour_interest": 8.5692,
        "group_activity": 0.9719,
        "participation": 0.0,
        "shared_group": 0.2431,
        "shared_organisations": 0.0,
        "specificity": 0.0,
    }
)
