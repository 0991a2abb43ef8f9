"""``upr search "query" [--sur …] [--issue …] [--response …] [--format table|csv|json] [--count]``.

Same query language and filters as the web page. With --format csv|json every match is written
(no cap); the table shows the first --limit rows.
"""

from __future__ import annotations

import shutil
import sys

from django.core.management.base import BaseCommand, CommandError, CommandParser

from upr.corpus import explore, exports
from upr.corpus.facets import DIMENSIONS
from upr.corpus.search_form import SearchForm, facet_choices


class Command(BaseCommand):
    help = 'Search the corpus: upr search "query" [--sur FRA] [--issue "Death penalty"] …'

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "query", nargs="?", default="", help='words, "phrases", OR, -word, word*'
        )
        for d in DIMENSIONS:
            parser.add_argument(
                f"--{d.key.replace('_', '-')}",
                action="append",
                default=[],
                dest=d.key,
                help=str(d.label),
            )
        parser.add_argument("--format", choices=("table", "csv", "json"), default="table")
        parser.add_argument("--count", action="store_true", help="print only the number of matches")
        parser.add_argument("--limit", type=int, default=20, help="rows shown by --format table")

    def handle(self, *args, **options) -> None:
        choices = facet_choices()
        data = {"q": options["query"]}
        for d in DIMENSIONS:
            data[d.key] = [self._value(d.key, v, choices) for v in options[d.key]]
        form = SearchForm(_MultiDict(data), choices=choices)
        selection = form.selection()
        if form.errors:
            raise CommandError("; ".join(f"{k}: {' '.join(v)}" for k, v in form.errors.items()))
        if options["count"]:
            outcome = explore.run(form.text(), selection, with_facets=False, with_results=False)
            self.stdout.write(str(outcome.total))
            return
        if options["format"] in ("csv", "json"):
            qs = explore.matching(form.text(), selection)
            chunks = (
                exports.csv_chunks(qs) if options["format"] == "csv" else exports.json_chunks(qs)
            )
            for chunk in chunks:
                self.stdout.write(chunk.lstrip("\ufeff"), ending="")
            return
        outcome = explore.run(
            form.text(), selection, per_page=max(1, options["limit"]), with_facets=False
        )
        width = shutil.get_terminal_size((120, 20)).columns
        self.stdout.write(f"{outcome.total:,} matches")
        for rec in outcome.results:
            states = ",".join(iso3 for iso3, _name in rec.states) or "?"
            head = (
                f"{rec.pk:>6}  {rec.sur_id}←{states:<8} s{rec.session_id:<3} {rec.response[:4]}  "
            )
            self.stdout.write(head + rec.text[: max(20, width - len(head))])
        sys.stdout.flush()

    @staticmethod
    def _value(key: str, value: str, choices: dict) -> str:
        """Accept a value's code or its name (e.g. --issue "Death penalty", --sur France)."""
        for code, label in choices[key]:
            if value.casefold() in (code.casefold(), label.casefold()):
                return code
        return value


class _MultiDict(dict):
    """Just enough of QueryDict for a form with multiple-choice fields."""

    def getlist(self, key, default=None):
        value = self.get(key, default if default is not None else [])
        return value if isinstance(value, list) else [value]
