"""Checks of a draft recommendation: McMahon's action category and S.M.A.R.T. hints.

The category comes from a transparent rule on the leading verb ("continue" → 2, "consider" → 3,
"ensure" → 4, "ratify" → 5), so an NGO can see *why* its draft got a 3 and what verb would make it
a 5 [004]. A trained model can replace the rule later through :func:`register_classifier`; the
rule stays as the fallback and as the explanation. Pure Python: no Django, no database.

Messages are marked with ``gettext_noop`` (this room must not import Django); the apps translate
them on display.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date


def gettext_noop(message: str) -> str:
    """Mark ``message`` for translation; Django's ``makemessages`` collects this name."""
    return message


_ = gettext_noop

#: Leading phrases per category, longest match wins; categories per McMahon (seed 004).
CATEGORY_PHRASES: dict[int, tuple[str, ...]] = {
    5: (
        "adopt",
        "ratify",
        "establish",
        "amend",
        "repeal",
        "criminalize",
        "criminalise",
        "allocate",
        "enact",
        "set up",
        "abolish",
        "accede",
        "withdraw",
        "decriminalize",
        "decriminalise",
        "incorporate",
        "create",
        "introduce",
        "pass",
        "extend a standing",
        "issue a standing",
        "lift",
        "publish",
        "sign and ratify",
        "remove",
        "prohibit",
        "ban",
    ),
    4: (
        "take measures",
        "take steps",
        "take all necessary",
        "take effective",
        "take concrete",
        "take further",
        "take action",
        "take",
        "promote",
        "ensure",
        "strengthen",
        "guarantee",
        "protect",
        "improve",
        "combat",
        "intensify",
        "step up",
        "implement",
        "enhance",
        "raise",
        "fight",
        "eliminate",
        "prevent",
        "address",
        "provide",
        "increase",
        "reduce",
        "support",
        "facilitate",
        "encourage",
        "respect",
        "redouble",
        "investigate",
        "prosecute",
        "end",
        "put an end",
        "make efforts",
        "develop",
        "bring",
        "align",
        "harmonize",
        "harmonise",
    ),
    3: (
        "consider",
        "explore",
        "study",
        "examine",
        "reflect",
        "look into",
        "envisage",
        "assess",
        "evaluate",
        "review",
        "analyse",
        "analyze",
        "think about",
    ),
    2: ("continue", "pursue", "maintain", "keep", "persist", "further", "carry on", "sustain"),
    1: ("share", "seek", "request", "call upon", "call on", "engage", "cooperate", "ask"),
}

# Addressees and politeness that precede the verb: "That the Government …", "We recommend to …".
_PREAMBLE = re.compile(
    r"^\s*(?:(?:we\s+)?(?:recommend|urge|call\s+on|ask)s?\s+(?:that\s+)?(?:to\s+)?)?"
    r"(?:that\s+)?(?:the\s+(?:state|government|authorities)(?:\s+of\s+[\w\s-]+?)?\s+"
    r"(?:should\s+|shall\s+|must\s+)?)?(?:to\s+)?(?:urgently\s+|promptly\s+|immediately\s+)?",
    re.IGNORECASE,
)

_BY_LENGTH: tuple[tuple[str, int], ...] = tuple(
    sorted(
        ((phrase, cat) for cat, phrases in CATEGORY_PHRASES.items() for phrase in phrases),
        key=lambda pair: -len(pair[0]),
    )
)


@dataclass(frozen=True, slots=True)
class ActionCheck:
    """A draft's action category, the phrase that decided it and who decided (rule or model)."""

    category: int | None
    phrase: str
    decided_by: str  # "rule" or "model"
    confidence: float | None = None  # the model's, in [0, 1]; None when the rule decided
    reason: str = ""  # the model's one-line explanation, shown to the user


Classifier = Callable[[str], int | tuple[int, float, str] | None]
"""text → category 1–5, or (category, confidence, one-line reason), or None to let the rule
decide."""
_classifier: Classifier | None = None


def register_classifier(classifier: Classifier | None) -> None:
    """Plug in a trained model (text → 1–5 or None); ``None`` goes back to the rule alone."""
    global _classifier
    _classifier = classifier


