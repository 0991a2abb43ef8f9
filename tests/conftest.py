"""Shared fixtures: the real data directory and a test database holding the real corpus.

The corpus (38,298 recommendations) is imported once per test session, right after the test
database is created, so every `django_db` test sees it and rolls its own changes back.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from django.conf import settings
from django.utils import translation


@pytest.fixture(autouse=True)
def _language_of_each_test_is_english():
    """A request in French leaves French active in the thread (Django's middleware activates it
    and nothing deactivates it in tests), so the next test would read French messages."""
    yield
    translation.deactivate()


@pytest.fixture(scope="session")
def data_dir() -> Path:
    path = Path(settings.UPR_DATA_DIR)
    if not (path / "terman-upr-info").is_dir():
        pytest.fail(f"The data directory {path} is missing: set UPR_DATA_DIR (see README).")
    return path


@pytest.fixture(scope="session")
def terman_dir(data_dir: Path) -> Path:
    return data_dir / "terman-upr-info"


@pytest.fixture(scope="session", autouse=True)
def _isolated_model_dir(tmp_path_factory):
    """Models trained by hand into var/ must never change what the tests see."""
    settings.UPR_MODEL_DIR = str(tmp_path_factory.mktemp("models"))


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker, data_dir):
    """Load the default corpus into the fresh test database once."""
    from upr.corpus.default_corpus import load_default_corpus

    with django_db_blocker.unblock():
        load_default_corpus(data_dir)


@pytest.fixture
def corpus(db):
    """A test with the real corpus in the database (read it; changes are rolled back)."""
    from upr.corpus.models import Recommendation

    assert Recommendation.objects.count() >= 38_298
    return Recommendation.objects
