"""Score the WG-report parser against the UPR Info export (recall, precision, States).

Run: .venv/bin/python bench/parser_eval.py [--ceiling] [TERMAN_DIR]
(default: $UPR_DATA_DIR/terman-upr-info). ``--ceiling`` also counts the unmatched export rows
whose text does not occur in the report at all (at the matching threshold), which bounds the
recall of any parser that keeps the report's wording, and the unmatched parsed pairs whose text
no export row of the review holds, whole or in part, which bounds its precision.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from upr.sources.parser_eval_data import evaluate_directory, load_export, report_cases
from upr.sources.parser_evaluation import Evaluation, normalise_text, occurs_in
from upr.sources.un_text import read_document


def ceiling(evaluation: Evaluation, txt_dir: Path, export_texts: dict[str, list[str]]) -> str:
    """Split the unmatched export rows into those the report prints and those it does not,
    and the unmatched parsed pairs into those the export holds (whole or in part) and those
    it does not hold at all (left out, or reworded beyond recognition, by its editors)."""
    absent = missed = 0
    unheld = spurious = 0
    for score in evaluation.reports:
        if score.missed:
            document = normalise_text(read_document(txt_dir / score.name))
            missed += len(score.missed)
            absent += sum(not occurs_in(text, document) for text, _ in score.missed)
        if score.spurious:
            texts = export_texts[score.name]
            held = "\n".join(texts)
            spurious += len(score.spurious)
            unheld += sum(
                not occurs_in(text, held) and not any(t in text for t in texts)
                for text, _ in score.spurious
            )
    expected = sum(r.expected for r in evaluation.reports)
    parsed = sum(r.parsed for r in evaluation.reports)
    return (
        f"unmatched export rows: {missed}; not in the report's text at all: {absent}"
        f" — recall ceiling for a parser that keeps the report's wording:"
        f" {(expected - absent) / expected:.2%}\n"
        f"unmatched parsed pairs: {spurious}; text in no export row of the review, whole or"
        f" in part: {unheld} — precision ceiling for a parser that keeps every printed"
        f" recommendation: {(parsed - unheld) / parsed:.2%}"
    )


def main(argv: list[str]) -> int:
    want_ceiling = "--ceiling" in argv
    argv = [a for a in argv if a != "--ceiling"]
    default = Path(os.environ.get("UPR_DATA_DIR", "../shared/data")) / "terman-upr-info"
    terman = Path(argv[0]) if argv else default
    if not (terman / "wg-report-txts").is_dir():
        print(f"no wg-report-txts under {terman}; set UPR_DATA_DIR", file=sys.stderr)
        return 1
    started = time.perf_counter()
    # The export and the report index are read once, for the scores and for the ceiling.
    export = load_export(terman)
    evaluation = evaluate_directory(terman, export=export)
    print(evaluation.render(10))
    if want_ceiling:
        cases = report_cases(terman)
        texts = {c.path.name: [t for t, _ in export.get((c.sur, c.session), [])] for c in cases}
        print(ceiling(evaluation, terman / "wg-report-txts", texts))
    print(f"({time.perf_counter() - started:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
