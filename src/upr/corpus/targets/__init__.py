"""The target-State finder: which States to lobby for a review, with the evidence (issue #4).

``rank_targets`` is the entry point for pages, commands and the campaign app; ``evaluation``
holds the backtest that tunes and checks the weights (docs/targets.md).
"""

from .errors import (
    NoHistory,
    NoIssueHistory,
    NoIssues,
    NoSuRData,
    TargetError,
    UnknownIssue,
    UnknownSuR,
)
from .ranking import Evidence, Factor, TargetRanking, TargetState, rank_targets

__all__ = [
    "Evidence",
    "Factor",
    "NoHistory",
    "NoIssueHistory",
    "NoIssues",
    "NoSuRData",
    "TargetError",
    "TargetRanking",
    "TargetState",
    "UnknownIssue",
    "UnknownSuR",
    "rank_targets",
]
