"""The query parser: syntax, safety of the rendered expressions, highlighting (no database)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from upr.corpus.search_query import (
    fts5_match,
    highlight,
    matches,
    parse,
    tokens,
    tsquery_match,
)


def test_words_phrases_or_exclusion_prefix():
    q = parse('"sexual orientation" torture OR ill-treatment -death child*')
    assert str(q) == '"sexual orientation" torture OR "ill treatment" child* -death'
    assert fts5_match(q) == (
        '("sexual orientation") AND (("torture" OR "tortures") OR "ill treatment") AND ("child"*)'
    )
    assert tsquery_match(q) == (
        "(('sexual' <-> 'orientation')) & (('torture' | 'tortures') | ('ill' <-> 'treatment'))"
        " & (('child':*))"
    )


def test_a_bare_word_finds_its_plural_and_a_quoted_word_only_itself():
    bare, quoted = parse("journalist"), parse('"journalist"')
    assert fts5_match(bare) == '(("journalist" OR "journalists"))'
    assert fts5_match(quoted) == '("journalist")'
    assert str(bare) == "journalist" and str(quoted) == '"journalist"'
    assert matches(bare, "Protect journalists.") and not matches(quoted, "Protect journalists.")
    assert matches(parse("children"), "Every child") and matches(parse("child"), "All children")
    assert not matches(parse("-death torture"), "torture and deaths in custody")
    assert highlight(parse("defender"), "Human rights defenders") == (
        "Human rights <mark>defenders</mark>"
    )


@given(st.text(max_size=80))
def test_the_printed_query_reads_back_as_the_same_query(text):
    q = parse(text)
    assert parse(str(q)).clauses == q.clauses


def test_unbalanced_quotes_and_lone_operators_are_harmless():
    assert str(parse('"birth registration')) == '"birth registration"'
    assert parse("OR OR -").is_empty
    assert parse('"" * - OR').is_empty
    assert str(parse("women's")) == '"women s"'


def test_tokens_are_letters_and_digits():
    assert tokens("Non-discrimination, A/HRC/19/7 — México’s") == [
        "non", "discrimination", "a", "hrc", "19", "7", "méxico", "s",
    ]  # fmt: skip


def test_highlight_escapes_and_marks():
    q = parse("child* <script>")
    html = highlight(q, "Protect children <script>alert(1)</script> now")
    assert "<mark>children</mark>" in html
    assert "<script>" not in html and "&lt;" in html
    assert "<mark>script</mark>" in html


def test_matches_in_python():
    q = parse("torture -death")
    assert matches(q, "Prevent torture.")
    assert not matches(q, "Torture and the death penalty")


@settings(max_examples=300)
@given(st.text(max_size=300))
def test_rendered_expressions_hold_only_quoted_letter_and_digit_tokens(text):
    q = parse(text)
    fts = fts5_match(q)
    # Outside quotes only operators, brackets, spaces and '*' remain.
    outside = "".join(part for k, part in enumerate(fts.split('"')) if k % 2 == 0)
    assert set(outside) <= set("()ANDOR *")
    for part in fts.split('"')[1::2]:
        assert all(ch.isalnum() or ch == " " for ch in part)
    assert "\\" not in tsquery_match(q)
