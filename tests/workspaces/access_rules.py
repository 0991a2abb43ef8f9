"""Access rules of the workspaces and accounts URLs (see ``personas.py``)."""

from __future__ import annotations

from upr.workspaces.models import Role

from .personas import SIGNED_IN, Rule, custom, member, ws_kwargs

NOTE = ws_kwargs(pk=lambda w: w.note.pk)
RULES: dict[str, Rule] = {
    # accounts: no workspace involved
    "accounts:setup": custom(default=("404", "404")),  # accounts exist already
    "accounts:account": custom(anonymous=("login", "login"), default=("ok", "405")),
    "accounts:login": custom(anonymous=("ok", "ok"), default=("redirect", "redirect")),
    "accounts:2fa_verify": custom(default=("redirect", "redirect")),  # nothing pending
    "accounts:2fa_recovery": custom(default=("redirect", "redirect")),  # nothing pending
    "accounts:2fa_recovery_codes": custom(  # personas have no 2FA: sent back to the account
        anonymous=("login", "login"), default=("ok", "ok")
    ),
    "accounts:2fa_recovery_download": custom(  # POST only; an empty POST holds no code
        anonymous=("login", "login"), default=("405", "400")
    ),
    "accounts:logout": custom(default=("405", "redirect")),
    "accounts:sign_out_elsewhere": custom(
        anonymous=("login", "login"), default=("405", "redirect")
    ),
    "accounts:2fa_setup": custom(anonymous=("login", "login"), default=("ok", "ok")),
    "accounts:2fa_disable": custom(anonymous=("login", "login"), default=("ok", "ok")),
    "accounts:2fa_replace": custom(  # personas have no 2FA: sent to set it up
        anonymous=("login", "login"), default=("redirect", "redirect")
    ),
    "accounts:password_change": custom(anonymous=("login", "login"), default=("ok", "ok")),
    "accounts:password_reset": custom(default=("ok", "ok")),
    "accounts:password_reset_done": custom(default=("ok", "405")),
    "accounts:password_reset_confirm": custom(
        lambda w: {"uidb64": "MQ", "token": "set-password"}, default=("ok", "ok")
    ),
    # workspaces
    "workspaces:list": member(get=SIGNED_IN, kwargs=lambda w: {}),
    "workspaces:create": member(get=SIGNED_IN, post=SIGNED_IN, kwargs=lambda w: {}),
    "workspaces:accept": custom(
        lambda w: {"token": w.invitation_token},
        anonymous=("ok", "ok"),  # the invitee has no account yet: the sign-up form
        default=("403", "403"),  # signed in as somebody else than the invitee
    ),
    "workspaces:home": member(get=Role.VIEWER),
    "workspaces:settings": member(get=Role.OWNER, post=Role.OWNER),
    "workspaces:members": member(get=Role.VIEWER),
    "workspaces:member_role": member(
        post=Role.OWNER, kwargs=ws_kwargs(pk=lambda w: w.memberships[Role.EDITOR].pk)
    ),
    "workspaces:member_remove": member(  # the owner's row: nobody else's to remove
        post=Role.OWNER, kwargs=ws_kwargs(pk=lambda w: w.memberships[Role.OWNER].pk)
    ),
    "workspaces:invite": member(get=Role.OWNER, post=Role.OWNER),
    "workspaces:invitation_revoke": member(
        post=Role.OWNER, kwargs=ws_kwargs(pk=lambda w: w.invitation.pk)
    ),
    "workspaces:note_create": member(get=Role.EDITOR, post=Role.EDITOR),
    "workspaces:note": member(get=Role.VIEWER, kwargs=NOTE),
    "workspaces:note_edit": member(get=Role.EDITOR, post=Role.EDITOR, kwargs=NOTE),
    "workspaces:note_delete": member(post=Role.EDITOR, kwargs=NOTE),
    "workspaces:note_file": member(get=Role.VIEWER, kwargs=NOTE),
    "workspaces:audit": member(get=Role.OWNER),
    "workspaces:audit_export": member(get=Role.OWNER, kwargs=ws_kwargs(fmt=lambda w: "csv")),
    "workspaces:export": member(get=Role.OWNER),
    "workspaces:delete": member(get=Role.OWNER, post=Role.OWNER),
}
