"""``upr plan --sur STATE --review-date YYYY-MM-DD``: the advocacy timeline, no account needed.

A thin shell over ``upr.cycle.plan.build_plan``: it touches no database, so anyone can try the
timeline before creating a workspace, and scripts can export it as JSON or ICS.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from upr.cycle.milestones import MILESTONES_BY_KEY
from upr.cycle.plan import PlanStep, build_plan
from upr.cycle.sessions import WG_SESSIONS, session_containing
from upr.documents.ics import plan_to_ics
from upr.sources.state_names import resolve_state


def _parse_date(text: str, what: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise CommandError(f"{what}: {text!r} is not a date in the form YYYY-MM-DD.") from None


def _resolve_sur(name: str) -> tuple[str, str]:
    """(display name, identifier for UIDs) of the State under Review.

    A typo is caught here rather than producing a plan for a State that does not exist.
    """
    state = resolve_state(name)
    if state is None:
        raise CommandError(
            f"Unknown State {name!r}. Give the name of a UN Member State or observer State "
            "(e.g. 'Togo', 'Viet Nam', 'Bolivia (Plurinational State of)')."
        )
    return state.name, state.iso3.lower()


def _parse_exact(values: list[str]) -> dict[str, date]:
    exact = {}
    for value in values:
        key, sep, text = value.partition("=")
        if not sep or key not in MILESTONES_BY_KEY:
            keys = ", ".join(MILESTONES_BY_KEY)
            raise CommandError(
                f"--exact {value!r}: expected KEY=YYYY-MM-DD with KEY one of {keys}."
            )
        exact[key] = _parse_date(text, f"--exact {key}")
    return exact


class Command(BaseCommand):
    help = "Print the model advocacy timeline for a State's review (table, JSON or ICS)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--sur", required=True, help="the State under Review")
        parser.add_argument("--review-date", required=True, help="the review date, YYYY-MM-DD")
        parser.add_argument("--format", choices=("table", "json", "ics"), default="table")
        parser.add_argument(
            "--exact",
            action="append",
            default=[],
            metavar="KEY=YYYY-MM-DD",
            help="a date you know exactly, e.g. submission_deadline=2026-06-25 (repeatable)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        name, identifier = _resolve_sur(options["sur"])
        review_date = _parse_date(options["review_date"], "--review-date")
        try:
            steps = build_plan(review_date, exact_dates=_parse_exact(options["exact"]))
        except ValueError as error:
            raise CommandError(str(error)) from None
        if options["format"] == "json":
            self.stdout.write(
                json.dumps([s.as_dict() for s in steps], ensure_ascii=False, indent=2)
            )
        elif options["format"] == "ics":
            ics = plan_to_ics(steps, plan_id=f"plan-{identifier}", name=f"UPR plan: {name}")
            self.stdout.write(ics.decode("utf-8"), ending="")
        else:
            self._write_table(name, review_date, steps)

    def _write_table(self, name: str, review_date: date, steps: list[PlanStep]) -> None:
        session = session_containing(review_date, WG_SESSIONS)
        during = f", {session.label}" if session else ""
        self.stdout.write(f"UPR advocacy plan for {name}: review on {review_date}{during}")
        self.stdout.write("~ estimated   ! see warning   source: seed documents (see DOMAIN.md)")
        self.stdout.write("")
        self.stdout.write(f"{'start':<10}  {'end':<10}     {'step':<74}  source")
        for step in steps:
            flags = ("~" if step.estimated else " ") + ("!" if step.warnings else " ")
            self.stdout.write(f"{step.start}  {step.end}  {flags} {step.step:<74}  {step.source}")
            for warning in step.warnings:
                self.stdout.write(f"{'':26}! {warning}")
