"""Telling English drafts from French and Spanish ones, on real UN wording."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from upr.sources.upr_info import read_export
from upr.text.language import looks_english


def test_recommendations_of_the_export_read_as_english(terman_dir) -> None:
    texts = [row.text for row in read_export(terman_dir / "18-19.csv")]
    english = sum(looks_english(t) for t in texts)
    assert len(texts) > 5000 and english / len(texts) > 0.995  # the UN's English texts


def test_french_and_spanish_drafts_are_not_english() -> None:
    for text in (
        "Poursuivre les efforts de lutte contre la traite des personnes",
        "Ratifier le Protocole facultatif se rapportant à la Convention contre la torture",
        "Adoptar una ley integral contra la violencia de género antes del próximo examen",
        "Garantizar el acceso a la educación de los niños con discapacidad",
    ):
        assert not looks_english(text), text
    for text in ("Ratify the OP-CAT", "Continue its efforts", "", "Ratify", "la"):
        assert looks_english(text), text  # English, or too short to tell


@given(st.text())
def test_any_text_gets_an_answer(text: str) -> None:
    assert looks_english(text) in (True, False)
