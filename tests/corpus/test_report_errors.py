"""The parsers' reasons for refusing UN documents, shown in the reader's language."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.utils import translation

from upr.corpus.report_errors import explain
from upr.corpus.report_import import import_report
from upr.sources.un_text import DocumentError

SVN20 = "slovenia-upr/2ndcycleunoriginal/"


def _refusal(files, **given) -> str:
    with pytest.raises(DocumentError) as caught:
        import_report(files, **given)
    return str(caught.value)


@pytest.mark.django_db
def test_the_reasons_a_user_can_act_on_are_translated(data_dir: Path) -> None:
    report = [("g1423930.pdf", (data_dir / SVN20 / "g1423930.pdf").read_bytes())]
    thematic_name = "UPR20__Slovenia_ThematicListRecommendations_E.docx"
    thematic = [(thematic_name, (data_dir / SVN20 / thematic_name).read_bytes())]
    national = [("national.txt", b"National report of Utopia\n\n1. Fine.\n")]
    reasons = {
        "state": _refusal(report, sur="KEN"),
        "session": _refusal(report, session=35),
        "no report": _refusal(thematic),
        "no section": _refusal(national, sur="SVN", session=5),
        "truncated": _refusal([("cut.pdf", b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\n")]),
    }
    expected_fr = {
        "state": "g1423930.pdf est le rapport sur Slovenia, pas sur KEN",
        "session": "g1423930.pdf est le rapport de la session 20, pas 35",
        "no report": f"Aucun rapport du Groupe de travail parmi {thematic_name}",
        "no section": "national.txt n’a pas de section « Conclusions et/ou recommandations »",
        "truncated": "cut.pdf est tronqué",
    }
    for key, reason in reasons.items():
        with translation.override("fr"):
            french = explain(reason)
        with translation.override("en"):
            english = explain(reason)
        assert french.startswith(expected_fr[key]), (key, reason, french)
        assert english != french  # really translated, and it starts with the file's name:
        assert key == "no report" or english.split()[0] == french.split()[0]


def test_other_reasons_are_shown_as_written() -> None:
    with translation.override("fr"):
        assert explain("x.pdf: something unforeseen") == "x.pdf: something unforeseen"
