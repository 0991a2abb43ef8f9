"""State profile pages: the list of States, and one State as reviewed and as recommending."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _

from . import profiles
from .access import public_corpus
from .charts import Row, Segment, bar_chart
from .local_names import issue_label, percent, state_label
from .models import State


def _percent(share: float | None) -> str:
    return "–" if share is None else percent(round(100 * share))


def _cycle_chart(profile: profiles.Profile, title: str):
    rows = [
        Row(
            _("Cycle %(n)s") % {"n": c.cycle},
            [
                [
                    Segment(c.supported, "supported"),
                    Segment(c.noted, "noted"),
                    Segment(c.pending, "pending"),
                ]
            ],
            f"{c.total:,}",
        )
        for c in profile.per_cycle
    ]
    return bar_chart(rows, title)


def _count_chart(pairs: list[tuple[str, int]], title: str):
    return bar_chart([Row(label, [[Segment(n)]], f"{n:,}") for label, n in pairs], title)


def _share(value: float) -> str:
    """A share as a whole percentage; "<1%" rather than a bar labelled "0%"."""
    return "<" + percent(1) if 0 < value < 0.005 else percent(round(100 * value))


def _charts(received: profiles.Profile, made: profiles.Profile) -> dict:
    return {
        "received_cycles": _cycle_chart(received, _("Recommendations received per cycle")),
        "received_issues": _count_chart(
            [(issue_label(name), n) for name, n, _share in received.issues[:15]],
            _("Issues raised"),
        ),
        "received_from": _count_chart(
            [(state_label(s.name), n) for s, n in received.counterparts],
            _("Who recommended most"),
        ),
        "received_actions": _count_chart(received.action_mix, _("Action categories")),
        "made_cycles": _cycle_chart(made, _("Recommendations made per cycle")),
        "made_issues": bar_chart(
            [
                Row(
                    issue_label(name),
                    [[Segment(mine, "s0")], [Segment(avg, "s1")]],
                    f"{_share(mine)} / {_share(avg)}",
                )
                for name, mine, avg in made.issue_vs_average
            ],
            _("Issue profile compared with the average of all States"),
        ),
        "made_to": _count_chart(
            [(state_label(s.name), n) for s, n in made.counterparts],
            _("States it recommends to"),
        ),
        "made_actions": _count_chart(made.action_mix, _("Action categories")),
    }


@public_corpus
def states(request: HttpRequest) -> HttpResponse:
    return render(request, "corpus/states.html", {"states": profiles.states_overview()})


@public_corpus
def state(request: HttpRequest, iso3: str) -> HttpResponse:
    state = get_object_or_404(State, iso3=iso3.upper())
    received = profiles.as_state_under_review(state)
    made = profiles.as_recommending_state(state)
    context = {
        "state": state,
        "received": received,
        "made": made,
        "charts": _charts(received, made),
        "received_rate": _percent(received.support_rate),
        "made_rate": _percent(made.support_rate),
        "made_specific": _percent(made.specific_share),
        "received_specific": _percent(received.specific_share),
    }
    return render(request, "corpus/state.html", context)
