"""The outreach log: recording a contact and scheduling what the seeds say must follow it."""

from __future__ import annotations

from datetime import timedelta

from django.db import transaction
from django.utils.translation import gettext as _

from .models import Outreach, OutreachKind, Target, TargetStatus, Task, TaskKind

#: "Send them your advocacy paper and make a follow-up call a week later" [000].
FOLLOW_UP_AFTER = timedelta(days=7)

_STATUS_AFTER = {
    OutreachKind.BRIEF_SENT: TargetStatus.CONTACTED,
    OutreachKind.CALL: TargetStatus.CONTACTED,
    OutreachKind.MEETING_REQUESTED: TargetStatus.CONTACTED,
    OutreachKind.BRIEFING: TargetStatus.CONTACTED,
    OutreachKind.MEETING_HELD: TargetStatus.MEETING,
}


@transaction.atomic
def log_outreach(outreach: Outreach, target: Target, by) -> Task | None:
    """Save ``outreach`` for ``target``; a sent paper creates the follow-up call task.

    The target's status moves forward (identified → contacted → meeting held), never back, so a
    later call does not undo "supportive". Returns the follow-up task, if one was created.
    """
    outreach.workspace = target.workspace
    outreach.target = target
    outreach.save()
    new_status = _STATUS_AFTER.get(outreach.kind)
    order = list(TargetStatus.values)
    if new_status and order.index(new_status) > order.index(target.status):
        target.status = new_status
        target.save(update_fields=["status"])
    if outreach.kind != OutreachKind.BRIEF_SENT:
        return None
    who = f" ({outreach.contact})" if outreach.contact else ""
    day = outreach.day + FOLLOW_UP_AFTER
    return Task.objects.create(
        workspace=target.workspace,
        campaign=target.campaign,
        kind=TaskKind.FOLLOW_UP,
        title=_("Follow-up call: %(state)s%(who)s") % {"state": target.state.name, "who": who},
        start=day,
        due=day,
        estimated=False,
        source="000, 003",
        owner=by if getattr(by, "is_authenticated", False) else None,
        target=target,
        notes=_("Paper sent on %(day)s; ask for their reaction and request a meeting.")
        % {"day": outreach.day.isoformat()},
    )
