"""2008–09 reports that list recommendations only by reference to the interactive dialogue."""

from __future__ import annotations

from pathlib import Path

from upr.sources.wg_references import Reference, parse_references
from upr.sources.wg_report import parse_wg_report


def test_parse_references() -> None:
    intro = (
        "Other recommendations noted in the report in paragraphs 21 (c); 28 (b), (c) and (d); 49;"
        " 56 (b), 57 (c) in section I above did not enjoy the support of Sri Lanka."
    )
    assert [r.label for r in parse_references(intro)] == [
        "21(c)", "28(b)", "28(c)", "28(d)", "49", "56(b)", "57(c)"
    ]  # fmt: skip
    assert parse_references("The recommendations listed below in paragraph 5 above:") == []
    assert Reference(27, "b").label == "27(b)"


def test_sri_lanka_2008_references_give_text_state_and_response(terman_dir: Path) -> None:
    doc = parse_wg_report(terman_dir / "wg-report-txts" / "srilanka2008.txt")
    cited = {r.paragraph: r for r in doc.recommendations if ":" in r.paragraph}
    finland = cited["84:34(a)"]
    assert finland.text.startswith("Accept an independent OHCHR presence")
    assert (finland.recommending_states, finland.response) == (("FIN",), "noted")
    france = cited["83:33(a)"]
    assert france.text.startswith("Sign and ratify the International Convention")
    assert (france.recommending_states, france.response) == (("FRA",), "pending")
    assert len(cited) >= 30
