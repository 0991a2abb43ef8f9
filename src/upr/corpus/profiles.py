"""State profiles: a State as State under Review and as recommending State, in figures.

Shares are of recommendations: a recommendation on two issues counts for both issues. "Support
rate" is supported / (supported + noted); pending responses are left out of it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Count, Q

from upr.text.normalise import sort_key

from . import facet_index
from .facets import ISSUES, RS
from .local_names import state_label
from .models import ActionCategory, Issue, Recommendation, Response, State

TOP = 15


def _rate(supported: int, noted: int) -> float | None:
    return supported / (supported + noted) if supported + noted else None


@dataclass
class CycleFigures:
    cycle: int
    total: int
    supported: int
    noted: int
    pending: int

    @property
    def support_rate(self) -> float | None:
        return _rate(self.supported, self.noted)


@dataclass
class Profile:
    state: State
    total: int = 0
    per_cycle: list[CycleFigures] = field(default_factory=list)
    support_rate: float | None = None
    issues: list[tuple[str, int, float]] = field(default_factory=list)  # name, count, share
    counterparts: list[tuple[State, int]] = field(default_factory=list)
    action_mix: list[tuple[str, int]] = field(default_factory=list)
    specific_share: float | None = None  # categories 4–5 among categorised recommendations
    issue_vs_average: list[tuple[str, float, float]] = field(default_factory=list)


def _per_cycle(qs) -> list[CycleFigures]:
    rows = (
        qs.values("cycle")
        .annotate(
            total=Count("id"),
            supported=Count("id", filter=Q(response=Response.SUPPORTED)),
            noted=Count("id", filter=Q(response=Response.NOTED)),
            pending=Count("id", filter=Q(response=Response.PENDING)),
        )
        .order_by("cycle")
    )
    return [CycleFigures(**row) for row in rows]


def _fill_common(profile: Profile, qs) -> None:
    profile.total = qs.count()
    profile.per_cycle = _per_cycle(qs)
    profile.support_rate = _rate(
        sum(c.supported for c in profile.per_cycle), sum(c.noted for c in profile.per_cycle)
    )
    issue_counts = (
        ISSUES.objects.filter(recommendation_id__in=qs.values("pk"))
        .values_list("issue__name")
        .annotate(n=Count("recommendation_id"))
        .order_by("-n", "issue__name")
    )
    profile.issues = [(name, n, n / profile.total) for name, n in issue_counts if profile.total]
    mix = dict(qs.values_list("action_category").annotate(n=Count("id")).order_by())
    profile.action_mix = [(str(a.label), mix.get(a.value, 0)) for a in ActionCategory]
    categorised = sum(n for _, n in profile.action_mix)
    specific = mix.get(4, 0) + mix.get(5, 0)
    profile.specific_share = specific / categorised if categorised else None


def as_state_under_review(state: State) -> Profile:
    profile = Profile(state)
    qs = Recommendation.objects.filter(sur=state)
    _fill_common(profile, qs)
    top = (
        RS.objects.filter(recommendation__sur=state)
        .values_list("state_id")
        .annotate(n=Count("recommendation_id"))
        .order_by("-n", "state_id")[:TOP]
    )
    names = State.objects.in_bulk([iso3 for iso3, _ in top])
    profile.counterparts = [(names[iso3], n) for iso3, n in top]
    return profile


def as_recommending_state(state: State) -> Profile:
    profile = Profile(state)
    qs = Recommendation.objects.filter(
        pk__in=RS.objects.filter(state=state).values("recommendation_id")
    )
    _fill_common(profile, qs)
    top = qs.values_list("sur_id").annotate(n=Count("id")).order_by("-n", "sur_id")[:TOP]
    names = State.objects.in_bulk([iso3 for iso3, _ in top])
    profile.counterparts = [(names[iso3], n) for iso3, n in top]
    average = average_issue_shares()
    mine = {name: share for name, _, share in profile.issues}
    names_by_share = sorted(average, key=lambda n: -max(mine.get(n, 0), average[n]))
    profile.issue_vs_average = [(n, mine.get(n, 0.0), average[n]) for n in names_by_share[:20]]
    return profile


_average_cache: dict[int, dict[str, float]] = {}


def average_issue_shares() -> dict[str, float]:
    """Issue → the mean, over all recommending States, of the share of its recommendations on it."""
    token = facet_index.current().token
    if token in _average_cache:
        return _average_cache[token]
    totals = dict(
        RS.objects.values_list("state_id").annotate(n=Count("recommendation_id")).order_by()
    )
    pairs = (
        RS.objects.filter(recommendation__issues__isnull=False)
        .values_list("state_id", "recommendation__issues")
        .annotate(n=Count("recommendation_id"))
        .order_by()
    )
    issue_names = dict(Issue.objects.values_list("pk", "name"))
    sums: dict[str, float] = {}
    for iso3, issue_id, n in pairs:
        name = issue_names[issue_id]
        sums[name] = sums.get(name, 0.0) + n / totals[iso3]
    states = len(totals) or 1
    result = {name: total / states for name, total in sums.items()}
    _average_cache.clear()
    _average_cache[token] = result
    return result


def states_overview() -> list[tuple[State, int, int]]:
    """Every State with the recommendations it received and made."""
    received = dict(Recommendation.objects.values_list("sur_id").annotate(n=Count("id")).order_by())
    made = dict(
        RS.objects.values_list("state_id").annotate(n=Count("recommendation_id")).order_by()
    )
    states = sorted(State.objects.all(), key=lambda s: sort_key(state_label(s.name)))
    return [(s, received.get(s.iso3, 0), made.get(s.iso3, 0)) for s in states]
