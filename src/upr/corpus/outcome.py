"""The outcome of a review for an NGO: which of its drafts were taken up, by whom, how answered.

Seed 000: after the review, thank the States that took up your recommendations. A draft is
"taken up" by a recommendation of the review whose wording is close to it (TF-IDF cosine over
the review's own recommendations, shown as a score so the user judges borderline cases);
the NGO's issues are "raised" by the review's recommendations tagged with them. A review read
from its UN document the day after carries no tags yet, so where the models are trained their
suggested issues count too, shown apart as suggestions until a person confirms them.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field

from upr.text.similarity import TfIdf

from .models import Issue, Recommendation, State

#: Below this cosine a recommendation is not shown as taking up a draft.
MIN_SCORE = 0.35
#: The States to thank are those whose recommendation is this close to a draft: between the
#: two, the match is shown under the draft for the person to judge, not put on the thank-you
#: list (a 0.4 match is often another treaty's protocol in the same words).
THANK_SCORE = 0.6
#: …or whose words the draft holds almost all (by TF-IDF weight), at a cosine of MIN_SCORE at
#: least: the State said part of the draft word for word, and the draft said more (a deadline,
#: a budget). Another treaty's protocol in the same words stays far below (0.3 on BFA 2013).
COVER_SCORE = 0.9
MAX_MATCHES = 5


@dataclass
class Match:
    rec: Recommendation
    score: float
    covered: float = 0.0  # share of the recommendation's words the draft holds

    @property
    def percent(self) -> int:
        return round(100 * self.score)

    @property
    def thanked(self) -> bool:
        return self.score >= THANK_SCORE or (
            self.covered >= COVER_SCORE and self.score >= MIN_SCORE
        )


@dataclass
class DraftUptake:
    draft: str
    matches: list[Match]
    closest: Match | None = None  # the best recommendation below MIN_SCORE, for the user to judge


@dataclass
class IssueRaised:
    issue: Issue
    recommendations: list[Recommendation]
    suggested: list[Recommendation] = field(default_factory=list)  # by the models, unconfirmed

    @property
    def states(self) -> list[State]:
        seen = {s.pk: s for r in self.recommendations for s in r.recommending_states.all()}
        return sorted(seen.values(), key=lambda s: s.name)

    @property
    def suggested_states(self) -> list[State]:
        tagged = {s.pk for s in self.states}
        seen = {s.pk: s for r in self.suggested for s in r.recommending_states.all()}
        return sorted((s for pk, s in seen.items() if pk not in tagged), key=lambda s: s.name)

    @property
    def supported(self) -> int:
        return sum(r.response == "supported" for r in self.recommendations)


@dataclass
class Thanks:
    state: State
    matches: list[tuple[int, Match]] = field(default_factory=list)  # (draft number, match)


@dataclass
class Outcome:
    sur: State
    session: int
    total: int
    drafts: list[DraftUptake]
    issues: list[IssueRaised]
    thanks: list[Thanks]
    untagged: int = 0  # recommendations of the review without issue tags
    suggestions_used: bool = False  # whether the models' suggestions filled them in
    # When the session holds nothing for this State: the sessions that do, so that a wrong
    # guess at the session number is answered with the right ones.
    reviewed_sessions: list[int] = field(default_factory=list)


def review_outcome(sur: State, session: int, drafts: list[str], issues: list[Issue]) -> Outcome:
    recs = list(
        Recommendation.objects.filter(sur=sur, session_id=session)
        .prefetch_related("recommending_states", "issues")
        .order_by("id")
    )
    index = TfIdf([r.text for r in recs]) if recs else None
    uptakes = []
    for draft in drafts:
        scores = index.scores(draft) if index else []
        covered = index.coverage(draft) if index else []
        ranked = sorted(zip(scores, recs, covered, strict=True), key=lambda p: (-p[0], p[1].pk))
        matches = [Match(r, s, c) for s, r, c in ranked[:MAX_MATCHES] if s >= MIN_SCORE]
        closest = (
            None
            if matches or not ranked or ranked[0][0] <= 0
            else Match(ranked[0][1], ranked[0][0])
        )
        uptakes.append(DraftUptake(draft, matches, closest))
    untagged = [r for r in recs if not r.issues.all()]
    suggested = _suggested_issues(untagged) if issues else None
    raised = [
        IssueRaised(
            issue,
            [r for r in recs if any(i.pk == issue.pk for i in r.issues.all())],
            [r for r in untagged if issue.name in (suggested or {}).get(r.pk, ())],
        )
        for issue in issues
    ]
    reviewed = (
        []
        if recs
        else sorted(
            set(Recommendation.objects.filter(sur=sur).values_list("session_id", flat=True))
        )
    )
    return Outcome(
        sur, session, len(recs), uptakes, raised, _thanks(uptakes),
        untagged=len(untagged), suggestions_used=suggested is not None,
        reviewed_sessions=reviewed,
    )  # fmt: skip


def _suggested_issues(recs: list[Recommendation]) -> dict[int, tuple[str, ...]] | None:
    """Issue names the trained tagger suggests for untagged rows; None when no model is
    trained (the page then says how many rows are untagged instead of guessing)."""
    if not recs:
        return {}
    from .ml.predict import suggest
    from .ml.store import loaded

    models = loaded()
    if models is None:
        return None
    return {
        r.pk: tuple(s.issue_names)
        for r, s in zip(recs, suggest(models, [r.text for r in recs]), strict=True)
    }


def _thanks(uptakes: list[DraftUptake]) -> list[Thanks]:
    by_state: dict[str, Thanks] = {}
    for number, uptake in enumerate(uptakes, start=1):
        for match in uptake.matches:
            if not match.thanked:
                continue
            for state in match.rec.recommending_states.all():
                by_state.setdefault(state.pk, Thanks(state)).matches.append((number, match))
    return sorted(by_state.values(), key=lambda t: t.state.name)


def _cell(value: object) -> str:
    """Spreadsheets run cells starting with = + - @ as formulas: neutralise them."""
    text = str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def outcome_csv(outcome: Outcome) -> str:
    """One line per (draft, recommendation, recommending State): the thank-you list; a draft
    nobody took up gets one line of its own with the other cells empty, so the file is also the
    list of what to push for next time. UTF-8 with a BOM, so that Excel reads the accents."""
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out)
    writer.writerow(["draft_number", "draft", "recommending_state", "recommendation",
                     "paragraph", "response", "similarity", "issues"])  # fmt: skip
    for number, uptake in enumerate(outcome.drafts, start=1):
        if not uptake.matches:
            writer.writerow([number, _cell(uptake.draft), "", "", "", "", "", ""])
        for m in uptake.matches:
            states = [s.name for s in m.rec.recommending_states.all()] or [""]
            for state in states:
                writer.writerow([_cell(v) for v in (
                    number, uptake.draft, state, m.rec.text, m.rec.paragraph,
                    m.rec.response, f"{m.score:.2f}",
                    "; ".join(i.name for i in m.rec.issues.all()),
                )])  # fmt: skip
    return out.getvalue()
