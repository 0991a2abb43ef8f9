"""A campaign's plan and its tasks: ``build_plan`` fed from the database, tasks kept in step.

The pure calendar (``upr.cycle``) knows the model strategy; this module adds what only the database
knows — the editable WG session dates, the user's exact dates — and turns steps into tasks whose
owner, status and notes survive every regeneration.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from pathlib import Path

from django.conf import settings
from django.db import transaction

from upr.cycle import sessions as cal
from upr.cycle.plan import PlanStep, build_plan
from upr.workspaces import audit
from upr.workspaces.models import Action

from .models import Campaign, Task, TaskKind

#: Milestones a user may date exactly (OHCHR and the HRC publish them); the rest stay derived.
EXACT_KEYS = (
    "submission_deadline",
    "national_report_due",
    "pre_session",
    "adoption",
    "next_review",
)

TIMELINE_WORKBOOK = Path("cehdi-upr") / "timeline_dates.xlsx"


def calendar_sessions(review: date) -> tuple[cal.Session, ...]:
    """WG sessions as the database holds them (edits included) plus HRC sessions, near ``review``.

    Geneva-mission steps are checked against these; the WG table is editable data, so the
    database wins over the pure module's seed table.
    """
    from upr.corpus.models import Session as SessionRow

    first, last = review.year - 2, review.year + 1
    rows = SessionRow.objects.filter(
        start_date__year__gte=first, start_date__year__lte=last
    ).exclude(end_date=None)
    wg = [
        cal.Session(row.number, row.start_date, row.end_date, "wg", source=row.dates_source)
        for row in rows
        if row.end_date >= row.start_date
    ]
    hrc = [s for year in range(first, last + 1) for s in cal.hrc_sessions(year)]
    return tuple(sorted([*wg, *hrc], key=lambda s: (s.start, s.kind)))


def campaign_plan(campaign: Campaign) -> list[PlanStep]:
    """The dated model strategy of ``campaign``; empty while its review date is unknown.

    When the session's first day stands in for the review, every derived date is an estimate.
    """
    review, basis = campaign.review_basis()
    if review is None:
        return []
    return build_plan(
        review,
        exact_dates=campaign.exact(),
        sessions=calendar_sessions(review),
        review_estimated=basis == "session",
    )


@lru_cache(maxsize=4)
def _workbook_dates(path: Path, mtime: float) -> dict[int, dict[str, date]]:
    from upr.cycle.session_files import read_timeline_dates

    return read_timeline_dates(path)


def workbook_suggestions(session_number: int | None) -> dict[str, date]:
    """Planning dates the CeHDI workbook gives for a session (52–54): suggestions, not facts."""
    path = Path(settings.UPR_DATA_DIR) / TIMELINE_WORKBOOK
    if session_number is None or not path.is_file():
        return {}
    try:
        dates = _workbook_dates(path, path.stat().st_mtime)
    except (OSError, ValueError):
        return {}
    return {k: v for k, v in dates.get(session_number, {}).items() if k in EXACT_KEYS}


@transaction.atomic
def sync_tasks(campaign: Campaign) -> list[Task]:
    """Create or move one task per plan step; owner, status and notes are never touched.

    Called after the campaign is created and whenever its review or exact dates change.
    """
    existing = {
        t.step_key: t
        for t in Task.objects.in_workspace(campaign.workspace).filter(
            campaign=campaign, kind=TaskKind.STEP
        )
    }
    tasks = []
    created = moved = 0
    # One audit entry for the batch, not one per planned step (18 on a new campaign): the
    # person changed a date, the plan followed. Later edits of a task are audited one by one.
    with audit.suppressed():
        for step in campaign_plan(campaign):
            values = {
                "title": step.step,
                "start": step.start,
                "due": step.end,
                "estimated": step.estimated,
                "source": step.source,
                "warnings": step.warnings,
            }
            task = existing.get(step.key)
            if task is None:
                task = Task.objects.create(
                    workspace=campaign.workspace, campaign=campaign, step_key=step.key, **values
                )
                created += 1
            elif any(getattr(task, k) != v for k, v in values.items()):
                for name, value in values.items():
                    setattr(task, name, value)
                task.save(update_fields=[*values, "updated_at"])
                moved += 1
            tasks.append(task)
    if created or moved:
        audit.record_summary(
            campaign, Action.UPDATE, {"plan tasks created": [None, created], "moved": [None, moved]}
        )
    return tasks
