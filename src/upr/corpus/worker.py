"""Is the background worker taking tasks? One rule for the import and the training pages."""

from __future__ import annotations

from datetime import timedelta

from django.tasks import TaskResultStatus
from django.utils import timezone

#: A task still queued this long after it was enqueued means no worker is running.
WORKER_PATIENCE = timedelta(minutes=1)


def is_stalled(row) -> bool:
    """``row`` (a task result row) waits in the queue past ``WORKER_PATIENCE``."""
    waited = timezone.now() - row.enqueued_at
    return row.status == TaskResultStatus.READY and waited > WORKER_PATIENCE
