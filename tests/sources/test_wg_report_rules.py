"""Small literal cases for the splitting rules of the WG-report parser (issue #7).

Each example is cut from a real report layout (file named in the test) and shows what the
UPR Info database stores for it.
"""

from __future__ import annotations

from pathlib import Path

from upr.sources.state_mentions import parse_state_list, split_segments
from upr.sources.wg_references import _roman_parts, parse_references
from upr.sources.wg_report import (
    _cites_paragraphs,
    _flatten,
    _strip_to,
    parse_wg_report,
    parse_wg_report_text,
)


def _segs(item: str) -> list[tuple[str, tuple[str, ...]]]:
    return [(s.text, s.states) for s in split_segments(item)]


# --- continuations: a later piece only adds to the first ---------------------------------


def test_continuation_pieces_extend_the_head_per_state() -> None:  # greece2011, 83.1
    item = (
        "Ratify the Convention on the Rights of Persons with Disabilities (Algeria, Austria,"
        " Brazil) that it has already signed in 2007 (Algeria) and its Optional Protocol"
        " (Austria, Ukraine);"
    )
    crpd = "Ratify the Convention on the Rights of Persons with Disabilities"
    assert _segs(item) == [
        (f"{crpd} that it has already signed in 2007", ("DZA",)),
        (f"{crpd} and its Optional Protocol", ("AUT", "UKR")),
        (crpd, ("BRA",)),
    ]


def test_continuation_after_a_semicolon_with_a_connecting_word() -> None:  # burundi2009
    item = (
        "Establish an independent national human rights commission (Egypt); in compliance"
        " with the Paris Principles (Portugal)"
    )
    nhrc = "Establish an independent national human rights commission"
    assert _segs(item) == [
        (nhrc, ("EGY",)),
        (f"{nhrc} in compliance with the Paris Principles", ("PRT",)),
    ]


def test_capitalised_purpose_clause_is_a_continuation() -> None:  # equatorialguinea2010
    item = (
        "Ratify the Second Optional Protocol to the ICCPR (Chile, Sweden); Aiming at the"
        " Abolition of the Death Penalty (Sweden)"
    )
    op2 = "Ratify the Second Optional Protocol to the ICCPR"
    assert _segs(item) == [
        (op2, ("CHL",)),
        (f"{op2} Aiming at the Abolition of the Death Penalty", ("SWE",)),
    ]


def test_a_lower_case_verb_starts_a_new_recommendation() -> None:  # algeria2012, 129.81
    item = (
        "Develop training programmes for the youth (Sudan) step up its efforts in the field of"
        " vocational training (China) and provide more resources for strategies (Viet Nam);"
    )
    assert _segs(item) == [
        ("Develop training programmes for the youth", ("SDN",)),
        ("Step up its efforts in the field of vocational training", ("CHN",)),
        ("Provide more resources for strategies", ("VNM",)),
    ]


def test_fronted_phrase_with_its_own_verb_is_not_a_continuation() -> None:  # rwanda2011
    item = "End solitary confinement (Spain); in line with the Committee, put an end to it (Italy)"
    assert [s for _, s in _segs(item)] == [("ESP",), ("ITA",)]
    assert _segs(item)[1][0].startswith("In line with")


# --- State lists --------------------------------------------------------------------------


def test_state_list_with_a_lost_comma_and_a_final_and() -> None:  # india2008
    got = parse_state_list("United Kingdom France, Mexico, Nigeria, Italy, Switzerland, and Sweden")
    assert got is not None and got.iso3 == ("GBR", "FRA", "MEX", "NGA", "ITA", "CHE", "SWE")
    assert parse_state_list("Trinidad and Tobago").iso3 == ("TTO",)  # type: ignore[union-attr]


def test_inverted_state_names_in_a_list() -> None:  # philippines2012, 129.2
    assert parse_state_list("Venezuela, Bolivarian Republic of").iso3 == ("VEN",)  # type: ignore[union-attr]
    got = parse_state_list("Brazil, Korea, Republic of, Congo, Democratic Republic of the")
    assert got is not None and got.iso3 == ("BRA", "KOR", "COD") and got.unknown == ()
    alone = parse_state_list("Republic of")  # with no name before it, it stays reported
    assert alone is not None and alone.unknown == ("Republic of",)


