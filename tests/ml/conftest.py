"""Fixtures for the ML tests: the real UPR Info rows, the time split and the trained models.

The full models (sessions 1–17) are trained once per test session by ``full_report``; the tests
that need to train several times use ``small_train`` (every 8th training row).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from upr.ml.api import EvaluationReport, TrainingRow, evaluate, load_upr_info, time_split


@pytest.fixture(scope="session")
def upr_rows(terman_dir: Path) -> list[TrainingRow]:
    return load_upr_info(terman_dir)


@pytest.fixture(scope="session")
def split(upr_rows: list[TrainingRow]) -> tuple[list[TrainingRow], list[TrainingRow]]:
    return time_split(upr_rows, last_train_session=17)


@pytest.fixture(scope="session")
def train_rows(split) -> list[TrainingRow]:
    return split[0]


@pytest.fixture(scope="session")
def test_rows(split) -> list[TrainingRow]:
    return split[1]


@pytest.fixture(scope="session")
def small_train(train_rows: list[TrainingRow]) -> list[TrainingRow]:
    return train_rows[::8]


@pytest.fixture(scope="session")
def full_report(train_rows, test_rows) -> EvaluationReport:
    """Both models trained on all of sessions 1–17 and measured on sessions 18–19."""
    return evaluate(train_rows, test_rows, seed=0)
