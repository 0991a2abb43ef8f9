"""``upr targets --sur … --issue …``: the States to lobby, with their reasons (issue #4)."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandParser

from upr.corpus.targets.cli import add_rank_arguments, handle_rank


class Command(BaseCommand):
    help = "Rank the States to lobby for a State under Review and some UPR Info issues."

    def add_arguments(self, parser: CommandParser) -> None:
        add_rank_arguments(parser)

    def handle(self, *args, **options) -> None:
        handle_rank(self, options)
