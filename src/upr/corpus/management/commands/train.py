"""``upr train [--sessions 1-19]``: train the issue tagger and the action classifier."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandParser

from upr.corpus.ml.cli import add_train_arguments, handle_train


class Command(BaseCommand):
    help = (
        "Train the issue tagger and the action-category classifier on the corpus's UPR Info "
        "rows and store them under VAR_DIR/models (replacing the current ones atomically)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        add_train_arguments(parser)

    def handle(self, *args, **options) -> None:
        handle_train(self, options)
