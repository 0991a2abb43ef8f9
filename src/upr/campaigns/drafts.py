"""The advocacy paper's rules applied to a campaign's issues and drafts: warnings and checks.

Limits come from the seeds [000, 003]: at most 4 issues, 1–2 recommendations and questions per
issue, 5–6 recommendations in all. They are advice: the app warns, the NGO decides.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from upr.text.smart import ActionCheck, Hint, action_category, smart_hints

from .followups import Match, earlier_recommendations
from .models import Draft, DraftKind, PriorityIssue
from .models.issues import MAX_ISSUES, MAX_PER_ISSUE, MAX_RECOMMENDATIONS

MIN_RECOMMENDATIONS = 5


def paper_warnings(issues: Sequence[PriorityIssue], drafts: Sequence[Draft]) -> list[str]:
    warnings = []
    if len(issues) > MAX_ISSUES:
        warnings.append(
            _("%(n)s issues: an advocacy paper should keep to %(max)s at most.")
            % {"n": len(issues), "max": MAX_ISSUES}
        )
    per_issue = Counter((d.priority_issue_id, d.kind) for d in drafts)
    for issue in issues:
        for kind, label in DraftKind.choices:
            count = per_issue[(issue.pk, kind)]
            if count > MAX_PER_ISSUE:
                warnings.append(
                    _("“%(issue)s” has %(n)s drafts of kind “%(kind)s”: keep to 1–2.")
                    % {"issue": issue.title, "n": count, "kind": label}
                )
    total = sum(1 for d in drafts if d.kind == DraftKind.RECOMMENDATION)
    if total > MAX_RECOMMENDATIONS:
        warnings.append(
            ngettext(
                "%(n)s recommendation in all: aim for 5–6.",
                "%(n)s recommendations in all: aim for 5–6.",
                total,
            )
            % {"n": total}
        )
    elif issues and total < MIN_RECOMMENDATIONS:
        warnings.append(
            _("%(n)s of the 5–6 recommendations an advocacy paper usually carries.") % {"n": total}
        )
    return warnings


@dataclass
class DraftCheck:
    action: ActionCheck
    hints: list[Hint]
    earlier: list[Match]


def check_draft(text: str, *, sur_iso3: str, issue_id: int | None, review: date | None):
    """Category, S.M.A.R.T. hints and earlier recommendations it follows up, for one draft."""
    return DraftCheck(
        action=action_category(text),
        hints=smart_hints(text, review),
        earlier=earlier_recommendations(sur_iso3, issue_id, text),
    )
