"""Command-line front ends: ``upr train`` and ``upr evaluate models``.

Progress goes to stderr (one line per stage and per tenth of a stage), results to stdout.
"""

from __future__ import annotations

import time

from django.core.management.base import CommandError

from upr.ml.api import evaluate

from ..session_ranges import sessions_option
from .rows import training_rows
from .store import TrainingError, current_version, loaded, model_root, train_models


def progress_printer(command):
    """A ``progress(stage, fraction)`` callback writing a line per stage and per 10 %."""
    last: dict[str, int] = {}
    started = time.monotonic()

    def progress(stage: str, fraction: float) -> None:
        tenth = int(fraction * 10)
        if last.get(stage) == tenth:
            return
        last[stage] = tenth
        command.stderr.write(f"[{time.monotonic() - started:6.1f} s] {stage} {fraction:4.0%}")

    return progress


def add_train_arguments(parser) -> None:
    parser.add_argument("--sessions", help="sessions to train on, e.g. 1-19 (default: all)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--if-missing", action="store_true", help="do nothing when trained models exist"
    )


def handle_train(command, options: dict) -> None:
    if options.get("if_missing") and current_version() is not None:
        command.stdout.write(f"Models {current_version()} exist in {model_root()}: nothing to do.")
        return
    sessions = sessions_option(options.get("sessions"))
    command.stderr.write(f"Training on the corpus's UPR Info rows → {model_root()}")
    try:
        version = train_models(sessions, seed=options["seed"], progress=progress_printer(command))
    except TrainingError as exc:
        raise CommandError(str(exc)) from None
    manifest = loaded().manifest
    command.stdout.write(
        f"Trained models {version} on {manifest['rows']} rows "
        f"(sessions {manifest['sessions'][0]}–{manifest['sessions'][-1]}) "
        f"in {manifest['seconds']} s."
    )


def add_evaluate_arguments(parser) -> None:
    parser.add_argument("--train", default="1-17", help="sessions to train on (default 1-17)")
    parser.add_argument("--test", default="18-19", help="sessions to test on (default 18-19)")
    parser.add_argument("--seed", type=int, default=0)


def handle_evaluate(command, options: dict) -> None:
    train_sessions, test_sessions = (
        sessions_option(options["train"]),
        sessions_option(options["test"]),
    )
    if set(train_sessions or ()) & set(test_sessions or ()):
        raise CommandError("The train and test sessions overlap.")
    train_rows, test_rows = training_rows(train_sessions), training_rows(test_sessions)
    if not train_rows or not test_rows:
        raise CommandError("No coded UPR Info rows in the train or the test sessions.")
    command.stderr.write(f"Training on {len(train_rows)} rows, testing on {len(test_rows)} …")
    try:
        report = evaluate(
            train_rows, test_rows, seed=options["seed"], progress=progress_printer(command)
        )
    except ValueError as exc:
        raise CommandError(str(exc)) from None
    command.stdout.write(report.format_report())
