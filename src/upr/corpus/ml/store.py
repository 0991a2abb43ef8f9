"""Trained models on disk under ``VAR_DIR/models`` (never in git), loaded once per process.

Layout::

    models/<version>/issue-tagger.joblib, action-classifier.joblib, manifest.json
    models/current            the name of the version in use (replaced atomically)
    models/training.lock      present while a training runs (pid and start time inside)

Training writes into a hidden temporary directory, renames it to ``<version>`` and only then
points ``current`` at it, so a reader never sees half a model, and a crash leaves the old one.

Background training (web app): a POST from a corpus editor enqueues the ``train_models_task``
of :mod:`upr.corpus.ml.tasks` on Django's tasks framework (database backend); the worker process
(``upr db_worker``, started by ``make run``) runs it, never the web process. The task takes
``training.lock`` like ``upr train``, so only one training runs per machine. A page that needs a
missing model says so (queued, or being trained) and never waits for it. A plain visit (GET)
never enqueues minutes of CPU work: visitors cannot load the server.
"""

from __future__ import annotations

import json
import logging
import os
import re
import shutil
import tempfile
import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.utils import timezone

from upr.ml.api import (
    FORMAT_VERSION,
    ActionClassifier,
    IssueTagger,
    ProgressCallback,
    load,
    save,
    train_action_classifier,
    train_issue_tagger,
)

from .rows import training_rows

logger = logging.getLogger(__name__)

POINTER = "current"
LOCK = "training.lock"
MANIFEST = "manifest.json"
KEEP_VERSIONS = 2
STALE_LOCK_SECONDS = 3 * 60 * 60
_VERSION = re.compile(r"^[0-9]{8}T[0-9]{12}-seed[0-9]+$")


class TrainingError(RuntimeError):
    """Training could not run (no coded rows, or another training holds the lock)."""


@dataclass(frozen=True)
class Models:
    version: str
    tagger: IssueTagger
    classifier: ActionClassifier
    manifest: dict


def model_root() -> Path:
    """``settings.UPR_MODEL_DIR`` if set, else ``VAR_DIR/models``."""
    configured = getattr(settings, "UPR_MODEL_DIR", None)
    return Path(configured) if configured else Path(settings.VAR_DIR) / "models"


def current_version(root: Path | None = None) -> str | None:
    """The version ``current`` points at, when that version is complete on disk."""
    root = root or model_root()
    try:
        version = (root / POINTER).read_text(encoding="utf-8").strip()
    except OSError:
        return None
    if not _VERSION.match(version) or not (root / version / MANIFEST).is_file():
        return None
    return version


# --------------------------------------------------------------------------- training


