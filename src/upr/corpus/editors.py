"""Who may change the shared corpus (add UN documents, edit session dates, confirm tags).

The corpus is public data shared by every workspace, so changing it is an instance-level act,
not a workspace one. Allowed are staff users and owners of at least one workspace (an NGO's
accountable person); editors and viewers are not, so a new member cannot change rows everyone
sees.
"""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser

from upr.workspaces.models import Membership, Role


def is_corpus_editor(user: AbstractBaseUser) -> bool:
    if not user.is_authenticated:
        return False
    return user.is_staff or Membership.objects.filter(user=user, role=Role.OWNER).exists()
