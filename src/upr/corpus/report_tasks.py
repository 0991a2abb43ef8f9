"""Importing a review's UN documents as a background task (the worker parses, not the request).

A 40-page PDF takes pdfplumber tens of seconds on a small server: long enough to hit a web
worker's timeout on a slow day. The upload view keeps the files under ``VAR_DIR/uploads`` and
enqueues :func:`import_report_task`; the status page shows the result to the person who asked.
"""

from __future__ import annotations

import logging
import shutil
import uuid
from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path
from typing import Any

from django.conf import settings
from django.tasks import task
from django_tasks_db.models import DBTaskResult

from upr.sources.un_text import DocumentError

from .report_import import import_report

logger = logging.getLogger(__name__)


def upload_root() -> Path:
    return Path(settings.VAR_DIR) / "uploads" / "reports"


def keep_uploads(files: Sequence[tuple[str, bytes]]) -> str:
    """Write the uploaded files to a fresh private directory; its path for the task."""
    directory = upload_root() / uuid.uuid4().hex
    directory.mkdir(parents=True, mode=0o700)
    for number, (_name, data) in enumerate(files):
        (directory / str(number)).write_bytes(data)
    return str(directory)


def import_of(task_id, user_id: int) -> DBTaskResult | None:
    """The queued or finished import ``task_id`` if ``user_id`` asked for it, else None."""
    row = DBTaskResult.objects.filter(pk=task_id, task_path=import_report_task.module_path).first()
    if row is None or row.args_kwargs.get("kwargs", {}).get("user_id") != user_id:
        return None
    return row


@task()
def import_report_task(
    directory: str,
    names: list[str],
    sur: str | None,
    session: int | None,
    symbol: str | None,
    user_id: int,
) -> dict[str, Any]:
    """Parse and store; a document problem is a result ({"error": …}), not a task failure.

    ``user_id`` names who may read the result on the status page (see :func:`import_of`);
    enqueue with keyword arguments.
    """
    folder = Path(directory)
    try:
        if folder.parent != upload_root():  # only our own upload folders
            return {"error": "the uploaded files are not where the server keeps them"}
        files = [(name, (folder / str(n)).read_bytes()) for n, name in enumerate(names)]
        summary = import_report(files, sur=sur, session=session, symbol=symbol)
    except DocumentError as exc:
        return {"error": str(exc)}
    except FileNotFoundError:
        return {"error": "the uploaded files are gone; please upload them again"}
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    if summary.imported:
        _refresh_similarity_index()
    result = asdict(summary)
    result["per_response"] = dict(summary.per_response)
    return result


def _refresh_similarity_index() -> None:
    """Build the "similar recommendations" index here, in the worker, so that the first search
    after an import loads it (~0.3 s) instead of building it in a request (~2.5 s). A failure
    only costs that time later: the import itself is stored."""
    from .ml.similar import index

    try:
        index()
    except Exception:
        logger.exception("Could not rebuild the similarity index after an import.")
