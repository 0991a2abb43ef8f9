"""Models of accounts and workspaces; each concept in its own module."""

from .audit import Action, AuditEntry
from .audit_mixin import Audited
from .invitations import Invitation
from .notes import Note
from .recovery import RecoveryCode
from .roles import Role
from .scoping import UnscopedQueryError, WorkspaceManager, WorkspaceOwned, unscoped
from .signins import SignInMethod, SignInRecord
from .throttle import AddressAttempt, LoginThrottle
from .users import User, normalize_email
from .workspaces import Membership, Workspace

__all__ = [
    "Action",
    "AddressAttempt",
    "AuditEntry",
    "Audited",
    "Invitation",
    "LoginThrottle",
    "Membership",
    "Note",
    "RecoveryCode",
    "Role",
    "SignInMethod",
    "SignInRecord",
    "UnscopedQueryError",
    "User",
    "Workspace",
    "WorkspaceManager",
    "WorkspaceOwned",
    "normalize_email",
    "unscoped",
]
