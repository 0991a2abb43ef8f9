"""``upr remind``: e-mail every member a digest of the campaign tasks they own that fall due.

Meant for cron, e.g. every Monday at 07:00: ``upr remind --days 7``. Mail goes through Django's
configured mailer (MAILERS), so a test run or a dev machine sends nothing out.
"""

from __future__ import annotations

import os
from datetime import date
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from upr.campaigns.reminders import digests, send_digest


class Command(BaseCommand):
    help = "E-mail each member a digest of their open campaign tasks due soon or overdue."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--days", type=int, default=7, help="look this many days ahead")
        parser.add_argument("--today", help="pretend today is YYYY-MM-DD (for testing)")
        parser.add_argument(
            "--base-url",
            default=os.environ.get("UPR_BASE_URL", getattr(settings, "UPR_BASE_URL", "")),
            help="where the app runs, for links in the mail (default: $UPR_BASE_URL)",
        )
        parser.add_argument("--dry-run", action="store_true", help="list, send nothing")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            today = date.fromisoformat(options["today"]) if options["today"] else None
        except ValueError:
            raise CommandError("--today: expected YYYY-MM-DD") from None
        today = today or timezone.localdate()
        if options["days"] < 0:
            raise CommandError("--days must not be negative")
        sent = 0
        for digest in digests(today, options["days"]):
            count = len(digest.overdue) + len(digest.due)
            self.stdout.write(f"{digest.user.email}: {count} task(s)")
            if not options["dry_run"]:
                send_digest(digest, options["base_url"] or "http://localhost:8000", today)
                sent += 1
        self.stdout.write(f"{sent} digest(s) sent.")
