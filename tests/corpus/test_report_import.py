"""`upr import report`: a review's UN documents into the corpus, atomic and idempotent."""

from __future__ import annotations

from collections import Counter
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from upr.corpus.models import ImportRun, Origin, Recommendation
from upr.corpus.report_import import import_report
from upr.sources.un_text import DocumentError

SVN4 = "slovenia-upr/4thcycleunoriginal/"
SYNTHETIC = """Report of the Working Group on the Universal Periodic Review
Utopia
The Working Group held its fifth session from 4 to 15 May 2009.
II. Conclusions and/or recommendations
90. The following recommendations enjoy the support of Utopia: 90.1 Ratify the CAT (Argentina)
(Namibia); 90.2 Adopt a plan (Spain, Argentina); 91. The following recommendations did not
enjoy the support of Utopia: 91.1 Drop it (Atlantis); 91.2 Abolish the death penalty (Chile);
92. All conclusions and/or recommendations contained in the present report reflect the position.
"""


def _files(data_dir: Path, *names: str) -> list[tuple[str, bytes]]:
    return [(Path(n).name, (data_dir / n).read_bytes()) for n in names]


@pytest.mark.django_db
def test_slovenia_cycle_4_from_the_pdfs_and_thematic_list(data_dir: Path, corpus) -> None:
    files = _files(
        data_dir,
        SVN4 + "upr48-slovenia-thematic-list-of-recommendatio.docx",  # any order
        SVN4 + "g2502644.pdf",
        SVN4 + "g2505828.pdf",
    )
    before = corpus.count()
    summary = import_report(files)
    assert (summary.sur, summary.session, summary.document_symbol) == ("SVN", 48, "A/HRC/59/15")
    rows = Recommendation.objects.filter(sur_id="SVN", session_id=48)
    assert rows.count() == summary.imported == 254
    assert {r.origin for r in rows} == {Origin.UN_DOCUMENT}
    assert Counter(rows.values_list("response", flat=True)) == {"supported": 217, "noted": 37}
    first = rows.get(paragraph="140.1")
    assert first.document_symbol == "A/HRC/59/15"
    assert first.recommending_states.exists()
    assert first.review.document_symbols == "A/HRC/59/15"
    # Re-import adds nothing.
    again = import_report(files)
    assert (again.imported, again.updated, again.already_present) == (0, 0, 254)
    assert corpus.count() == before + 254


@pytest.mark.django_db
def test_addendum_given_later_updates_the_responses(data_dir: Path) -> None:
    report = _files(data_dir, "slovenia-upr/cycle2/extracted/g1423930.txt")
    first = import_report(report)
    assert (first.sur, first.session) == ("SVN", 20)
    # Session 20 is beyond the export; the report says "will be examined" until the answers.
    assert Counter(first.per_response) == {"pending": first.imported}
    later = import_report(report + _files(data_dir, "slovenia-upr/cycle2/extracted/g1504261.txt"))
    assert later.imported == 0
    assert later.updated > 0.9 * first.imported
    rows = Recommendation.objects.filter(sur_id="SVN", session_id=20)
    assert rows.filter(response="pending").count() < 0.1 * rows.count()


@pytest.mark.django_db
def test_review_already_in_upr_info_gets_paragraphs_not_twins(terman_dir: Path, corpus) -> None:
    before = corpus.count()
    summary = import_report(_files(terman_dir, "wg-report-txts/afghanistan2014.txt"))
    assert summary.imported == 0
    assert summary.enriched == 224
    # every recommendation read is either matched or listed, never silently lost
    assert summary.matched + len(summary.not_stored) == summary.parsed
    assert all(len(line) < 200 for line in summary.not_stored)
    assert corpus.count() == before
    row = corpus.filter(sur_id="AFG", session_id=18, paragraph="136.1").get()
    assert row.origin == Origin.UPR_INFO
    assert row.recommending_states.get().pk == "ETH"


@pytest.mark.django_db
def test_unknown_state_names_are_reported_not_dropped() -> None:
    summary = import_report([("utopia.txt", SYNTHETIC.encode())], sur="SVN", session=5)
    assert summary.unknown_states == ["91.1: Atlantis"]
    row = Recommendation.objects.get(sur_id="SVN", session_id=5, paragraph="91.1")
    assert row.recommending_unknown and row.response == "noted"
    assert ImportRun.objects.filter(kind="un-report").latest("pk").details["unknown_states"] == [
        "91.1: Atlantis"
    ]


