"""S.M.A.R.T. hints on real drafts: deadlines in three languages, years in names, honest A and R."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from upr.text.smart import Hint, smart_hints

REVIEW = date(2027, 1, 19)  # next review R + 4½ years ends in 2031
TODAY = date(2026, 6, 1)

ADD_DEADLINE = "Time-bound: add a deadline, e.g. a year or “by the next review”."
TOO_LATE = "Time-bound: the year named falls after the next review (4½ years)."


def time_bound(text: str, review: date | None = REVIEW) -> Hint:
    return next(h for h in smart_hints(text, review, today=TODAY) if h.criterion == "time-bound")


def test_the_act_year_is_not_the_deadline_the_next_review_is():
    hint = time_bound("Amend, by the next review, … the Child Rights Act 2003 …")
    assert hint.ok
    assert hint.detail == "by the next review"


def test_a_past_year_in_a_name_is_never_too_late():
    hint = time_bound("Implement the Child Rights Act 2003 in all states.")
    assert not hint.ok
    assert hint.message == ADD_DEADLINE
    assert "2003" not in hint.detail


@pytest.mark.parametrize(
    "text",
    [
        "Implement Law No. 12 of 2028 in all regions",
        "Implement the Convention of 1951 relating to the Status of Refugees",
        "Align the national plan with the 2030 Agenda",
        "Align the national plan with the 2030 Agenda for Sustainable Development",
        "Fund Vision 2030 programmes for girls",
        "Adopt the National Action Plan 2021–2025 on business and human rights",
        "Mettre en œuvre l’Agenda 2030",
        "Aplicar el Código de la Niñez y Adolescencia de 2028",
        "Appliquer la loi n° 2028-12 du 12 mai 2028",
    ],
)
def test_a_year_in_a_name_is_no_deadline(text):
    assert not time_bound(text).ok


@pytest.mark.parametrize(
    "phrase",
    [
        "d'ici le prochain examen",
        "avant le prochain examen",
        "d'ici au prochain EPU",
        "au plus tard lors du prochain examen",
        "d'ici à 2027",
        "d'ici 2028",
        "dans un délai de deux ans",
        "dans un délai d'un an",
        "dans les 12 mois",
        "antes del próximo examen",
        "antes de su próximo EPU",
        "para el próximo examen",
        "para 2027",
        "a más tardar en 2027",
        "en un plazo de dos años",
        "en los próximos 12 meses",
        "within two years",
        "within 12 months",
        "within a year",
        "by 2027",
        "before the next review",
        "by the next review",
        "by the next UPR",
        "before its next UPR review",
        "by the end of the current cycle",
    ],
)
@pytest.mark.parametrize("apostrophe", ["'", "’"])
def test_time_phrases_in_three_languages_and_both_apostrophes(phrase, apostrophe):
    text = f"Adopt, {phrase.replace("'", apostrophe)}, a law on child marriage."
    hint = time_bound(text)
    assert hint.ok, text
    assert hint.detail


def test_the_french_suggested_phrase_with_either_apostrophe():
    for text in (
        "Adopter d'ici le prochain examen une loi interdisant le mariage des enfants.",
        "Adopter d’ici le prochain examen une loi interdisant le mariage des enfants.",
    ):
        assert time_bound(text).ok


def test_a_future_year_after_the_next_review_is_too_late():
    hint = time_bound("Adopt the Children's Code by 2035")
    assert (hint.ok, hint.message, hint.detail) == (False, TOO_LATE, "2035")


def test_a_past_deadline_is_not_too_late_but_passed():
    hint = time_bound("Adopt the law on child marriage by 2020")
    assert not hint.ok
    assert hint.message != TOO_LATE
    assert hint.detail == "2020"


def test_a_count_is_not_a_year():
    assert time_bound("Recruit 2000 teachers").message == ADD_DEADLINE


def test_a_long_time_frame_is_not_before_the_next_review():
    hint = time_bound("Adopt a law on child marriage within ten years")
    assert not hint.ok
    assert hint.detail == "within ten years"


def test_without_a_review_date_a_year_still_to_come_counts():
    assert time_bound("Adopt a law by 2027", review=None).ok
    assert not time_bound("Implement the Child Rights Act 2003 in all states.", review=None).ok


@pytest.mark.parametrize(
    "text",
    [
        "Continue efforts to protect children from violence and exploitation",
        "Ratify the Optional Protocol to CAT by 2028",
    ],
)
def test_achievable_and_relevant_are_for_the_person_to_judge(text):
    by = {h.criterion: h for h in smart_hints(text, REVIEW, today=TODAY)}
    assert by["achievable"].ok is None and by["achievable"].state == "ask"
    assert by["relevant"].ok is None and by["relevant"].state == "ask"


def test_continue_efforts_is_neither_specific_nor_measurable():
    by = {h.criterion: h for h in smart_hints("Continue efforts to protect children…", REVIEW)}
    assert (by["specific"].state, by["measurable"].state) == ("todo", "todo")


FRAGMENTS = st.sampled_from(
    [
        "Act",
        "Law No.",
        "Código de",
        "loi n°",
        "2003",
        "2027",
        "2035",
        "by",
        "d’ici",
        "d'ici à",
        "prochain examen",
        "within",
        "two",
        "years",
        "meses",
        "(",
        "–",
        "the",
        "Agenda",
        "ſix",
        "ſix months",
    ]
)


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(st.text(max_size=400), st.lists(FRAGMENTS, max_size=40).map(" ".join)),
    st.one_of(st.none(), st.dates(min_value=date(2000, 1, 1), max_value=date(2099, 12, 31))),
    st.dates(min_value=date(2000, 1, 1), max_value=date(2099, 12, 31)),
)
def test_checks_never_raise_on_arbitrary_text(text, review, today):
    hints = smart_hints(text, review, today=today)
    assert [h.criterion for h in hints] == [
        "specific",
        "measurable",
        "time-bound",
        "achievable",
        "relevant",
    ]
    assert all(h.ok in (True, False, None) and isinstance(h.detail, str) for h in hints)


def test_french_and_spanish_drafts_get_their_leading_verb() -> None:
    """Drafts are often written in French or Spanish first: the rule reads their verbs too."""
    from upr.text.smart import leading_phrase

    cases = {
        "Ratifier le Protocole facultatif se rapportant à la Convention contre la torture": 5,
        "Ratificar la Convención sobre los derechos de las personas con discapacidad": 5,
        "Adopter des mesures pour protéger les défenseurs": 4,
        "Adoptar una ley integral contra la discriminación": 5,
        "Envisager de ratifier la Convention": 3,
        "Poursuivre ses efforts pour éliminer le mariage des enfants": 2,
        "Continuar sus esfuerzos": 2,
        "Solliciter l'assistance technique du HCDH": 1,
    }
    assert {text: leading_phrase(text)[1] for text in cases} == cases
    french = smart_hints("Ratifier le Protocole facultatif d’ici 2027.", date(2027, 1, 20),
                         today=date(2026, 11, 30))  # fmt: skip
    assert [h.ok for h in french][:3] == [True, True, True]
