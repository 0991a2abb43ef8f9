"""Access rules of every campaign URL, for the workspace persona test (tests/workspaces).

Campaign objects are created on first use for the persona world (``objects.objects_for``). The
secret calendar feed is the one URL without a workspace: anyone with the token may read it.
"""

from __future__ import annotations

from tests.workspaces.personas import custom, member, ws_kwargs
from upr.campaigns.feeds import regenerate_feed
from upr.workspaces.models import Role

from .objects import objects_for


def _in_campaign(**extra):
    return ws_kwargs(
        pk=lambda w: objects_for(w).campaign.pk,
        **{k: (lambda w, attr=attr: getattr(objects_for(w), attr).pk) for k, attr in extra.items()},
    )


CAMPAIGN = _in_campaign()
V, E, OWNER = Role.VIEWER, Role.EDITOR, Role.OWNER

RULES = {
    "campaigns:list": member(get=V),
    "campaigns:create": member(get=E, post=E),
    "campaigns:detail": member(get=V, kwargs=CAMPAIGN),
    "campaigns:edit": member(get=E, post=E, kwargs=CAMPAIGN),
    "campaigns:delete": member(post=OWNER, kwargs=CAMPAIGN),
    "campaigns:timeline": member(get=V, kwargs=CAMPAIGN),
    "campaigns:task": member(get=V, post=E, kwargs=_in_campaign(task_pk="task")),
    "campaigns:ics": member(get=V, kwargs=CAMPAIGN),
    "campaigns:feed_token": member(post=E, kwargs=CAMPAIGN),
    "campaigns:feed": custom(
        lambda w: {"token": regenerate_feed(objects_for(w).campaign)},
        default=("ok", "405"),  # the token is the key: no login; read-only
    ),
    "campaigns:issues": member(get=V, post=E, kwargs=CAMPAIGN),
    "campaigns:issue": member(get=V, post=E, kwargs=_in_campaign(issue_pk="issue")),
    "campaigns:issue_delete": member(post=E, kwargs=_in_campaign(issue_pk="issue")),
    "campaigns:draft_create": member(post=E, kwargs=_in_campaign(issue_pk="issue")),
    "campaigns:draft": member(get=V, post=E, kwargs=_in_campaign(draft_pk="draft")),
    "campaigns:draft_delete": member(post=E, kwargs=_in_campaign(draft_pk="draft")),
    "campaigns:draft_check": member(get=V, kwargs=CAMPAIGN),
    "campaigns:targets": member(get=V, post=E, kwargs=CAMPAIGN),
    "campaigns:target": member(get=V, post=E, kwargs=_in_campaign(target_pk="target")),
    "campaigns:target_delete": member(post=E, kwargs=_in_campaign(target_pk="target")),
    "campaigns:entry_point_create": member(post=E, kwargs=_in_campaign(target_pk="target")),
    "campaigns:contact_create": member(post=E, kwargs=_in_campaign(entry_pk="entry_point")),
    "campaigns:contact": member(get=V, post=E, kwargs=_in_campaign(contact_pk="contact")),
    "campaigns:outreach_create": member(post=E, kwargs=_in_campaign(target_pk="target")),
    "campaigns:children": member(get=V, post=E, kwargs=CAMPAIGN),
}
