"""The campaign's window on the target-State finder (``upr.corpus.targets``).

The finder is another room's work; this adapter asks it for a ranking for the campaign's SuR and
priority issues and reduces the answer to what the targets page shows (State, score, why). While
the finder is not installed, a plain count stands in: who recommended on these issues, to this SuR
first — the seeds' own first rule for finding target States [003].
"""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from dataclasses import dataclass

from django.db.models import Count, Q
from django.utils.translation import gettext as _

from upr.corpus.models import Recommendation, State

try:
    from upr.corpus.targets.errors import TargetError
except ImportError:  # the finder is not installed yet

    class TargetError(Exception):
        pass


LIMIT = 20


@dataclass(frozen=True)
class Candidate:
    iso3: str
    name: str
    score: float
    why: str


class FinderError(Exception):
    """The finder cannot rank (e.g. no issue chosen); ``str()`` is a message for the user."""


def _finder():
    """``upr.corpus.targets.rank_targets`` when that room is installed, else None."""
    try:
        return importlib.import_module("upr.corpus.targets").rank_targets
    except (ImportError, AttributeError):
        return None


def _why(state) -> str:
    """The finder's own explanations of the factors that weigh most for this State."""
    factors = sorted(
        (f for f in getattr(state, "factors", ()) if f.contribution > 0),
        key=lambda f: -f.contribution,
    )
    return "; ".join(f.explanation for f in factors[:2] if f.explanation)


def _from_finder(ranking) -> list[Candidate]:
    return [Candidate(s.iso3, s.name, float(s.score), _why(s)) for s in ranking.states[:LIMIT]]


def _fallback(sur_iso3: str, issue_names: Sequence[str]) -> list[Candidate]:
    on_issues = Q(recommendations_made__issues__name__in=issue_names)
    rows = (
        State.objects.exclude(iso3=sur_iso3)
        .annotate(
            to_sur=Count(
                "recommendations_made",
                filter=on_issues & Q(recommendations_made__sur_id=sur_iso3),
                distinct=True,
            ),
            overall=Count("recommendations_made", filter=on_issues, distinct=True),
        )
        .filter(overall__gt=0)
        .order_by("-to_sur", "-overall", "name")[:LIMIT]
    )
    return [
        Candidate(
            s.iso3,
            s.name,
            float(s.to_sur),
            _("%(to_sur)s recommendations on these issues to this State, %(overall)s to all.")
            % {"to_sur": s.to_sur, "overall": s.overall},
        )
        for s in rows
    ]


def rank_for_campaign(sur_iso3: str, issue_names: Sequence[str]) -> list[Candidate]:
    """Ranked candidate target States; raises ``FinderError`` with a message when it cannot."""
    if not issue_names:
        raise FinderError(_("Add priority issues (with an issue of the taxonomy) first."))
    finder = _finder()
    if finder is None:
        if not Recommendation.objects.exists():
            raise FinderError(_("The corpus is empty: import recommendations first."))
        return _fallback(sur_iso3, issue_names)
    try:
        return _from_finder(finder(sur_iso3, list(issue_names), limit=LIMIT))
    except TargetError as error:  # the finder's own errors carry a message fit for the user
        raise FinderError(str(error)) from error