def _acquire(root: Path) -> Path | None:
    """Create the lock file; None when a live training holds it. Stale locks are broken."""
    root.mkdir(parents=True, exist_ok=True)
    lock = root / LOCK
    for _attempt in range(2):
        try:
            fd = os.open(lock, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
        except FileExistsError:
            if not _stale(lock):
                return None
            lock.unlink(missing_ok=True)
            continue
        with os.fdopen(fd, "w") as handle:
            handle.write(f"{os.getpid()} {time.time():.0f}\n")
        return lock
    return None


def _stale(lock: Path) -> bool:
    """A lock is stale when its process is gone or it is older than any training takes."""
    try:
        pid_text, started = lock.read_text().split()[:2]
        pid, started_at = int(pid_text), float(started)
    except (OSError, ValueError):
        return True
    if time.time() - started_at > STALE_LOCK_SECONDS:
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    return False


def is_training(root: Path | None = None) -> bool:
    lock = (root or model_root()) / LOCK
    return lock.exists() and not _stale(lock)


def train_models(
    sessions: Iterable[int] | None = None,
    *,
    seed: int = 0,
    root: Path | None = None,
    progress: ProgressCallback | None = None,
) -> str:
    """Train both models on the corpus's coded rows of ``sessions``; store them; return version.

    Raises TrainingError when another training holds the lock or no row is coded.
    """
    root = root or model_root()
    lock = _acquire(root)
    if lock is None:
        raise TrainingError(f"Another training is under way ({root / LOCK}).")
    try:
        return _train_locked(sessions, seed=seed, root=root, progress=progress)
    finally:
        lock.unlink(missing_ok=True)


def _train_locked(sessions, *, seed: int, root: Path, progress) -> str:
    rows = training_rows(sessions)
    if not any(row.issues for row in rows) or not any(row.action_category for row in rows):
        raise TrainingError("The corpus has no coded UPR Info rows for these sessions.")
    started = time.monotonic()
    tagger = train_issue_tagger(rows, seed=seed, progress=progress)
    classifier = train_action_classifier(rows, seed=seed, progress=progress)
    now = timezone.now()
    version = f"{now:%Y%m%dT%H%M%S%f}-seed{seed}"
    manifest = {
        "version": version,
        "format_version": FORMAT_VERSION,
        "trained_at": now.isoformat(),
        "seed": seed,
        "sessions": sorted({row.session for row in rows}),
        "rows": len(rows),
        "issue_rows": sum(1 for row in rows if row.issues),
        "action_rows": sum(1 for row in rows if row.action_category is not None),
        "seconds": round(time.monotonic() - started, 1),
    }
    temporary = Path(tempfile.mkdtemp(prefix=".training-", dir=root))
    try:
        save(tagger, temporary)
        save(classifier, temporary)
        (temporary / MANIFEST).write_text(json.dumps(manifest, indent=2), encoding="utf-8")
        temporary.rename(root / version)
    except BaseException:
        shutil.rmtree(temporary, ignore_errors=True)
        raise
    pointer = root / f".{POINTER}.tmp"
    pointer.write_text(version + "\n", encoding="utf-8")
    pointer.replace(root / POINTER)
    _prune(root, keep=version)
    return version


def _prune(root: Path, keep: str) -> None:
    """Remove all but the newest KEEP_VERSIONS versions (a process may still read the last)."""
    versions = sorted(p.name for p in root.iterdir() if p.is_dir() and _VERSION.match(p.name))
    for name in versions[:-KEEP_VERSIONS]:
        if name != keep:
            shutil.rmtree(root / name, ignore_errors=True)


# --------------------------------------------------------------------------- loading


_lock = threading.Lock()
_cache: dict[Path, Models] = {}


def loaded(root: Path | None = None) -> Models | None:
    """The models ``current`` points at (cached per process), or None when none are usable."""
    root = root or model_root()
    version = current_version(root)
    if version is None:
        return None
    models = _cache.get(root)
    if models is not None and models.version == version:
        return models
    with _lock:
        models = _cache.get(root)
        if models is None or models.version != version:
            directory = root / version
            try:
                models = Models(
                    version=version,
                    tagger=load(directory / "issue-tagger.joblib", kind="issue-tagger"),
                    classifier=load(
                        directory / "action-classifier.joblib", kind="action-classifier"
                    ),
                    manifest=json.loads((directory / MANIFEST).read_text(encoding="utf-8")),
                )
            except Exception:  # pickle raises anything on a damaged file
                # An older format version or a damaged file: behave as if none were trained,
                # so that the pages offer a new training instead of failing.
                logger.exception("Cannot load the models in %s.", directory)
                return None
            _cache[root] = models
    return models


def start_background_training(root: Path | None = None) -> str | None:
    """Enqueue a training unless one is queued or runs; the state afterwards, or None when
    ``UPR_TRAIN_IN_BACKGROUND = False`` (read-only deployments) leaves training to ``upr train``.
    """
    if not getattr(settings, "UPR_TRAIN_IN_BACKGROUND", True):
        return None
    from .tasks import enqueue_training  # the task module imports this one

    return enqueue_training(root or model_root())


def training_state(root: Path | None = None) -> str | None:
    """ "running" (a live lock), "queued" (waiting for the worker), "stalled" (queued for
    over a minute: no worker is running) or None."""
    if is_training(root):
        return "running"
    from .tasks import pending_training, stalled_training

    if not pending_training(root or model_root()):
        return None
    return "stalled" if stalled_training(root or model_root()) else "queued"
