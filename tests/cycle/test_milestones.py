"""The milestone table mirrors DOMAIN.md's model advocacy strategy, row by row."""

from __future__ import annotations

import re

from upr.cycle.milestones import MILESTONES, MILESTONES_BY_KEY, SEEDS

# DOMAIN.md's table: (key, when as the table writes it, source seeds).
DOMAIN_TABLE = [
    ("national_consultations", "R − 12 months to R − 6 months", "000, 003, 004"),
    ("submission_deadline", "R − 8 months to R − 6 months", "001, 004"),
    ("advocacy_paper", "R − 6 months to R − 4 months", "000, 003"),
    ("contact_embassies", "R − 4 months to R − 3 months", "000, 003, 004"),
    ("national_report_due", "R − 3 months", "000"),
    ("stakeholder_summary", "R − 3 months to R − 2 months", "000, 003"),
    ("contact_geneva_missions", "R − 2 months to R − 1 month", "000, 003, 001"),
    ("pre_session", "R − 1 month", "000, 001, 003"),
    ("advance_questions", "R − 10 working days", "003"),
    ("review", "R", "000, 001, 004"),
    ("outcome_report", "R + 2 days", "000, 003"),
    ("lobby_noted", "R to R + 5 months", "000, 003"),
    ("adoption", "R + 4 months", "001, 004"),
    ("follow_up_supported", "R + 3 months to R + 12 months", "000, 002, 003"),
    ("action_plan", "R + 5 months to R + 24 months", "002"),
    ("mid_term_report", "R + 24 months to R + 30 months", "000, 002, 003"),
    ("next_cycle_dialogue", "R + 42 months to R + 48 months", "000, 002"),
    ("next_review", "R + 54 months", "002"),
]


def test_every_row_of_the_domain_table_in_order() -> None:
    assert [(m.key, m.when, m.source) for m in MILESTONES] == DOMAIN_TABLE


def test_keys_are_stable_slugs_and_seeds_exist() -> None:
    assert len(MILESTONES_BY_KEY) == len(MILESTONES)
    for milestone in MILESTONES:
        assert re.fullmatch(r"[a-z][a-z_]*", milestone.key)
        assert set(milestone.seeds) <= set(SEEDS)
        assert {seed for seed, _ in milestone.seed_windows} <= set(SEEDS)
        assert milestone.step


def test_geneva_mission_steps() -> None:
    assert {m.key for m in MILESTONES if m.geneva_mission} == {
        "contact_geneva_missions",
        "pre_session",
    }


def test_disagreeing_seeds_are_both_shown() -> None:
    pre_session = " ".join(text for _, text in MILESTONES_BY_KEY["pre_session"].seed_windows)
    assert "5 to 8-minute" in pre_session
    assert "5–10 minute" in pre_session
    lobby = dict(MILESTONES_BY_KEY["lobby_noted"].seed_windows)
    assert "0–5 months" in lobby["000"]
    assert "0–3 months" in lobby["003"]


def test_phases_split_at_the_review() -> None:
    phases = [m.phase for m in MILESTONES]
    review = [m.key for m in MILESTONES].index("review")
    assert set(phases[:review]) == {"preparation"}
    assert "preparation" not in phases[review:]
