"""Load the Terman/UPR Info material for :mod:`upr.sources.parser_evaluation`.

Kept apart from the scoring so the scoring stays pure and testable on small inputs. The
expected rows come from the export CSV files here (the bench) or, through
:func:`evaluate_cases`, from the corpus database (``upr evaluate parser DIR``).
"""

from __future__ import annotations

import csv
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from upr.sources.parser_evaluation import Evaluation, Pair, compare_report, normalise_text
from upr.sources.un_text import DocumentError
from upr.sources.wg_report import ParsedDocument, ParsedRecommendation, parse_wg_report

__all__ = [
    "ReportCase",
    "directory_cases",
    "evaluate_cases",
    "evaluate_directory",
    "load_export",
    "parsed_pairs",
    "report_cases",
]

EXPORT_FILES = ("1-5.csv", "6-9.csv", "10-13.csv", "14-17.csv", "18-19.csv")


@lru_cache(maxsize=2048)
def _iso3(name: str) -> str | None:
    from upr.sources.state_names import resolve_state

    if len(name) == 3 and name.isupper():
        return name
    fact = resolve_state(name)
    return fact.iso3 if fact else None


def _export_rows(terman_dir: Path) -> Iterator[tuple[str, int, str, str]]:
    """(SuR, session, text, recommending State) from the export, via the project reader when
    it exists (it knows the file quirks) and plain csv otherwise."""
    for name in EXPORT_FILES:
        path = terman_dir / name
        try:
            from upr.sources.upr_info import read_export
        except ImportError:
            with open(path, newline="", encoding="mac_roman") as fh:
                for row in csv.DictReader(fh):
                    yield row["To"], int(row["Session"]), row["Text"], row["From"]
        else:
            for row in read_export(path):
                yield row.sur, int(row.session), row.text, row.recommending_state


def load_export(terman_dir: Path) -> dict[tuple[str, int], list[Pair]]:
    """Export rows keyed by (SuR ISO3, WG session) as (normalised text, State ISO3) pairs."""
    out: dict[tuple[str, int], list[Pair]] = defaultdict(list)
    for sur, session, text, state in _export_rows(terman_dir):
        if sur_iso := _iso3(sur):
            out[(sur_iso, session)].append((normalise_text(text), _iso3(state)))
    return dict(out)


@dataclass(frozen=True)
class ReportCase:
    path: Path
    sur: str | None
    session: int | None


def report_cases(terman_dir: Path, txt_dir: Path | None = None) -> list[ReportCase]:
    """Map each report text to (SuR, session) with the derived index; the SuR comes from the
    name the report itself prints, falling back to the file slug."""
    txt_dir = txt_dir or terman_dir / "wg-report-txts"
    index: dict[str, dict[str, str]] = {}
    with open(terman_dir / "wg-report-txts-index.csv", newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            index[row["file"]] = row
    cases = []
    for path in sorted(txt_dir.iterdir()):
        row = index.get(path.stem + ".txt")
        if row is None:
            continue
        sur = _iso3(row["sur_name_in_text"]) or _iso3(row["file_slug"])
        session = int(row["wg_session"]) if row["wg_session"] else None
        cases.append(ReportCase(path, sur, session))
    return cases


def parsed_pairs(recommendations: list[ParsedRecommendation]) -> list[Pair]:
    """One pair per recommending State, like the export; unresolved names pair with None."""
    pairs: list[Pair] = []
    for rec in recommendations:
        text = normalise_text(rec.text)
        states: list[str | None] = [*rec.recommending_states, *[None] * len(rec.unknown_states)]
        pairs.extend((text, s) for s in states or [None])
    return pairs


def directory_cases(txt_dir: Path) -> list[ReportCase]:
    """Report files of any directory: (SuR, session) from the Terman index when one sits
    beside or above it, else left to the report's own title (read when it is parsed)."""
    for base in (txt_dir, txt_dir.parent):
        if (base / "wg-report-txts-index.csv").is_file():
            return report_cases(base, txt_dir)
    suffixes = {".txt", ".pdf", ".docx"}
    return [ReportCase(p, None, None) for p in sorted(txt_dir.iterdir())
            if p.suffix.lower() in suffixes]  # fmt: skip


def evaluate_cases(
    cases: list[ReportCase],
    expected_for: Callable[[str, int], list[Pair]],
    parse: Callable[[Path], ParsedDocument] = parse_wg_report,
    parsed: dict[str, ParsedDocument] | None = None,
) -> Evaluation:
    """Parse each report and score it against ``expected_for(SuR, session)`` (the export
    rows, from the CSV files or from the database); reports with no expected rows are left
    out, a report that fails to parse scores zero."""
    scores = []
    for case in cases:
        doc = (parsed or {}).get(case.path.name)
        if doc is None:
            try:
                doc = parse(case.path)
            except DocumentError:
                doc = None
        sur = case.sur or (doc.sur if doc else None)
        session = case.session or (doc.session if doc else None)
        expected = expected_for(sur or "", session or 0)
        if not expected:
            continue
        recs = doc.recommendations if doc else []
        scores.append(compare_report(case.path.name, parsed_pairs(recs), expected))
    return Evaluation(scores)


def evaluate_directory(
    terman_dir: Path,
    txt_dir: Path | None = None,
    parse: Callable[[Path], ParsedDocument] = parse_wg_report,
    parsed: dict[str, ParsedDocument] | None = None,
    export: dict[tuple[str, int], list[Pair]] | None = None,
) -> Evaluation:
    """Score every report whose (SuR, session) is in the export CSV files.

    ``parsed`` may hold documents already parsed (keyed by file name) and ``export`` the
    export already read (``load_export``), to avoid doing either twice.
    """
    export = load_export(terman_dir) if export is None else export
    cases = [c for c in report_cases(terman_dir, txt_dir) if (c.sur, c.session) in export]
    return evaluate_cases(cases, lambda sur, session: export.get((sur, session), []), parse, parsed)