def test_footnote_marker_inside_a_state_list() -> None:  # finland2012 "(Uruguay 3)"
    assert parse_state_list("Uruguay 3").iso3 == ("URY",)  # type: ignore[union-attr]
    assert parse_state_list("Chile, Peru 4").iso3 == ("CHL", "PER")  # type: ignore[union-attr]
    assert parse_state_list("Article 2") is None
    assert parse_state_list("resolution 1325") is None


# --- references to the interactive dialogue -----------------------------------------------


def test_references_with_letter_groups_and_several_lists() -> None:  # uzbekistan2009, 107
    intro = (
        "The following recommendations did not enjoy the support of Uzbekistan: Uzbekistan"
        " considers that the recommendations contained in paragraphs 33 (a, b), 39 (a),"
        " 65(a), and 79 (d, f) are not part of its obligations. Uzbekistan considers the"
        " recommendations contained in paragraphs 43(a), 44 and 87(a) as unacceptable."
    )
    assert [r.label for r in parse_references(intro)] == [
        "33(a)", "33(b)", "39(a)", "65(a)", "79(d)", "79(f)", "43(a)", "44", "87(a)"
    ]  # fmt: skip


def test_references_after_a_colon_sub_numerals_and_notes() -> None:  # malaysia2009, 105
    intro = (
        "The recommendations noted in the report in paragraphs: 71; 72 (c); 67 (a), (b) (i)"
        " and (ii); 23 (last sentence); 21, above did not enjoy the support of Malaysia."
    )
    assert [r.label for r in parse_references(intro)] == [
        "71",
        "72(c)",
        "67(a)",
        "67(b)",
        "23",
        "21",
    ]
    # a list runs up to its first other word: "3,000" after it is not a paragraph
    note = "paragraphs 24 (b) (Belgium), 53 (a) (Canada), Burundi noted 39 parties and 3,000 NGOs"
    assert [r.label for r in parse_references(f"in the report {note}")] == ["24(b)", "53(a)"]
    assert [r.label for r in parse_references("in the report, paragraphs 5 (h), (i) and (j)")] == [
        "5(h)", "5(i)", "5(j)"
    ]  # fmt: skip


def test_grouping_paragraph_whose_colon_opens_references() -> None:  # burundi2009, 82
    assert _cites_paragraphs(
        "The recommendations noted in the report in paragraphs 26 (e), 29 above did not enjoy"
        " the support of Burundi",
        " NOTE 1. With regard to recommendations in paragraphs 26 (e) (Czech Republic), …",
    )
    assert not _cites_paragraphs(
        "The following recommendations enjoy the support of Chile", " Ratify the CAT (Peru);"
    )


def test_roman_sub_items_of_a_cited_recommendation() -> None:  # malaysia2009, 67 (b)
    assert _roman_parts(
        "Malaysia (i) publish official figures concerning executions, (ii) restrict the"
        " application of the death penalty, and (iii) abolish it"
    ) == [
        "Publish official figures concerning executions",
        "Restrict the application of the death penalty",
        "Abolish it",
    ]
    assert _roman_parts("Ratify the CAT") == ["Ratify the CAT"]


DIALOGUE = """I. SUMMARY OF THE PROCEEDINGS
10. Finland recommended that (a) Ruritania ratify the CAT; and (b) encouraged Ruritania to sign
the CED.
11. Peru recommended to abolish the death penalty.
II. CONCLUSIONS AND/OR RECOMMENDATIONS
40. The recommendations noted in the report in paragraphs: 10 (b); 11 above did not enjoy
the support of Ruritania.
41. Ruritania takes note of the recommendations reflected in paragraphs 10 (b) and 11 and
offers the following comments: they are unfounded.
42. All conclusions and/or recommendations contained in the present report reflect the position
of the submitting State(s).
"""


def test_cited_recommendations_are_taken_once() -> None:  # burkinafaso2009, 99–100
    doc = parse_wg_report_text(DIALOGUE, "ruritania")
    got = [(r.paragraph, r.text, r.recommending_states) for r in doc.recommendations]
    assert got == [
        ("40:10(b)", "Sign the CED", ("FIN",)),
        ("40:11", "Abolish the death penalty", ("PER",)),
    ]


# --- text clean-up ---------------------------------------------------------------------------


