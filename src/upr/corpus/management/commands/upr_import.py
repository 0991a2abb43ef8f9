"""``upr import upr-info FILE…``: import UPR Info exports (CSV, .xls, .xlsx) into the corpus."""

from __future__ import annotations

import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from upr.corpus.importer import ImportSummary, import_file
from upr.sources.upr_info import ExportError


class Command(BaseCommand):
    help = "Import data into the UPR corpus: `upr import upr-info FILE…`."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="kind", required=True, parser_class=CommandParser)
        upr_info = sub.add_parser(
            "upr-info",
            help="UPR Info database exports (.csv in any encoding, .xls, .xlsx)",
            called_from_command_line=getattr(self, "_called_from_command_line", False),
        )
        upr_info.add_argument("files", nargs="+", type=Path)
        upr_info.add_argument("--quiet-problems", action="store_true", help="only count skips")
        self.add_report_parser(sub)

    def add_report_parser(self, sub) -> None:
        """Hook for `upr import report` (UN documents), added by upr.corpus.report_import."""
        try:
            from upr.corpus.report_command import add_report_parser
        except ImportError:
            return
        add_report_parser(self, sub)

    def handle(self, *args, **options) -> None:
        if options["kind"] == "report":
            from upr.corpus.report_command import handle_report

            handle_report(self, options)
            return
        failed = False
        totals = ImportSummary(file="all files")
        for path in options["files"]:
            if not path.is_file():
                raise CommandError(f"{path}: no such file")
            self.stderr.write(f"Importing {path} …")
            try:
                summary = import_file(path, progress=self._progress)
            except ExportError as exc:
                self.stderr.write(self.style.ERROR(f"  refused, nothing imported: {exc}"))
                failed = True
                continue
            self.stderr.write("")
            self._report(summary, quiet=options["quiet_problems"])
            totals.rows_read += summary.rows_read
            totals.imported += summary.imported
            totals.pledges += summary.pledges
            totals.already_present += summary.already_present
            totals.skipped.update(summary.skipped)
            totals.per_session.update(summary.per_session)
            totals.per_response.update(summary.per_response)
        if len(options["files"]) > 1:
            self._report(totals, quiet=True)
        if failed:
            raise CommandError("some files were refused (see above); the others were imported")

    def _progress(self, stage: str, done: int, total: int) -> None:
        if stage == "read":
            self.stderr.write(f"  read {total:,} rows", ending="")
        else:
            self.stderr.write(f"\r  stored {done:,} / {total:,} recommendations", ending="")
        sys.stderr.flush()

    def _report(self, s: ImportSummary, *, quiet: bool) -> None:
        w = self.stdout.write
        w(f"{s.file}: {s.rows_read:,} rows read, {s.imported:,} recommendations and "
          f"{s.pledges:,} pledges imported, {s.already_present:,} already present, "
          f"{s.skipped_total:,} skipped")  # fmt: skip
        for reason, count in s.skipped.most_common():
            w(f"  skipped {count:,}: {reason}")
        if not quiet:
            for line, problem in s.problems[:50]:
                w(f"    line {line}: {problem}")
            if len(s.problems) > 50:
                w(f"    … and {len(s.problems) - 50:,} more")
        if s.per_response:
            w(
                "  by response: "
                + ", ".join(f"{k} {v:,}" for k, v in sorted(s.per_response.items()))
            )
        if s.per_session:
            w("  by session: " + ", ".join(f"{k}:{v:,}" for k, v in sorted(s.per_session.items())))
