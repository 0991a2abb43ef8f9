"""Command-line front ends: ``upr targets …`` and ``upr evaluate targets …``."""

from __future__ import annotations

import json
import time

from django.core.management.base import CommandError

from ..session_ranges import sessions_option
from . import TargetError, rank_targets
from .evaluation import BacktestResult, backtest
from .export import as_dicts, write_csv


def add_rank_arguments(parser) -> None:
    parser.add_argument("--sur", required=True, help="State under Review: ISO3 code or name")
    parser.add_argument(
        "--issue", action="append", required=True, help="UPR Info issue (repeat for several)"
    )
    parser.add_argument("--keywords", action="append", default=[], help="words in the text")
    parser.add_argument("--limit", type=int, default=20)
    parser.add_argument("--history", help="sessions to learn from, e.g. 1-12 (default: all)")
    parser.add_argument("--format", choices=("table", "csv", "json"), default="table")


def handle_rank(command, options: dict) -> None:
    keywords = [w for chunk in options["keywords"] for w in chunk.split(",")]
    try:
        ranking = rank_targets(
            options["sur"],
            options["issue"],
            keywords,
            history_sessions=sessions_option(options.get("history")),
            limit=options["limit"],
        )
    except TargetError as exc:
        raise CommandError(str(exc)) from None
    out = command.stdout
    if options["format"] == "csv":
        write_csv(ranking, out)
    elif options["format"] == "json":
        out.write(json.dumps(as_dicts(ranking), ensure_ascii=False, indent=2))
    else:
        out.write(
            f"Target States for {ranking.sur.name} on {', '.join(ranking.issues)} "
            f"(sessions {ranking.history_sessions[0]}–{ranking.history_sessions[-1]}, "
            f"{ranking.candidates} candidates)"
        )
        out.write(f"{'#':>3}  {'State':<28} {'group':<13} {'score':>7}  to SuR  top factors")
        for s in ranking.states:
            top = sorted(s.factors, key=lambda f: -f.contribution)[:2]
            why = "; ".join(f.explanation for f in top if f.contribution > 0)
            out.write(
                f"{s.rank:>3}  {s.name[:28]:<28} {s.group:<13} {s.score:>7.3f}  "
                f"{len(s.to_sur):>6}  {why}"
            )


def add_evaluate_arguments(parser) -> None:
    parser.add_argument("--history", default="1-12", help="sessions to rank from (default 1-12)")
    parser.add_argument("--truth", default="13-19", help="sessions to score against (13-19)")


def handle_evaluate(command, options: dict) -> None:
    history, truth = sessions_option(options["history"]), sessions_option(options["truth"])
    started = time.monotonic()
    command.stderr.write("Tuning the model inside the history window (leave-one-SuR-out) …")
    result = backtest(history, truth, progress=command.stderr.write)
    if not result.model.pairs:
        raise CommandError(
            "No (SuR, issue) pair of the truth sessions has 3 or more recommending States: "
            "is the corpus imported for those sessions?"
        )
    command.stdout.write(report(result))
    command.stderr.write(f"({time.monotonic() - started:.1f} s)")


def report(r: BacktestResult) -> str:
    def line(name, f):
        return f"{name:<38} {f.precision:>7.4f} {f.recall:>7.4f} {f.map:>7.4f} {f.pairs:>6}"

    def span(s):
        return f"{s[0]}-{s[-1]}" if s == tuple(range(s[0], s[-1] + 1)) else ",".join(map(str, s))

    lines = [
        f"Target-State backtest: history sessions {span(r.history)}, truth {span(r.truth)}",
        f"{'':<38} {'P@10':>7} {'R@10':>7} {'MAP':>7} {'pairs':>6}",
        line("finder (model tuned on history)", r.model),
        line("baseline (issue count in history)", r.baseline),
        line("  inside history, leave-one-SuR-out", r.inner_model),
        line("  baseline, leave-one-SuR-out", r.inner_baseline),
        "model parameters (docs/targets.md):",
        *(f"  {name:<22} {value:>9.4g}" for name, value in r.params.items()),
    ]
    return "\n".join(lines)