def test_reading_notes_are_dropped_from_the_item() -> None:  # peru2012, gambia2010
    body = (
        "116.15. Consider enacting legislation (Canada)4;\n"
        " 4 The recommendation as read during the interactive dialogue: “Enact legislation"
        " that addresses crimes (Canada)”.\n"
        "116.16. Seek assistance to combat poverty\n"
        "4 \tThe original recommendation read as follows: “Continue efforts”\n"
        "based on the national priorities (Egypt);\n"
        " 6 The recommendation as read during the interactive dialogue: “Continue to develop\n"
        "116.17. Strengthen efforts (Chile);"
    )
    flat = _flatten(body)
    assert "interactive dialogue" not in flat and "original" not in flat
    assert "Seek assistance to combat poverty\nbased on the national priorities (Egypt)" in flat
    assert "116.17. Strengthen efforts (Chile);" in flat


def test_infinitive_to_is_dropped() -> None:  # fiji2010
    assert (
        _strip_to("To favourably consider ratifying the ICCPR")
        == "Favourably consider ratifying the ICCPR"
    )
    assert (
        _strip_to("To the international community: assist")
        == "To the international community: assist"
    )


def test_purpose_and_timing_continuations() -> None:  # belgium2011, armenia2010
    item = (
        "Establish an independent national human rights institution in compliance with the Paris"
        " Principles (Egypt); in order to further strengthen the government's policies (Indonesia);"
        " as soon as possible (Greece)"
    )
    nhri = (
        "Establish an independent national human rights institution in compliance with the"
        " Paris Principles"
    )
    assert _segs(item) == [
        (nhri, ("EGY",)),
        (f"{nhri} in order to further strengthen the government's policies", ("IDN",)),
        (f"{nhri} as soon as possible", ("GRC",)),
    ]


def test_a_state_less_comment_is_left_out_with_a_warning(terman_dir: Path) -> None:
    # tajikistan2011, 92: the State's comments on the recommendations of 91, numbered like
    # recommendations but naming no State; the real recommendations around them stay.
    doc = parse_wg_report(terman_dir / "wg-report-txts" / "tajikistan2011.txt")
    assert not any(r.text.startswith("Regarding") for r in doc.recommendations)
    assert any(w.startswith("92.1: left out, a comment") for w in doc.warnings)
    assert sum(r.paragraph.startswith("91.") for r in doc.recommendations) >= 4
    text = (
        "Conclusions and/or recommendations\n"
        "90. The following recommendations enjoy the support of Tajikistan:\n"
        "90.1. Ratify the OP-CAT (Chile);\n"
        "90.2. Combat trafficking in persons;\n"
        "90.3. The recommendations listed above enjoy the support of Tajikistan.\n"
        "91. Conclusions and/or recommendations will not be edited.\n"
    )
    texts = [r.text for r in parse_wg_report_text(text).recommendations]
    assert texts == ["Ratify the OP-CAT", "Combat trafficking in persons"]


def test_alternative_verbs_share_an_object_that_opens_with_of() -> None:  # slovenia 2010, 111.1
    item = (
        "To examine the possibility of joining (Algeria)/sign and ratify (Egypt)/ratify (Bosnia"
        " and Herzegovina)/consider the ratification (Argentina) of the Convention on Migrant"
        " Workers and Members of Their Families (Algeria, Egypt, Bosnia and Herzegovina,"
        " Argentina);"
    )
    convention = "the Convention on Migrant Workers and Members of Their Families"
    assert _segs(item) == [  # as UPR Info records them: the "of" is the noun's
        (f"To examine the possibility of joining {convention}", ("DZA",)),  # "To": _strip_to
        (f"Sign and ratify {convention}", ("EGY",)),
        (f"Ratify {convention}", ("BIH",)),
        (f"Consider the ratification of {convention}", ("ARG",)),
    ]


def test_a_shared_prefix_is_not_repeated_where_a_piece_repeats_it() -> None:  # bangladesh2009
    item = (
        "Consider ratifying or acceding to: OP-ICCPR 2 (Chile); Consider ratifying or acceding to"
        " OP-CAT (France, Chile); Consider ratifying or acceding to other core international"
        " treaties to which it is not a party (Slovenia)."
    )
    assert _segs(item) == [
        ("Consider ratifying or acceding to OP-ICCPR 2", ("CHL",)),
        ("Consider ratifying or acceding to OP-CAT", ("FRA", "CHL")),
        ("Consider ratifying or acceding to other core international treaties to which it is"
         " not a party", ("SVN",)),
    ]  # fmt: skip
