"""The "overdue / this week / next / ongoing" view of open tasks, for a campaign or a person."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta

from .models import Task

#: How far "next" looks beyond this week.
NEXT_DAYS = 35


@dataclass
class Dashboard:
    overdue: list[Task] = field(default_factory=list)
    this_week: list[Task] = field(default_factory=list)
    next: list[Task] = field(default_factory=list)
    ongoing: list[Task] = field(default_factory=list)  # running, due beyond "next"

    def __bool__(self) -> bool:
        return bool(self.overdue or self.this_week or self.next or self.ongoing)


def week_bounds(today: date) -> tuple[date, date]:
    """Monday and Sunday of ``today``'s week."""
    monday = today - timedelta(days=today.weekday())
    return monday, monday + timedelta(days=6)


def is_overdue(task: Task, today: date) -> bool:
    """An open task whose window has ended: the dashboard's and the timeline's one rule."""
    return task.is_open and task.due < today


def build_dashboard(tasks: Iterable[Task], today: date) -> Dashboard:
    """Sort open tasks: due before today → overdue; active this week → this week; soon → next.

    A task is "this week" when its window overlaps the week, so a three-month step shows up while
    it runs, not only in its last week; a running task due beyond the "next" horizon (19 months
    of monitoring) is "ongoing" instead, or it would sit in "this week" for a year and a half.
    """
    _monday, sunday = week_bounds(today)
    horizon = sunday + timedelta(days=NEXT_DAYS)
    board = Dashboard()
    for task in tasks:
        if not task.is_open:
            continue
        if is_overdue(task, today):
            board.overdue.append(task)
        elif task.start <= sunday and task.due > horizon:
            board.ongoing.append(task)
        elif task.start <= sunday:
            board.this_week.append(task)
        elif task.start <= horizon:
            board.next.append(task)
    board.next.sort(key=lambda t: (t.start, t.due, t.pk or 0))
    board.ongoing.sort(key=lambda t: (t.due, t.pk or 0))
    return board
