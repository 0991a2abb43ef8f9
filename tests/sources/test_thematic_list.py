"""OHCHR thematic lists of Slovenia, cycles 2–4 (.docx tables)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from upr.sources.thematic_list import ThematicList, parse_thematic_list, parse_thematic_list_data
from upr.sources.un_text import DocumentError

LISTS = {
    2: ("2ndcycleunoriginal/UPR20__Slovenia_ThematicListRecommendations_E.docx", 142, 21),
    3: ("3rdcycleunoriginal/UPR34_Slovenia_Thematic_list_of_Recommendations.docx", 182, 33),
    4: ("4thcycleunoriginal/upr48-slovenia-thematic-list-of-recommendatio.docx", 217, 37),
}


@pytest.fixture(scope="session")
def thematic_lists(data_dir: Path) -> dict[int, ThematicList]:
    base = data_dir / "slovenia-upr"
    return {cycle: parse_thematic_list(base / name) for cycle, (name, _, _) in LISTS.items()}


@pytest.mark.parametrize("cycle", sorted(LISTS))
def test_counts_match_the_documents_totals(thematic_lists, cycle: int) -> None:
    _, supported, noted = LISTS[cycle]
    recs = thematic_lists[cycle].recommendations
    assert Counter(r.position for r in recs) == {"supported": supported, "noted": noted}
    assert len({r.paragraph for r in recs}) == supported + noted
    assert all(r.recommending_states and r.themes for r in recs)
    assert not thematic_lists[cycle].warnings


def test_cycle2_row(thematic_lists) -> None:
    rec = next(r for r in thematic_lists[2].recommendations if r.paragraph == "115.3")
    assert rec.recommending_states == ("PRT", "SVK")
    assert rec.themes == ("A12 Acceptance of international norms",)
    assert rec.affected_persons == ("children",)
    assert rec.position_source == "A/HRC/28/15/Add.1 - Para. 3"


def test_cycle3_sdgs_and_grouped_row(thematic_lists) -> None:
    rec = next(r for r in thematic_lists[3].recommendations if r.paragraph == "121.2")
    assert rec.recommending_states == ("UKR", "SVK")
    assert rec.sdgs == ("16 - PEACE, JUSTICE AND STRONG INSTITUTIONS",)
    assert rec.affected_persons == ("Disappeared persons",)
    assert "Increase efforts" in rec.full_text


def test_cycle4_separate_sdg_column(thematic_lists) -> None:
    rec = next(r for r in thematic_lists[4].recommendations if r.paragraph == "140.7")
    assert rec.recommending_states == ("MDV", "PRT")
    assert "1 - NO POVERTY" in rec.sdgs
    assert rec.theme_heading == "Ratification of & accession to international instruments"


def test_not_a_docx() -> None:
    with pytest.raises(DocumentError):
        parse_thematic_list_data(b"plain text", "list.docx")
