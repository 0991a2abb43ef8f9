"""Fixtures of the corpus tests. The ML ones (``test_suggest_*``): models trained once per test
run through the Django path.

Trained on sessions 15–17 only (about 6,000 rows, a fraction of the full 90 s training) into a
temporary directory, never into VAR_DIR; every measurement is on sessions 18–19.
"""

from __future__ import annotations

import functools
import tempfile
from pathlib import Path

import pytest

from .personas import make_people

TRAIN_SESSIONS = (15, 16, 17)
TEST_SESSIONS = (18, 19)


@functools.cache
def _trained_root() -> Path:
    from upr.corpus.ml.store import train_models

    root = Path(tempfile.mkdtemp(prefix="upr-models-"))
    train_models(TRAIN_SESSIONS, seed=0, root=root)
    return root


@pytest.fixture(scope="session")
def trained_root(django_db_setup, django_db_blocker) -> Path:
    with django_db_blocker.unblock():
        return _trained_root()


@pytest.fixture
def trained(trained_root, settings):
    """The stored models, made the application's models for one test."""
    from upr.corpus.ml.store import loaded

    settings.UPR_MODEL_DIR = str(trained_root)
    settings.UPR_TRAIN_IN_BACKGROUND = False
    return loaded(trained_root)


@pytest.fixture
def no_models(tmp_path, settings) -> Path:
    settings.UPR_MODEL_DIR = str(tmp_path / "models")
    settings.UPR_TRAIN_IN_BACKGROUND = False
    return tmp_path / "models"


@pytest.fixture(autouse=True)
def _fast_hasher(settings):
    """Test accounts need no slow password hashing."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def people(db):
    """Staff, a workspace owner, an editor and nobody (see personas.py)."""
    return make_people()


@pytest.fixture
def run_worker(monkeypatch):
    """Run the real background worker (``db_worker --batch``) in this process until the queue
    is empty. As Django's test client does for requests, the worker's ``close_old_connections``
    is disabled: inside a test's transaction it would close the connection on PostgreSQL."""
    from django.core.management import call_command
    from django_tasks_db.management.commands import db_worker

    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)

    def run() -> None:
        call_command("db_worker", batch=True, no_startup_delay=True, interval=0)

    return run
