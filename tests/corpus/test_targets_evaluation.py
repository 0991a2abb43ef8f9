"""The backtest on the real corpus: rank from cycle 1 (sessions 1–12), truth from 13–19.

Floors are the figures measured for the shipped model (docs/targets.md), rounded down; the
baseline (each State's count of recommendations on the issue) must stay ≈ 0.25 as a check of
the evaluation code itself.
"""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command

from upr.corpus.targets.evaluation import backtest
from upr.corpus.targets.weights import MODEL_PARAMS

pytestmark = pytest.mark.corpus


@pytest.fixture(scope="module")
def result(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        return backtest(range(1, 13), range(13, 20))


def test_baseline_is_the_reference(result):
    assert result.baseline.pairs == 2441
    assert result.baseline.precision == pytest.approx(0.25, abs=0.005)


def test_finder_figures_do_not_fall(result):
    assert result.model.pairs == 2441
    assert result.model.precision >= 0.23
    assert result.model.recall >= 0.25
    assert result.model.map >= 0.25
    # The rule that chose the model (docs/targets.md): it beats the count inside cycle 1.
    assert result.inner_model.precision >= result.inner_baseline.precision
    assert result.inner_model.map >= result.inner_baseline.map


def test_shipped_parameters_are_the_ones_set_on_cycle_one(result):
    assert set(result.params) == set(MODEL_PARAMS)
    for name, value in MODEL_PARAMS.items():
        assert result.params[name] == pytest.approx(value, abs=1e-3), name


def test_evaluate_command_prints_both_rankings(corpus):
    out = StringIO()
    call_command("upr_evaluate", "targets", "--history", "1-12", "--truth", "13-19",
                 stdout=out, stderr=StringIO())  # fmt: skip
    text = out.getvalue()
    assert "finder (model tuned on history)" in text and "baseline" in text
    assert "2441" in text