@pytest.mark.django_db
def test_unnamed_state_under_review_needs_sur() -> None:
    with pytest.raises(DocumentError, match=r"not known; give it"):
        import_report([("utopia.txt", SYNTHETIC.encode())])


@pytest.mark.django_db
def test_a_broken_companion_file_changes_nothing(terman_dir: Path, corpus) -> None:
    before = corpus.count()
    files = [("utopia.txt", SYNTHETIC.encode()), ("addendum.pdf", b"%PDF-1.4 garbage")]
    with pytest.raises(DocumentError, match=r"addendum\.pdf"):
        import_report(files, sur="SVN", session=5)
    assert corpus.count() == before
    assert not ImportRun.objects.filter(kind="un-report").exists()


@pytest.mark.django_db
def test_command_prints_summary_and_refuses_broken_files(tmp_path: Path, corpus) -> None:
    report = tmp_path / "utopia.txt"
    report.write_text(SYNTHETIC)
    out = StringIO()
    call_command("upr_import", "report", str(report), "--sur", "Slovenia", "--session", "5",
                 stdout=out, stderr=StringIO())  # fmt: skip
    assert "4 imported" in out.getvalue()
    assert "Atlantis" in out.getvalue()
    broken = tmp_path / "matrix.docx"
    broken.write_bytes(b"not a zip at all")
    before = corpus.count()
    with pytest.raises(CommandError, match=r"nothing imported.*matrix\.docx"):
        call_command("upr_import", "report", str(report), str(broken), "--sur", "SVN",
                     "--session", "6", stdout=StringIO(), stderr=StringIO())  # fmt: skip
    assert corpus.count() == before


@pytest.mark.django_db
def test_a_state_or_session_contradicting_the_report_is_refused(data_dir: Path, corpus) -> None:
    before = corpus.count()
    report = _files(data_dir, "slovenia-upr/cycle2/extracted/g1423930.txt")
    with pytest.raises(DocumentError, match=r"the report is about Slovenia, not KEN"):
        import_report(report, sur="KEN")
    with pytest.raises(DocumentError, match=r"the report is of session \d+, not 35"):
        import_report(report, session=35)
    assert corpus.count() == before and not ImportRun.objects.filter(kind="un-report").exists()
    # The same document symbol under another session (a typo) would store the review twice.
    import_report([("utopia.txt", SYNTHETIC.encode())], sur="SVN", symbol="A/HRC/99/1")
    sixth = SYNTHETIC.replace("fifth session", "sixth session").encode()
    with pytest.raises(DocumentError, match=r"A/HRC/99/1 is already imported for the review of SVN"
                       r" at session 5"):  # fmt: skip
        import_report([("utopia6.txt", sixth)], sur="SVN", symbol="A/HRC/99/1")
    assert not Recommendation.objects.filter(sur_id="SVN", session_id=6).exists()


def test_listed_texts_are_cut_at_a_word_and_marked() -> None:
    from upr.corpus.report_import import _clip

    text = "Sign and ratify the Optional Protocol to the Convention against Torture " * 3
    clipped = _clip(text, 60)
    assert clipped.endswith("…") and len(clipped) <= 61
    assert text.startswith(clipped[:-1]) and text[len(clipped) - 1] == " "  # a whole word
    assert _clip("Ratify the OP-CAT", 60) == "Ratify the OP-CAT"


@pytest.mark.django_db
def test_files_that_are_not_a_report_say_what_to_do(data_dir: Path) -> None:
    thematic = _files(data_dir, "slovenia-upr/2ndcycleunoriginal/"
                      "UPR20__Slovenia_ThematicListRecommendations_E.docx")  # fmt: skip
    with pytest.raises(DocumentError, match=r"is a thematic list of recommendations.*own fields"):
        import_report(thematic)
    national = [("national.txt", b"National report submitted by Utopia\n\n1. We did well.\n")]
    with pytest.raises(DocumentError, match=r"section found: is it the Working Group's report\?"):
        import_report(national, sur="SVN", session=5)
