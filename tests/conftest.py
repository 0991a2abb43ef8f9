"""Shared fixtures: the real data directory and a database holding the real corpus."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.conf import settings


@pytest.fixture(scope="session")
def data_dir() -> Path:
    path = Path(settings.UPR_DATA_DIR)
    if not (path / "terman-upr-info").is_dir():
        pytest.fail(f"The data directory {path} is missing: set UPR_DATA_DIR (see README).")
    return path


@pytest.fixture(scope="session")
def terman_dir(data_dir: Path) -> Path:
    return data_dir / "terman-upr-info"
