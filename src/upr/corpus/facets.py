"""Facets of the corpus: how each field filters recommendations and how its values are counted.

Values within one facet combine with OR, facets with AND. A facet's counts follow every *other*
filter (not its own), so each count is exactly the number of rows the list shows when that value
replaces the facet's current selection — and the other values of a facet stay visible.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet
from django.utils.translation import gettext_lazy as _

from .models import Recommendation, State

RS = Recommendation.recommending_states.through
ISSUES = Recommendation.issues.through
STATE_ORGS = State.organisations.through
NO_CATEGORY = "none"  # the action facet's value for recommendations without a category


def _rs_ids(**lookup) -> QuerySet:
    return RS.objects.filter(**lookup).values("recommendation_id")


def _action_q(values: Sequence[str]) -> Q:
    numbers = [int(v) for v in values if v != NO_CATEGORY]
    q = Q(action_category__in=numbers)
    if NO_CATEGORY in values:
        q |= Q(action_category__isnull=True)
    return q


@dataclass(frozen=True)
class Dimension:
    """One facet: its URL parameter, its label, its filter and its counting query."""

    key: str
    label: str
    condition: Callable[[Sequence[str]], Q]
    counts: Callable[[QuerySet], Mapping[str, int]]
    many_values: bool = False  # long lists (States, issues) are sorted by count


def _grouped(qs: QuerySet, field: str) -> dict[str, int]:
    rows = qs.values_list(field).annotate(n=Count("id"))
    return {("" if v is None else str(v)): n for v, n in rows.order_by()}


def _through_counts(through, field: str, ids: QuerySet, *, distinct: bool = False):
    rows = (
        through.objects.filter(recommendation_id__in=ids.values("pk"))
        .values_list(field)
        .annotate(n=Count("recommendation_id", distinct=distinct))
        .order_by()
    )
    return {("" if v is None else str(v)): n for v, n in rows}


def _action_counts(qs: QuerySet) -> dict[str, int]:
    counts = _grouped(qs, "action_category")
    if "" in counts:
        counts[NO_CATEGORY] = counts.pop("")
    return counts


DIMENSIONS: tuple[Dimension, ...] = (
    Dimension(
        "sur",
        _("State under Review"),
        lambda v: Q(sur_id__in=v),
        lambda qs: _grouped(qs, "sur_id"),
        many_values=True,
    ),
    Dimension(
        "rs",
        _("Recommending State"),
        lambda v: Q(pk__in=_rs_ids(state_id__in=v)),
        lambda qs: _through_counts(RS, "state_id", qs),
        many_values=True,
    ),
    Dimension(
        "sur_group",
        _("Regional group of the State under Review"),
        lambda v: Q(sur__regional_group__in=v),
        lambda qs: _grouped(qs, "sur__regional_group"),
    ),
    Dimension(
        "rs_group",
        _("Regional group of the recommending State"),
        lambda v: Q(pk__in=_rs_ids(state__regional_group__in=v)),
        lambda qs: _through_counts(RS, "state__regional_group", qs, distinct=True),
    ),
    Dimension(
        "sur_org",
        _("Organisation of the State under Review"),
        lambda v: Q(sur_id__in=STATE_ORGS.objects.filter(organisation_id__in=v).values("state_id")),
        lambda qs: _grouped(qs, "sur__organisations"),
    ),
    Dimension(
        "rs_org",
        _("Organisation of the recommending State"),
        lambda v: Q(pk__in=_rs_ids(state__organisations__in=v)),
        lambda qs: _through_counts(RS, "state__organisations", qs, distinct=True),
    ),
    Dimension(
        "issue",
        _("Issue"),
        lambda v: Q(pk__in=ISSUES.objects.filter(issue_id__in=v).values("recommendation_id")),
        lambda qs: _through_counts(ISSUES, "issue_id", qs),
        many_values=True,
    ),
    Dimension(
        "response",
        _("Response"),
        lambda v: Q(response__in=v),
        lambda qs: _grouped(qs, "response"),
    ),
    Dimension("action", _("Action category"), _action_q, _action_counts),
    Dimension("cycle", _("Cycle"), lambda v: Q(cycle__in=v), lambda qs: _grouped(qs, "cycle")),
    Dimension(
        "session",
        _("Session"),
        lambda v: Q(session_id__in=v),
        lambda qs: _grouped(qs, "session_id"),
    ),
)
BY_KEY: dict[str, Dimension] = {d.key: d for d in DIMENSIONS}


def filter_conditions(selection: Mapping[str, Sequence[str]]) -> dict[str, Q]:
    """One condition per facet that has a selection."""
    return {d.key: d.condition(selection[d.key]) for d in DIMENSIONS if selection.get(d.key)}


def apply(qs: QuerySet, conditions: Mapping[str, Q], *, leave_out: str = "") -> QuerySet:
    for key, condition in conditions.items():
        if key != leave_out:
            qs = qs.filter(condition)
    return qs


def facet_counts(base: QuerySet, conditions: Mapping[str, Q]) -> dict[str, dict[str, int]]:
    """For every facet, value → number of rows under all the other facets' filters."""
    return {d.key: d.counts(apply(base, conditions, leave_out=d.key)) for d in DIMENSIONS}
