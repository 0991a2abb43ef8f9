"""Models of a review campaign; each concept in its own module."""

from .campaign import Campaign
from .issues import Draft, DraftKind, PriorityIssue
from .targets import (
    Contact,
    EntryPoint,
    EntryPointKind,
    Outreach,
    OutreachKind,
    Target,
    TargetStatus,
)
from .tasks import Task, TaskKind, TaskStatus

__all__ = [
    "Campaign",
    "Contact",
    "Draft",
    "DraftKind",
    "EntryPoint",
    "EntryPointKind",
    "Outreach",
    "OutreachKind",
    "PriorityIssue",
    "Target",
    "TargetStatus",
    "Task",
    "TaskKind",
    "TaskStatus",
]
