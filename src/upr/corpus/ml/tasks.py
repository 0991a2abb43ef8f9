"""Training the models as a background task (Django's tasks framework, database backend).

The web process only enqueues; ``upr db_worker`` runs the task. Minutes of CPU in a request (or
in a thread of the web server) would block a worker of the web server and die with it on a
restart; a queued task survives restarts and shows its state to every page.
"""

from __future__ import annotations

import logging
from pathlib import Path

from django.conf import settings
from django.tasks import TaskResultStatus, task

from ..worker import is_stalled

logger = logging.getLogger(__name__)

_UNFINISHED = (TaskResultStatus.READY, TaskResultStatus.RUNNING)


@task()
def train_models_task(root: str, sessions: list[int] | None = None, seed: int = 0) -> str:
    """Train both models into ``root``; the version string is the task's result."""
    from .store import train_models

    version = train_models(sessions, seed=seed, root=Path(root))
    logger.info("Trained models %s in the background.", version)
    return version


def _unfinished(root: Path) -> list:
    from django_tasks_db.models import DBTaskResult

    rows = DBTaskResult.objects.filter(
        task_path=train_models_task.module_path, status__in=_UNFINISHED
    ).only("args_kwargs", "status", "enqueued_at")
    return [row for row in rows if row.args_kwargs.get("kwargs", {}).get("root") == str(root)]


def stalled_training(root: Path) -> bool:
    """A training of ``root`` still waits in the queue a minute on: no worker runs."""
    return any(is_stalled(row) for row in _unfinished(root))


def pending_training(root: Path) -> bool:
    """A training of ``root`` is queued or running (as the task table sees it)."""
    return bool(_unfinished(root))


def enqueue_training(root: Path) -> str:
    """Queue one training of ``root`` (never two); "queued" or "running" afterwards."""
    from .store import is_training

    if is_training(root):
        return "running"
    if not _unfinished(root):
        sessions = getattr(settings, "UPR_TRAIN_SESSIONS", None)
        # Keyword arguments: _unfinished finds a queued training by its root.
        train_models_task.enqueue(root=str(root), sessions=list(sessions) if sessions else None)
    return "queued"
