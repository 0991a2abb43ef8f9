"""The model advocacy strategy as data: every step, when it happens relative to the review, and why.

This is DOMAIN.md's "model advocacy strategy" table, taken from the seeds (fact sheets of Child
Rights Connect and UPR Info). Keeping it as data lets the campaign app turn it into tasks, the plan
command print it and the ICS renderer export it, all from one place. Where the seeds disagree, the
window spans both values and ``seed_windows`` says which seed says what, so users see the range and
its source.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from upr.cycle.offsets import Offset

Phase = Literal["preparation", "review", "implementation"]

#: The seed documents a step can cite (see /shared/seeds/README.md).
SEEDS: dict[str, str] = {
    "000": "Model UPR advocacy strategy for NGOs (Child Rights Connect & UPR Info, fact sheet 3)",
    "001": "CSOs – Take action (UPR Info)",
    "002": "Follow-up to the UPR – Information for NGOs (Child Rights Connect)",
    "003": "Civil society advocacy (Child Rights Connect & UPR Info, factsheet 3, 2020)",
    "004": "Role of CSOs (UPR Info)",
}


def gettext_noop(message: str) -> str:
    """Mark ``message`` for translation without translating it now.

    Django's ``makemessages`` collects calls named ``gettext_noop``; this room must not import
    Django, so it carries its own identical marker and the apps translate the strings on display.
    """
    return message


_ = gettext_noop


@dataclass(frozen=True, slots=True)
class Milestone:
    """One step of the model strategy.

    ``rule`` is true when the date follows from a formal rule (the review itself, the advance
    question deadline) rather than from the seeds' "about": those dates are not shown as estimates
    (unless the review date itself is one).
    ``start_follows`` / ``end_follows`` name another step whose exact date, once the user enters it,
    becomes this step's boundary (lobbying on noted recommendations ends at the actual adoption).
    """

    key: str
    step: str
    start: Offset
    end: Offset
    seeds: tuple[str, ...]
    phase: Phase
    notes: tuple[str, ...] = ()
    seed_windows: tuple[tuple[str, str], ...] = ()
    geneva_mission: bool = False
    rule: bool = False
    start_follows: str | None = None
    end_follows: str | None = None

    @property
    def when(self) -> str:
        """The window as DOMAIN.md writes it ("R − 4 months to R − 3 months", "R")."""
        start, end = self.start.describe(), self.end.describe()
        return start if start == end else f"{start} to {end}"

    @property
    def source(self) -> str:
        """The seeds as a short citation, e.g. "000, 003, 004"."""
        return ", ".join(self.seeds)


def _m(months: int = 0, days: int = 0, working_days: int = 0) -> Offset:
    return Offset(months=months, days=days, working_days=working_days)


MILESTONES: tuple[Milestone, ...] = (
    Milestone(
        key="national_consultations",
        step=_("Encourage and take part in national consultations"),
        start=_m(-12),
        end=_m(-6),
        seeds=("000", "003", "004"),
        phase="preparation",
        notes=(
            _("States should consult all stakeholders (HRC resolution 5/1): ask to be invited."),
            _("You can refer to your part in the consultations when you lobby target States."),
        ),
        seed_windows=(
            ("000", _("6 months – 1 year before the review")),
            ("004", _("consultations should take place at least a year before the review")),
        ),
    ),
    Milestone(
        key="submission_deadline",
        step=_("Written submission to OHCHR (deadline)"),
        start=_m(-8),
        end=_m(-6),
        seeds=("001", "004"),
        phase="preparation",
        notes=(
            _("OHCHR publishes the exact deadline per session; late submissions are ignored."),
            _("Individual ≤ 2,815 words, joint ≤ 5,630 words, footnotes and annexes excluded."),
        ),
        seed_windows=(
            ("001", _("six to eight months before the session")),
            ("004", _("about six to eight months before the session")),
        ),
    ),
    Milestone(
        key="advocacy_paper",
        step=_("Prepare the advocacy paper; identify target States"),
        start=_m(-6),
        end=_m(-4),
        seeds=("000", "003"),
        phase="preparation",
        notes=(
            _("At most 4 issues, 1–2 recommendations and questions each, at most 2 pages."),
            _("Find target States in the recommendations database (issues, last cycle, ties)."),
        ),
    ),
    Milestone(
        key="contact_embassies",
        step=_("Contact embassies of target States in the SuR; send the paper"),
        start=_m(-4),
        end=_m(-3),
        seeds=("000", "003", "004"),
        phase="preparation",
        notes=(
            _("Ask for the person in charge of the UPR or of human rights; no general address."),
            _("Make a follow-up call a week later and request a meeting."),
            _("A group briefing (e.g. all European embassies at once) is more efficient."),
        ),
    ),
    Milestone(
        key="national_report_due",
        step=_("The State's national report is due"),
        start=_m(-3),
        end=_m(-3),
        seeds=("000",),
        phase="preparation",
    ),
    Milestone(
        key="stakeholder_summary",
        step=_("Read the OHCHR stakeholder summary; cite it in the paper"),
        start=_m(-3),
        end=_m(-2),
        seeds=("000", "003"),
        phase="preparation",
        notes=(
            _("The three review documents are public about 6 weeks before the WG session [004]."),
        ),
    ),
    Milestone(
        key="contact_geneva_missions",
        step=_("Read the State's report; contact Geneva missions; plan side events"),
        start=_m(-2),
        end=_m(-1),
        seeds=("000", "003", "001"),
        phase="preparation",
        notes=(
            _(
                "Avoid HRC and UPR session weeks: missions are too busy; aim a couple of weeks "
                "before or the week after such a session."
            ),
            _("Side events one to two months ahead, never the day before the review [001, 004]."),
        ),
        seed_windows=(
            ("000", _("1–2 months before the review")),
            ("001", _("one month prior to the review")),
        ),
        geneva_mission=True,
    ),
    Milestone(
        key="pre_session",
        step=_("UPR Info pre-session in Geneva (statement)"),
        start=_m(-1),
        end=_m(-1),
        seeds=("000", "001", "003"),
        phase="preparation",
        notes=(_("Arrange meetings with the permanent missions while in Geneva."),),
        seed_windows=(
            ("000", _("a 5 to 8-minute statement")),
            ("003", _("a 5–10 minute statement")),
            ("001", _("about one month before the review")),
        ),
        geneva_mission=True,
    ),
    Milestone(
        key="advance_questions",
        step=_("Deadline for States' advance written questions"),
        start=_m(working_days=-10),
        end=_m(working_days=-10),
        seeds=("003",),
        phase="preparation",
        notes=(_("States can send advance questions up to 10 working days before the review."),),
        rule=True,
    ),
    Milestone(
        key="review",
        step=_("The review: attend or follow the webcast; screening; press statement"),
        start=_m(),
        end=_m(),
        seeds=("000", "001", "004"),
        phase="review",
        notes=(_("Only States speak; each has at most 2 minutes and raises 2–4 issues."),),
        rule=True,
    ),
    Milestone(
        key="outcome_report",
        step=_("WG outcome report: were your issues raised? Thank the States"),
        start=_m(days=2),
        end=_m(days=2),
        seeds=("000", "003"),
        phase="review",
        notes=(_("Check whether your issues became recommendations, supported or noted."),),
    ),
    Milestone(
        key="lobby_noted",
        step=_("Lobby the SuR to support noted recommendations; involve the NHRI and MPs"),
        start=_m(),
        end=_m(5),
        seeds=("000", "003"),
        phase="review",
        notes=(_("Supported recommendations need no extra lobbying; ensure the addendum."),),
        seed_windows=(
            ("000", _("0–5 months after the review")),
            ("003", _("0–3 months after the review")),
        ),
        end_follows="adoption",
    ),
    Milestone(
        key="adoption",
        step=_("Adoption at the HRC plenary: 2-minute oral statement; written statement"),
        start=_m(4),
        end=_m(4),
        seeds=("001", "004"),
        phase="review",
        notes=(
            _(
                "Ten 2-minute NGO slots (ECOSOC status), first come first served: sign up online "
                "the week before the HRC session, usually Thursday 14:00 Geneva time."
            ),
        ),
        seed_windows=(
            ("001", _("approximately 4 months after the review")),
            ("003", _("the SuR has 3 to 4 months to decide")),
        ),
    ),
    Milestone(
        key="follow_up_supported",
        step=_("Follow up on supported recommendations; dialogue on noted ones"),
        start=_m(3),
        end=_m(12),
        seeds=("000", "002", "003"),
        phase="implementation",
        notes=(_("Offer help with implementation, including a draft action plan."),),
        seed_windows=(
            ("000", _("5–12 months after the review")),
            ("003", _("3–12 months after the review")),
            ("002", _("5 months after the review – onwards")),
        ),
        start_follows="adoption",
    ),
    Milestone(
        key="action_plan",
        step=_("Own action plan: results, actions, actors, timetable to the next review"),
        start=_m(5),
        end=_m(24),
        seeds=("002",),
        phase="implementation",
    ),
    Milestone(
        key="mid_term_report",
        step=_("Mid-term report; item 6 statement or side event at the HRC"),
        start=_m(24),
        end=_m(30),
        seeds=("000", "002", "003"),
        phase="implementation",
        notes=(_("Traffic lights by theme: fully / partially / not implemented [001]."),),
    ),
    Milestone(
        key="next_cycle_dialogue",
        step=_("Dialogue on the next cycle; update the recommending States; next submission"),
        start=_m(42),
        end=_m(48),
        seeds=("000", "002"),
        phase="implementation",
        notes=(_("Contacts change post: ask for their successors."),),
    ),
    Milestone(
        key="next_review",
        step=_("The next review"),
        start=_m(54),
        end=_m(54),
        seeds=("002",),
        phase="implementation",
        notes=(
            _("A cycle lasts about 4½ years; the real date comes with the next cycle's calendar."),
        ),
    ),
)

MILESTONES_BY_KEY: dict[str, Milestone] = {m.key: m for m in MILESTONES}
