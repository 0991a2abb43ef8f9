"""The factor weights the finder ships with: tuned on cycle 1 (sessions 1–12) alone.

Regenerate with ``upr evaluate targets --history 1-12 --truth 13-19`` (it prints them) and keep
``tests/corpus/test_targets_evaluation.py`` green: it re-tunes on sessions 1–12 and compares.
Weights are per unit of each factor's value (``factors.py``), so a contribution reads as
weight × value.
"""

from __future__ import annotations

from types import MappingProxyType

DEFAULT_WEIGHTS = MappingProxyType(
    {
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
