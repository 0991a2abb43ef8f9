"""Addenda of Slovenia (responses) checked against the thematic lists and the WG reports."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from upr.sources.addendum import (
    ParsedAddendum,
    classify_answer,
    parse_addendum,
    parse_addendum_text,
)
from upr.sources.thematic_list import parse_thematic_list
from upr.sources.un_text import DocumentError
from upr.sources.wg_report import parse_wg_report

CYCLES = {
    # cycle: (addendum, prefix for bare numbers, WG report, thematic list, supported, noted)
    2: ("cycle2/extracted/g1504261.txt", "115", "cycle2/extracted/g1423930.txt",
        "2ndcycleunoriginal/UPR20__Slovenia_ThematicListRecommendations_E.docx", 142, 21),
    3: ("cycle3/extracted/g2004192.txt", None, "cycle3/extracted/g1934994.txt",
        "3rdcycleunoriginal/UPR34_Slovenia_Thematic_list_of_Recommendations.docx", 182, 33),
    4: ("cycle4/extracted/g2505828.txt", None, "cycle4/extracted/g2502644.txt",
        "4thcycleunoriginal/upr48-slovenia-thematic-list-of-recommendatio.docx", 217, 37),
}  # fmt: skip


@pytest.fixture(scope="session")
def addenda(data_dir: Path) -> dict[int, ParsedAddendum]:
    base = data_dir / "slovenia-upr"
    return {c: parse_addendum(base / v[0], v[1]) for c, v in CYCLES.items()}


def _final_responses(data_dir: Path, cycle: int, addendum: ParsedAddendum) -> dict[str, str]:
    """Addendum answers, plus what the WG report already settled (cycle 3: 121.x supported)."""
    base = data_dir / "slovenia-upr"
    report = parse_wg_report(base / CYCLES[cycle][2])
    final = {r.paragraph: r.response for r in report.recommendations if r.response != "pending"}
    final.update({r.paragraph: r.response for r in addendum.responses})
    return final


@pytest.mark.parametrize("cycle", sorted(CYCLES))
def test_addendum_and_thematic_list_agree(data_dir: Path, addenda, cycle: int) -> None:
    final = _final_responses(data_dir, cycle, addenda[cycle])
    listed = {
        r.paragraph: r.position
        for r in parse_thematic_list(data_dir / "slovenia-upr" / CYCLES[cycle][3]).recommendations
    }
    differences = sorted(
        (p, final.get(p), listed.get(p))
        for p in final.keys() | listed.keys()
        if final.get(p) != listed.get(p)
    )
    assert differences == []
    supported, noted = CYCLES[cycle][4:]
    assert Counter(final.values()) == {"supported": supported, "noted": noted}


def test_addendum_metadata_and_comments(addenda) -> None:
    add = addenda[2]
    assert (add.sur, add.document_symbol) == ("SVN", "A/HRC/28/15/Add.1")
    by = add.by_paragraph()
    assert by["115.18"].comment.startswith("We consider that this recommendation is implemented")
    assert by["115.6"].response == "noted"
    assert "not planning to ratify" in by["115.6"].comment
    assert by["115.3"].cluster == "I. Accepted recommendations"
    assert addenda[3].by_paragraph()["122.3"].comment.startswith("The ratification")


def test_cycle1_item_by_item(data_dir: Path) -> None:
    add = parse_addendum(data_dir / "slovenia-upr/cycle1/extracted/g1012465.txt", "111")
    by = add.by_paragraph()
    assert by["111.2"].response == "supported"
    assert by["111.1"].response == "noted"
    assert by["111.3"].response == "partially supported"
    assert by["111.9"].response == "supported"  # "5., 6., 7., 8., 9. … accepts these"


@pytest.mark.parametrize(
    ("answer", "response"),
    [
        ("Slovenia accepts the recommendation.", "supported"),
        ("Slovenia does not accept this recommendation.", "noted"),
        ("The Government takes note of the recommendation.", "noted"),
        ("It accepts the first part but cannot accept the second.", "partially supported"),
    ],
)
def test_classify_answer(answer: str, response: str) -> None:
    assert classify_answer(answer) == response


def test_partially_supported_cluster() -> None:
    text = (
        "Views on conclusions and/or recommendations\n"
        "Partially supported recommendations\n"
        "3. The Government partially accepts recommendations 99.1-3 and 99.7.\n"
        "Noted recommendations\n"
        "4. The Government notes recommendations 99.4–6.\n"
    )
    got = {r.paragraph: r.response for r in parse_addendum_text(text).responses}
    assert got == {
        "99.1": "partially supported", "99.2": "partially supported",
        "99.3": "partially supported", "99.7": "partially supported",
        "99.4": "noted", "99.5": "noted", "99.6": "noted",
    }  # fmt: skip


def test_addendum_without_responses() -> None:
    with pytest.raises(DocumentError, match="no responses"):
        parse_addendum_text("A letter.", "letter.txt")
