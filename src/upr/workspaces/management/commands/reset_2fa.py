"""``upr reset_2fa EMAIL``: switch off someone's two-factor sign-in after they lost the device.

An administrator's act on the server, after checking the person's identity out of band; the
person must set 2FA up again before entering a workspace that requires it.
"""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError, CommandParser

from upr.workspaces.models import User, normalize_email


class Command(BaseCommand):
    help = "Switch off two-factor sign-in for one account (lost device)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("email")

    def handle(self, *args, **options) -> None:
        user = User.objects.filter(email=normalize_email(options["email"])).first()
        if user is None:
            raise CommandError("No account with this e-mail address.")
        user.totp_secret = ""
        user.totp_last_counter = 0
        user.save(update_fields=["totp_secret", "totp_last_counter"])
        self.stdout.write(f"Two-factor sign-in is off for {user.email}.")
