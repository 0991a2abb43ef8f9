"""Keep the database's reference tables (States, cycles, sessions, issues) equal to our own facts.

The facts live in pure modules (upr.sources.states, upr.sources.issues, upr.cycle.cycles) so the app
works without the data directory; this module copies them into the database after each migration.
It only adds and updates, never deletes, so user edits to session dates survive unless a fact is
new.
"""

from __future__ import annotations

from django.db import transaction

from upr.cycle.cycles import CYCLES, SESSION_YEARS, cycle_of_session
from upr.cycle.sessions import WG_SESSIONS
from upr.sources import issues as taxonomy
from upr.sources import states as state_facts

from .models import Cycle, Issue, Organisation, Session, State


@transaction.atomic
def sync_reference_data() -> None:
    for fact in CYCLES:
        Cycle.objects.update_or_create(
            number=fact.number,
            defaults={"start_year": fact.start_year, "end_year": fact.end_year},
        )
    existing_sessions = set(Session.objects.values_list("number", flat=True))
    Session.objects.bulk_create(
        Session(number=n, cycle_id=cycle_of_session(n), year=year)
        for n, year in sorted(SESSION_YEARS.items())
        if n not in existing_sessions
    )
    for n, year in SESSION_YEARS.items():  # a fact, not a user's edit: earlier versions erred
        Session.objects.filter(number=n).exclude(year=year).update(year=year)
    for known in WG_SESSIONS:
        # Dates a person has entered (dates_source "edited") are never overwritten.
        Session.objects.filter(number=known.number, start_date__isnull=True).update(
            start_date=known.start, end_date=known.end, dates_source=known.source[:200]
        )
    for code, name in state_facts.ORGANISATIONS.items():
        Organisation.objects.update_or_create(code=code, defaults={"name": name})
    for fact in state_facts.all_states():
        state, _ = State.objects.update_or_create(
            iso3=fact.iso3,
            defaults={
                "iso2": fact.iso2 or "",
                "name": fact.name,
                "un_name": fact.un_name,
                "regional_group": fact.group or "",
                "observer": fact.observer,
            },
        )
        state.organisations.set(sorted(fact.organisations))
    later = {old: new for old, new in taxonomy.RENAMED.items()}
    for name in taxonomy.ALL_ISSUES:
        Issue.objects.update_or_create(
            name=name,
            defaults={
                "later_name": later.get(name, name) if name != "National plan of action" else "",
                "in_export_2015": name in taxonomy.EXPORT_2015,
                "in_later_list": name != "National plan of action",
            },
        )


def ensure_session(number: int) -> Session:
    """A session beyond the known calendar (a newer export) is created on the fly."""
    session = Session.objects.filter(number=number).first()
    if session is None:
        cycle = cycle_of_session(number)
        Cycle.objects.get_or_create(number=cycle, defaults={"start_year": 0, "end_year": 0})
        session = Session.objects.create(number=number, cycle_id=cycle)
    return session