def leading_phrase(text: str) -> tuple[str, int | None]:
    """The category phrase the draft starts with after its preamble, and its category."""
    words = _PREAMBLE.sub("", text, count=1).strip().lower()
    for phrase, category in _BY_LENGTH:
        if re.match(rf"{re.escape(phrase)}\w*\b", words):
            return phrase, category
    return "", None


def action_category(text: str) -> ActionCheck:
    """The action category of ``text``: the registered model's answer, else the verb rule."""
    phrase, category = leading_phrase(text)
    if _classifier is not None:
        predicted = _classifier(text)
        confidence, reason = None, ""
        if isinstance(predicted, tuple):
            predicted, confidence, reason = predicted
        if predicted in (1, 2, 3, 4, 5):
            return ActionCheck(predicted, phrase, "model", confidence, reason)
    return ActionCheck(category, phrase, "rule")


@dataclass(frozen=True, slots=True)
class Hint:
    """One S.M.A.R.T. criterion: met or not, a translatable message and an optional detail."""

    criterion: str
    ok: bool
    message: str
    detail: str = ""


_NUMBER = re.compile(r"\b\d+(?:[.,]\d+)?\s*(?:%|per\s*cent|percent)?")
_NAMED = re.compile(
    r"\b(?:Act|Law|Code|Bill|Decree|Convention|Covenant|Protocol|Statute|Committee|Commission|"
    r"Council|Ministry|Ombudsman|Institution|Principles|Rapporteur|Plan|Strategy|Court)\b|"
    r"\b(?:CEDAW|CRC|CAT|OPCAT|ICCPR|ICESCR|CRPD|ICERD|CED|CMW|NHRI|OP-\w+)\b"
)
_YEAR = re.compile(r"\b(20\d\d)\b")
_NEXT_REVIEW = re.compile(
    r"\b(?:by|before)\s+(?:the\s+|its\s+)?next\s+(?:review|upr|cycle)|"
    r"\bwithin\s+(?:\d+|one|two|three|four|a)\s+(?:years?|months?)\b",
    re.IGNORECASE,
)

#: A cycle lasts about 4½ years: a draft should be done by the next review [003].
HORIZON_MONTHS = 54


def _years_ahead(review: date, year: int) -> bool:
    """True when ``year`` lies between the review and the next one (R + 4½ years)."""
    last = (review.year * 12 + review.month - 1 + HORIZON_MONTHS) // 12
    return review.year <= year <= last


def smart_hints(text: str, review: date | None = None) -> list[Hint]:
    """Hints for each S.M.A.R.T. criterion a rule can judge; achievable/relevant stay questions."""
    check = action_category(text)
    hints = [
        Hint(
            "specific",
            (check.category or 0) >= 5,
            _("Specific: it asks for one concrete action.")
            if (check.category or 0) >= 5
            else _("Specific: start with a concrete action verb (adopt, ratify, establish …)."),
            check.phrase,
        )
    ]
    measurable = [m.group(0).strip() for m in (*_NUMBER.finditer(text), *_NAMED.finditer(text))]
    measurable = [m for m in measurable if not _YEAR.fullmatch(m)]
    hints.append(
        Hint(
            "measurable",
            bool(measurable),
            _("Measurable: it names a number, a law, a treaty or a body.")
            if measurable
            else _("Measurable: name a number, a law, a treaty or a body to check it against."),
            ", ".join(dict.fromkeys(measurable)),
        )
    )
    years = [int(y) for y in _YEAR.findall(text)]
    in_time = [y for y in years if review is None or _years_ahead(review, y)]
    timed = bool(_NEXT_REVIEW.search(text) or in_time)
    if timed:
        message = _("Time-bound: it has a deadline before the next review.")
    elif years:
        message = _("Time-bound: the year named falls after the next review (4½ years).")
    else:
        message = _("Time-bound: add a deadline, e.g. a year or “by the next review”.")
    hints.append(Hint("time-bound", timed, message, ", ".join(map(str, years))))
    hints.append(Hint("achievable", True, _("Achievable: can the State do this within one cycle?")))
    hints.append(Hint("relevant", True, _("Relevant: does it answer your issue's evidence?")))
    return hints
