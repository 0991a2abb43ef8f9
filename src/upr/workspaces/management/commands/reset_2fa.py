"""``upr reset_2fa EMAIL``: switch off someone's two-factor sign-in after they lost the device.

An administrator's act on the server, after checking the person's identity out of band; the
person must set 2FA up again before entering a workspace that requires it. Their recovery codes
are deleted too (new ones come with the new set-up), and the reset goes to the audit log of each
of their workspaces, as done by the system.
"""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction

from upr.workspaces import recovery
from upr.workspaces.audit import record_account_event
from upr.workspaces.models import User, normalize_email


class Command(BaseCommand):
    help = "Switch off two-factor sign-in for one account (lost device)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("email")

    def handle(self, *args, **options) -> None:
        user = User.objects.filter(email=normalize_email(options["email"])).first()
        if user is None:
            raise CommandError("No account with this e-mail address.")
        with transaction.atomic():
            was_on = user.has_2fa
            user.totp_secret = ""
            user.totp_last_counter = 0
            user.save(update_fields=["totp_secret", "totp_last_counter"])
            left = recovery.clear(user, actor=None, reason="upr reset_2fa")
            record_account_event(
                user,
                "two-factor sign-in reset by an administrator (upr reset_2fa)",
                {"two_factor": [was_on, False]},
                actor=None,
            )
        self.stdout.write(
            f"Two-factor sign-in is off for {user.email}; {left} unused recovery code(s) deleted."
        )
