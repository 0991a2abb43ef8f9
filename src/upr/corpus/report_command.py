"""``upr import report FILE… [--sur STATE] [--session N] [--symbol A/HRC/…]``.

Plugged into ``upr import`` by its hook (``add_report_parser`` / ``handle_report``). The files
are one review's documents: the WG report, optionally its addendum and OHCHR thematic list,
in any order. Nothing is stored unless every file reads; the summary names what was not
stored and the recommending-State names that matched no State, so nothing is lost silently.
"""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from upr.sources.state_names import resolve_state
from upr.sources.un_text import DocumentError

from .models import State
from .report_import import ReportImportSummary, import_report

SHOWN = 30


def add_report_parser(command: BaseCommand, sub) -> None:
    report = sub.add_parser(
        "report",
        help="a review's UN documents: WG report (.txt/.pdf/.docx), optionally its addendum "
        "and OHCHR thematic list",
        called_from_command_line=getattr(command, "_called_from_command_line", False),
    )
    report.add_argument("files", nargs="+", type=Path)
    report.add_argument("--sur", help="State under Review (name or ISO3) if the report's is wrong")
    report.add_argument("--session", type=int, help="Working Group session number")
    report.add_argument("--symbol", help="document symbol, e.g. A/HRC/59/15")


def _sur(value: str | None) -> str | None:
    if not value:
        return None
    if len(value) == 3 and value.isalpha() and State.objects.filter(pk=value.upper()).exists():
        return value.upper()
    fact = resolve_state(value)
    if fact is None:
        raise CommandError(f"--sur {value!r}: no such State")
    return fact.iso3


def handle_report(command: BaseCommand, options: dict) -> None:
    files = []
    for path in options["files"]:
        if not path.is_file():
            raise CommandError(f"{path}: no such file")
        files.append((path.name, path.read_bytes()))
    command.stderr.write(f"Reading {len(files)} document(s) …")
    try:
        summary = import_report(
            files,
            sur=_sur(options.get("sur")),
            session=options.get("session"),
            symbol=options.get("symbol"),
        )
    except DocumentError as exc:
        raise CommandError(f"refused, nothing imported: {exc}") from exc
    write_summary(command.stdout.write, summary)


def write_summary(w, s: ReportImportSummary) -> None:
    w(f"{', '.join(s.files)}: review {s.sur} session {s.session} {s.document_symbol}".rstrip())
    w(f"  {s.parsed} recommendations read, {s.imported} imported (from the UN document, not yet "
      f"in UPR Info's database), {s.updated} responses updated, {s.already_present} already "
      f"present, {s.enriched} UPR Info rows given their paragraph")  # fmt: skip
    if s.per_response:
        w("  by response: " + ", ".join(f"{k} {v}" for k, v in sorted(s.per_response.items())))
    for title, lines in (
        ("not stored", s.not_stored),
        ("recommending-State names matching no State", s.unknown_states),
        ("warnings", s.warnings),
    ):
        if lines:
            w(f"  {title}: {len(lines)}")
            for line in lines[:SHOWN]:
                w(f"    {line}")
            if len(lines) > SHOWN:
                w(f"    … and {len(lines) - SHOWN} more")
