"""Import the default corpus when the database holds no recommendations yet (used by `make run`)."""

from __future__ import annotations

import time

from django.core.management import call_command
from django.core.management.base import BaseCommand

from upr.corpus.default_corpus import date_reviews, default_files
from upr.corpus.ml import similar
from upr.corpus.models import Recommendation


class Command(BaseCommand):
    help = "Import the UPR Info export from the data directory if the corpus is empty."

    def handle(self, *args, **options) -> None:
        if Recommendation.objects.exists():
            self.stdout.write("The corpus already holds recommendations; nothing to load.")
            return
        files = default_files()
        if not files:
            self.stdout.write(
                "No data directory found (UPR_DATA_DIR); the app runs with an empty corpus. "
                "Import exports with `upr import upr-info FILE…`."
            )
            return
        call_command("upr_import", "upr-info", *map(str, files), "--quiet-problems")
        dated = date_reviews()
        self.stdout.write(f"{dated} reviews dated from the Working Group reports' index.")
        # Built now, not by the first person who asks for similar wording (~2.5 s).
        started = time.perf_counter()
        similar.index()
        took = time.perf_counter() - started
        self.stdout.write(f"Index of similar recommendations built ({took:.1f} s).")
