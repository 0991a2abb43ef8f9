"""One sentence per factor, in the user's language, with the counts behind the factor's value."""

from __future__ import annotations

import numpy as np
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from ..local_names import (
    contract,
    list_separator,
    organisation_label,
    regional_group_label,
    state_in_sentence,
)
from .aggregates import HistoryAggregates, StateInfo
from .model import Components

LABELS = {  # lazy: evaluated in the language of each request
    "takes_part": gettext_lazy("Chance to speak at this review"),
    "raises_issues": gettext_lazy("Chance to raise these issues"),
    "past_to_sur": gettext_lazy("Recommended to this State under Review on these issues"),
    "sur_activity": gettext_lazy("Recommended to this State under Review before"),
    "issue_interest": gettext_lazy("Interest in these issues"),
    "neighbour_interest": gettext_lazy("These issues, toward its regional neighbours"),
    "group_activity": gettext_lazy("Activity toward its regional group"),
    "participation": gettext_lazy("Participation in reviews"),
    "shared_group": gettext_lazy("Same regional group"),
    "shared_organisations": gettext_lazy("Shared organisations"),
    "specificity": gettext_lazy("Specificity (categories 4–5)"),
}


def explain(agg: HistoryAggregates, topic: np.ndarray, k: int, sur: StateInfo, c: Components):
    """(label, explanation) for each factor of the State at row ``k``, in ``FACTORS`` order.

    ``c`` holds the model's chances (``model.components``) for every State of the window.
    """
    sur_name = state_in_sentence(sur.name)  # "to the Philippines", "à le Nigéria" → contract
    on_sur = agg.review_sur == sur.iso3
    in_group = (agg.review_group == sur.group) & ~on_sur
    made = agg.made[k] > 0
    n_reviews = len(agg.review_ids)
    topic_total = topic[k].sum()
    average = topic.sum(axis=1).mean() or 1.0
    state = agg.info.get(agg.states[k])
    codes = sorted((state.organisations if state else frozenset()) & sur.organisations)
    shared = [organisation_label(code) for code in codes]
    group = regional_group_label(sur.group)
    specific = agg.specific[k] / agg.categorised[k] if agg.categorised[k] else 0.0
    why = [
        _("recommended in %(pct)d%% of the other reviews of the %(group)s")
        % {"pct": round(100 * made[in_group].mean()) if in_group.any() else 0, "group": group}
    ]
    if shared:
        why.append(_("shares %(orgs)s") % {"orgs": ", ".join(shared)})
    if c.reciprocal[k]:
        why.append(_("%(sur)s recommended to it when it was reviewed") % {"sur": sur_name})
    if on_sur.any():
        why.append(
            _("recommended to %(sur)s in %(k)d of its %(n)d earlier reviews")
            % {"sur": sur_name, "k": made[on_sur].sum(), "n": on_sur.sum()}
        )
    texts = {
        "takes_part": _("%(pct)d%% chance to recommend to %(sur)s: %(why)s")
        % {"pct": round(100 * c.takes_part[k]), "sur": sur_name, "why": list_separator().join(why)},
        "raises_issues": _(
            "if it speaks, %(pct)d%% chance to raise these issues: %(share).0f%% of its "
            "recommendations are on them, %(m)s recommendations per review"
        )
        % {
            "pct": round(100 * c.raises[k]),
            "share": 100 * c.share[k],
            "m": number_format(c.per_review[k], 1),
        },
        # two counts, two plurals: "1 recommendation … in 2 earlier reviews"
        "past_to_sur": ngettext(
            "%(n)d recommendation on these issues to %(sur)s",
            "%(n)d recommendations on these issues to %(sur)s",
            int(topic[k, on_sur].sum()),
        )
        % {"n": topic[k, on_sur].sum(), "sur": sur_name}
        + " "
        + ngettext("in %(r)d earlier review", "in %(r)d earlier reviews", int(on_sur.sum()))
        % {"r": on_sur.sum()},
        "sur_activity": _("recommended to %(sur)s in %(k)d of its %(n)d reviews")
        % {"sur": sur_name, "k": made[on_sur].sum(), "n": on_sur.sum()},
        "issue_interest": _(
            "%(n)d recommendations on these issues in %(r)d reviews: %(ratio)s× the average "
            "recommending State"
        )
        % {"n": topic_total, "r": n_reviews, "ratio": number_format(topic_total / average, 1)},
        "neighbour_interest": _(
            "%(n)d recommendations on these issues to the other %(r)d reviews of the %(group)s"
        )
        % {"n": topic[k, in_group].sum(), "r": in_group.sum(), "group": group},
        "group_activity": _("recommended in %(k)d of the %(n)d other reviews of the %(group)s")
        % {"k": made[in_group].sum(), "n": in_group.sum(), "group": group},
        "participation": _("recommended in %(k)d of all %(n)d reviews")
        % {"k": made.sum(), "n": n_reviews},
        "shared_group": (
            _("also in the %(group)s") % {"group": group}
            if state and state.group and state.group == sur.group
            else _("not in the %(group)s") % {"group": group}
        ),
        "shared_organisations": (
            _("both members of %(orgs)s") % {"orgs": ", ".join(shared)}
            if shared
            else _("no organisation in common")
        ),
        "specificity": _("%(pct)d%% of its recommendations ask for specific or general action")
        % {"pct": round(100 * specific)},
    }
    return [(str(LABELS[name]), contract(texts[name])) for name in LABELS]
