"""`upr evaluate parser DIR`: the parser scored against the recommendations in the database."""

from __future__ import annotations

import shutil
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from upr.corpus.parser_cli import evaluate_in_database, expected_pairs


@pytest.mark.django_db
def test_scores_reports_against_the_database(terman_dir: Path, tmp_path: Path, corpus) -> None:
    for name in ("afghanistan2014.txt", "canada2009.txt"):
        shutil.copy(terman_dir / "wg-report-txts" / name, tmp_path / name)
    evaluation = evaluate_in_database(tmp_path)  # no index here: SuR/session from the reports
    scores = {r.name: r for r in evaluation.reports}
    assert scores["afghanistan2014.txt"].expected == 224
    assert scores["afghanistan2014.txt"].recall == 1.0
    assert 0.5 < scores["canada2009.txt"].recall <= 1.0
    out = StringIO()
    call_command("upr_evaluate", "parser", str(tmp_path), stdout=out, stderr=StringIO())
    text = out.getvalue()
    assert "recall:" in text and "precision:" in text and "State accuracy:" in text
    assert "worst 10:" in text and "afghanistan2014.txt" in text


@pytest.mark.django_db
def test_only_upr_info_rows_are_truth(corpus) -> None:
    assert len(expected_pairs("AFG", 18)) == 224
    corpus.filter(sur_id="AFG", session_id=18).update(origin="un-document")
    assert expected_pairs("AFG", 18) == []


@pytest.mark.django_db
def test_missing_directory_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(CommandError, match="no such directory"):
        call_command("upr_evaluate", "parser", str(tmp_path / "nope"), stdout=StringIO())
