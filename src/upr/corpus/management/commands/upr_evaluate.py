"""``upr evaluate SUBJECT …``: print the figures of one of the project's evaluations.

Each subject lives in its own module, registered in ``SUBJECTS`` as name → module path; the
module provides ``add_evaluate_arguments(parser)`` and ``handle_evaluate(command, options)``.
Add a line here to plug in another evaluation (``models``, ``parser`` …).
"""

from __future__ import annotations

from importlib import import_module

from django.core.management.base import BaseCommand, CommandParser

SUBJECTS: dict[str, tuple[str, str]] = {
    # name: (module, help)
    "targets": (
        "upr.corpus.targets.cli",
        "backtest of the target-State finder (history → truth sessions)",
    ),
    "parser": ("upr.corpus.parser_cli", "WG-report parser vs the corpus's UPR Info rows"),
    "models": ("upr.corpus.ml.cli", "issue tagger and action classifier: train on early sessions"),
}


class Command(BaseCommand):
    help = "Evaluate a part of UPR Cycle on the corpus in the database: `upr evaluate targets`."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="subject", required=True, parser_class=CommandParser)
        for name, (module, help_text) in SUBJECTS.items():
            p = sub.add_parser(
                name,
                help=help_text,
                called_from_command_line=getattr(self, "_called_from_command_line", False),
            )
            import_module(module).add_evaluate_arguments(p)

    def handle(self, *args, **options) -> None:
        module, _help = SUBJECTS[options["subject"]]
        import_module(module).handle_evaluate(self, options)
