"""Predictions for the pages: suggested tags for a recommendation, a draft's action category.

Both fall back gracefully when no model is trained yet: suggestions are simply absent (the page
says the models are being trained), and the draft check keeps the verb rule of
``upr.text.smart``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

from django.utils.translation import gettext as _

from upr.ml.classifiers import LOW_CONFIDENCE
from upr.text import smart
from upr.text.language import looks_english

from .store import Models, loaded

MAX_ISSUES = 6
"""UPR Info gives a recommendation 1–6 issues; more suggestions would only be noise."""


@dataclass(frozen=True)
class Suggestion:
    """What the models propose for one text, with the version that proposed it."""

    issues: tuple[tuple[str, float], ...]  # (issue name, confidence), most confident first
    issues_low_confidence: bool
    category: int
    category_name: str
    category_confidence: float
    category_low_confidence: bool
    reason: str
    version: str

    @property
    def issue_names(self) -> list[str]:
        return [name for name, _confidence in self.issues]

    @property
    def sure_issue_names(self) -> list[str]:
        """The issues suggested at ≥ 50 %: the per-label cut-offs, tuned for F1, also let
        through issues at 20–30 %, which a person should tick, not untick."""
        return [name for name, confidence in self.issues if confidence >= LOW_CONFIDENCE]

    @property
    def category_label(self) -> str:
        """'5 · Specific action' in the reader's language (``category_name`` is the model's
        English name)."""
        from ..models import ActionCategory

        return str(ActionCategory(self.category).label)


def suggest(models: Models, texts: Sequence[str]) -> list[Suggestion]:
    """Suggested issues and action category for each text (never raises on odd text)."""
    texts = [text or "" for text in texts]
    issue_predictions = models.tagger.predict(texts)
    action_predictions = models.classifier.predict(texts)
    return [
        Suggestion(
            issues=tuple((s.label, s.confidence) for s in issues.issues[:MAX_ISSUES]),
            issues_low_confidence=issues.low_confidence,
            category=action.category,
            category_name=action.name,
            category_confidence=action.confidence,
            category_low_confidence=action.low_confidence,
            reason=explain(action.reason),
            version=models.version,
        )
        for issues, action in zip(issue_predictions, action_predictions, strict=True)
    ]


_QUOTED = re.compile(r'"([^"]+)"')


def explain(model_reason: str) -> str:
    """The classifier's reason in one translatable line: the words that decided it."""
    words = _QUOTED.findall(model_reason)
    if not words:
        return _("No word of the text stands out: the category is the model's best guess.")
    return _("Decided mostly by the words %(words)s.") % {
        "words": ", ".join(f"“{w}”" for w in words)
    }


class ActionGuess(NamedTuple):
    category: int | None
    confidence: float | None
    """None when the verb rule decided (no model trained yet, or the model was unsure)."""
    reason: str


def predict_action_category(text: str) -> ActionGuess:
    """The action category of a draft: the model's when trained and sure, else the verb rule."""
    model = _model_guess(text)
    if model is not None:
        return ActionGuess(*model)
    phrase, category = smart.leading_phrase(text or "")
    if category is None:
        return ActionGuess(None, None, _("No known action verb at the start of the text."))
    return ActionGuess(
        category, None, _("Rule: the text starts with “%(phrase)s”.") % {"phrase": phrase}
    )


def _model_guess(text: str) -> tuple[int, float, str] | None:
    """The model's (category, confidence, reason), or None to let the verb rule decide.

    The rule decides when no model is trained yet (the draft check does not start a training:
    the rule is a fine answer, and a draft should never wait for minutes), when the draft is
    not in English (the model learnt from English texts only), and when the model is
    unsure but the text starts with a verb the rule knows: a one-word draft such as
    "Ratify" is better served by the rule than by a model that has three words to go on.
    """
    models = loaded()
    if models is None or not looks_english(text or ""):
        return None  # the model reads English only: a French draft is the rule's
    [prediction] = models.classifier.predict([text or ""])
    if prediction.low_confidence and smart.leading_phrase(text or "")[1] is not None:
        return None
    return (
        prediction.category,
        prediction.confidence,
        _("Model (%(pct)s%% sure). %(why)s")
        # never "100 % sure" (see ``percent_sure``)
        % {"pct": min(99, round(prediction.confidence * 100)), "why": explain(prediction.reason)},
    )


def connect() -> None:
    """Plug the model into the campaigns' S.M.A.R.T. check (called once at start-up)."""
    smart.register_classifier(_model_guess)
