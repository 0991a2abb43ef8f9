"""The campaign's window on the target-State finder (``upr.corpus.targets``).

It asks the finder for a ranking for the campaign's SuR and priority issues and reduces the
answer to what the targets page shows (State, score, why).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.translation import gettext as _

from upr.corpus.local_names import list_separator
from upr.corpus.targets import TargetError, rank_targets

LIMIT = 20


@dataclass(frozen=True)
class Candidate:
    iso3: str
    name: str
    score: float
    why: str


class FinderError(Exception):
    """The finder cannot rank (e.g. no issue chosen); ``str()`` is a message for the user."""


def _why(state) -> str:
    """The finder's own explanations of the two factors that weigh most for this State, in
    the finder's order of factors, so that every State's reason reads the same way."""
    factors = [f for f in getattr(state, "factors", ()) if f.contribution > 0]
    top = sorted(factors, key=lambda f: -f.contribution)[:2]
    return list_separator().join(f.explanation for f in factors if f in top and f.explanation)


def _from_finder(ranking) -> list[Candidate]:
    return [Candidate(s.iso3, s.name, float(s.score), _why(s)) for s in ranking.states[:LIMIT]]


def rank_for_campaign(
    sur_iso3: str, issue_names: Sequence[str], session: int | None = None
) -> list[Candidate]:
    """Ranked candidate target States; raises ``FinderError`` with a message when it cannot.

    With the campaign's ``session``, only the sessions before it are history: once its own
    review is imported, "recommended in 4 of its 4 earlier reviews" would count it."""
    if not issue_names:
        raise FinderError(_("Add priority issues (with an issue of the taxonomy) first."))
    history = range(1, session) if session and session > 1 else None
    try:
        ranking = rank_targets(sur_iso3, list(issue_names), limit=LIMIT, history_sessions=history)
        return _from_finder(ranking)
    except TargetError as error:  # the finder's own errors carry a message fit for the user
        raise FinderError(str(error)) from error
