"""Grammatical number for search: the forms that matter are found, the traps are avoided."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from upr.text.inflection import number_forms


@pytest.mark.parametrize(
    ("word", "other"),
    [
        ("journalist", "journalists"),
        ("defenders", "defender"),
        ("child", "children"),
        ("children", "child"),
        ("women", "woman"),
        ("policy", "policies"),
        ("policies", "policy"),
        ("church", "churches"),
        ("processes", "process"),
        ("measures", "measure"),
        ("crisis", "crises"),
        ("crises", "crisis"),
        ("life", "lives"),
        ("persons", "person"),
        ("boys", "boy"),
        ("status", "statuses"),
    ],
)
def test_the_other_number_is_among_the_forms(word, other):
    assert other in number_forms(word)


@pytest.mark.parametrize("word", ["news", "this", "its", "was", "means", "analysis", "basis"])
def test_words_whose_s_is_no_plural_keep_their_meaning(word):
    assert word[:-1] not in number_forms(word)


@pytest.mark.parametrize("word", ["of", "2015", "méxico", "İstanbul", "", "a1b"])
def test_short_words_digits_and_non_ascii_get_no_forms(word):
    assert number_forms(word) == ()


def test_a_plural_gets_no_plural_of_its_own():
    assert number_forms("journalists") == ("journalist",)


@given(st.text(max_size=40))
def test_forms_are_other_lower_case_words_and_nothing_raises(word):
    forms = number_forms(word)
    assert word not in forms
    assert len(set(forms)) == len(forms)
    assert all(f.isascii() and f.isalpha() and f.islower() for f in forms)
