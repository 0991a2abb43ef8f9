"""``upr evaluate parser DIR``: score the WG-report parser against the corpus in the database.

The bench (``bench/parser_eval.py``) compares with the export CSV files; this command compares
with whatever UPR Info rows the database holds, so it also works for exports newer than the
bundled ones. Only ``upr-info`` rows count as truth: rows read from UN documents were produced
by the parser itself.
"""

from __future__ import annotations

import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from upr.sources.parser_eval_data import directory_cases, evaluate_cases
from upr.sources.parser_evaluation import Evaluation, Pair, normalise_text

from .models import Origin, Recommendation


def add_evaluate_arguments(parser: CommandParser) -> None:
    parser.add_argument("directory", type=Path, help="folder of WG reports (.txt/.pdf/.docx)")
    parser.add_argument("--worst", type=int, default=10, help="how many worst reports to list")


def expected_pairs(sur: str, session: int) -> list[Pair]:
    """The corpus's UPR Info rows of one review as (normalised text, State) pairs."""
    pairs: list[Pair] = []
    rows = Recommendation.objects.filter(
        sur_id=sur, session_id=session, origin=Origin.UPR_INFO
    ).prefetch_related("recommending_states")
    for rec in rows:
        text = normalise_text(rec.text)
        states = [s.pk for s in rec.recommending_states.all()] or [None]
        pairs.extend((text, s) for s in states)
    return pairs


def evaluate_in_database(directory: Path) -> Evaluation:
    return evaluate_cases(directory_cases(directory), expected_pairs)


def handle_evaluate(command: BaseCommand, options: dict) -> None:
    directory: Path = options["directory"]
    if not directory.is_dir():
        raise CommandError(f"{directory}: no such directory")
    started = time.perf_counter()
    evaluation = evaluate_in_database(directory)
    if not evaluation.reports:
        raise CommandError(f"{directory}: no report matches a review in the corpus")
    command.stdout.write(evaluation.render(options["worst"]))
    command.stderr.write(f"({time.perf_counter() - started:.1f} s)")
