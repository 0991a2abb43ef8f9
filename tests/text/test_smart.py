"""The rule-based action category and S.M.A.R.T. hints, and the model hook."""

from __future__ import annotations

from datetime import date

import pytest

from upr.text.overlap import content_words, overlap
from upr.text.smart import action_category, register_classifier, smart_hints


@pytest.mark.parametrize(
    ("text", "category", "phrase"),
    [
        ("Continue its efforts to combat trafficking", 2, "continue"),
        ("Consider ratifying the Optional Protocol", 3, "consider"),
        ("Explore ways to reduce child labour", 3, "explore"),
        ("Study the possibility of an NHRI", 3, "study"),
        ("Take measures to end child marriage", 4, "take measures"),
        ("Promote gender equality", 4, "promote"),
        ("Ensure access to education", 4, "ensure"),
        ("Strengthen the judiciary", 4, "strengthen"),
        ("Adopt a law against domestic violence", 5, "adopt"),
        ("Ratify the Rome Statute", 5, "ratify"),
        ("Establish a national human rights institution", 5, "establish"),
        ("Amend the Penal Code", 5, "amend"),
        ("Repeal article 88 of the Penal Code", 5, "repeal"),
        ("Criminalize marital rape", 5, "criminalize"),
        ("Allocate 6% of GDP to education", 5, "allocate"),
        ("That the Government of Togo adopt a law on child marriage", 5, "adopt"),
        ("We recommend that the State urgently ratify OPCAT", 5, "ratify"),
        ("Share its experience with other States", 1, "share"),
        ("Blue skies", None, ""),
    ],
)
def test_category_from_the_leading_verb(text, category, phrase):
    check = action_category(text)
    assert (check.category, check.phrase, check.decided_by) == (category, phrase, "rule")


def test_a_model_can_be_plugged_in_and_the_rule_stays_the_fallback():
    register_classifier(lambda text: 5 if "law" in text else None)
    try:
        assert action_category("Promote a law").category == 5
        assert action_category("Promote a law").decided_by == "model"
        assert action_category("Promote equality").decided_by == "rule"
    finally:
        register_classifier(None)


def hints(text: str) -> dict[str, bool | None]:
    return {h.criterion: h.ok for h in smart_hints(text, date(2027, 1, 19), today=date(2026, 6, 1))}


def test_smart_hints():
    assert hints("Ratify the Optional Protocol to CAT by 2028") == {
        "specific": True,
        "measurable": True,
        "time-bound": True,
        "achievable": None,  # for the person to judge, never a free ✓
        "relevant": None,
    }
    vague = hints("Continue its efforts on human rights")
    assert not vague["specific"] and not vague["measurable"] and not vague["time-bound"]
    assert hints("Adopt the bill before the next review")["time-bound"]
    assert not hints("Adopt the Children's Code by 2035")["time-bound"]  # after R + 4½ years
    assert hints("Raise the minimum age of marriage to 18 for girls and boys")["measurable"]


def test_overlap_ignores_boilerplate():
    score, shared = overlap(
        "Raise the minimum age of marriage to 18",
        "Take measures to raise the legal age of marriage for girls",
    )
    assert {"marriage", "raise", "age"} <= shared and score > 0.3
    assert "ensure" not in content_words("Ensure that the State continues its efforts")
