"""A campaign's timeline: the model strategy's steps turned into dates for one review.

Everything is derived from the review date R, except what the user knows exactly (OHCHR's submission
deadline, the pre-session date, the adoption date …), which overrides the estimate. Regenerating the
plan for a moved review therefore moves every derived date and keeps every entered one.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, field
from datetime import date, timedelta

from upr.cycle.milestones import MILESTONES, MILESTONES_BY_KEY, Milestone
from upr.cycle.offsets import Offset, add_months
from upr.cycle.sessions import Session, sessions_between

#: The next review is due about 4½ years after this one [002].
NEXT_REVIEW_MONTHS = 54


@dataclass(slots=True)
class PlanStep:
    """One dated step of a plan; ``estimated`` is false only when both ends are known dates."""

    key: str
    step: str
    start: date
    end: date
    source: str
    estimated: bool
    warnings: list[str] = field(default_factory=list)
    when: str = ""
    seeds: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    seed_windows: tuple[tuple[str, str], ...] = ()
    phase: str = ""
    geneva_mission: bool = False

    def as_dict(self) -> dict[str, object]:
        """A JSON-ready dict (ISO dates, lists) for the command line and the API."""
        data = asdict(self)
        data["start"] = self.start.isoformat()
        data["end"] = self.end.isoformat()
        data["seeds"] = list(self.seeds)
        data["notes"] = list(self.notes)
        data["seed_windows"] = [list(pair) for pair in self.seed_windows]
        return data


def _boundary(
    milestone: Milestone,
    offset: Offset,
    follows: str | None,
    review_date: date,
    exact_dates: Mapping[str, date],
    review_estimated: bool,
) -> tuple[date, bool]:
    """(date, known?) of one end of a step's window.

    A date derived from the review is known only if the rule is and the review date is too.
    """
    if milestone.key in exact_dates:
        return exact_dates[milestone.key], True
    if follows and follows in exact_dates:
        return exact_dates[follows], True
    known = (milestone.rule or offset == Offset()) and not review_estimated
    return offset.apply(review_date), known


def _next_monday(day: date) -> date:
    return day + timedelta(days=7 - day.weekday())


def clash_warnings(start: date, end: date, sessions: Iterable[Session]) -> list[str]:
    """Warnings for a Geneva-mission window that overlaps HRC or UPR sessions.

    Missions are too busy during sessions; the seeds advise a couple of weeks before the session or
    the week after it [000, 003], so the warning names those concrete dates.
    """
    warnings = []
    for session in sessions:
        if not session.overlaps(start, end):
            continue
        estimate = ", estimated" if session.estimated else ""
        before = session.start - timedelta(days=14)
        after = _next_monday(session.end)
        warnings.append(
            f"{session.label} ({session.start.isoformat()} – {session.end.isoformat()}{estimate}) "
            f"overlaps this step: Geneva missions will be too busy. Contact them a couple of weeks "
            f"before (by {before.isoformat()}) or in the week after "
            f"({after.isoformat()} – {(after + timedelta(days=4)).isoformat()}) [000, 003]."
        )
    return warnings


def _order_warning(milestone: Milestone, start: date, end: date, review_date: date) -> str | None:
    """A warning when an entered date contradicts the step's side of the review (likely a typo)."""
    if milestone.phase == "preparation" and end > review_date:
        return f"This date is after the review ({review_date.isoformat()}): please check it."
    if milestone.phase != "preparation" and start < review_date:
        return f"This date is before the review ({review_date.isoformat()}): please check it."
    return None


def build_plan(
    review_date: date,
    *,
    exact_dates: Mapping[str, date] | None = None,
    sessions: Iterable[Session] | None = None,
    review_estimated: bool = False,
) -> list[PlanStep]:
    """The model strategy dated for a review on ``review_date``, in the order of DOMAIN.md's table.

    ``exact_dates`` maps milestone keys (see ``MILESTONES``) to dates the user knows; they replace
    the estimate and, for ``adoption``, also end the lobbying window and start the follow-up.
    ``review_estimated`` says the review date itself is a stand-in (e.g. the session's first day):
    then every date derived from it is an estimate too, the review and the rule-based ones included.
    ``sessions`` are the HRC and UPR sessions Geneva-mission steps are checked against; by default
    the known WG sessions and the known or estimated HRC sessions around the review.
    """
    exact = dict(exact_dates or {})
    unknown = sorted(set(exact) - set(MILESTONES_BY_KEY))
    if unknown:
        raise ValueError(f"unknown milestone keys: {', '.join(unknown)}")
    if exact.pop("review", review_date) != review_date:
        raise ValueError("the review date is review_date; do not enter it again in exact_dates")
    calendar = tuple(
        sessions_between(review_date.year - 2, review_date.year + 1)
        if sessions is None
        else sessions
    )

    plan = []
    for milestone in MILESTONES:
        start, start_known = _boundary(
            milestone,
            milestone.start,
            milestone.start_follows,
            review_date,
            exact,
            review_estimated,
        )
        end, end_known = _boundary(
            milestone, milestone.end, milestone.end_follows, review_date, exact, review_estimated
        )
        warnings: list[str] = []
        if milestone.key in exact:
            warning = _order_warning(milestone, start, end, review_date)
            warnings.extend([warning] if warning else [])
        elif milestone.geneva_mission:
            warnings.extend(clash_warnings(start, end, calendar))
        if end < start:
            warnings.append(
                f"The entered dates leave no time for this step ({start.isoformat()} is after "
                f"{end.isoformat()}); it is shown on {start.isoformat()} only."
            )
            end = start
        plan.append(
            PlanStep(
                key=milestone.key,
                step=milestone.step,
                start=start,
                end=end,
                source=milestone.source,
                estimated=not (start_known and end_known),
                warnings=warnings,
                when=milestone.when,
                seeds=milestone.seeds,
                notes=milestone.notes,
                seed_windows=milestone.seed_windows,
                phase=milestone.phase,
                geneva_mission=milestone.geneva_mission,
            )
        )
    return plan


def chronological(steps: Iterable[PlanStep]) -> list[PlanStep]:
    """``steps`` by date, for reading a plan as a calendar (the table order mixes windows).

    A step sorts by its start, then its end, so on a shared start a deadline or a one-day step
    comes before a window that goes on; full ties keep the table order (the sort is stable).
    """
    return sorted(steps, key=lambda step: (step.start, step.end))


def next_review_date(review_date: date) -> date:
    """About when the State's next review falls: 54 months (4½ years) later [002]."""
    return add_months(review_date, NEXT_REVIEW_MONTHS)
