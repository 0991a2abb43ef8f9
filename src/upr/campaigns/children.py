"""Child participation: the nine standards of the Committee on the Rights of the Child [003]."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

#: (key, name, what it asks) — CRC/C/66/2, as quoted in seed 003.
STANDARDS: tuple[tuple[str, str, str], ...] = (
    (
        "transparent",
        _("Transparent and informative"),
        _("Children know their right to be heard and get detailed, accessible information."),
    ),
    (
        "voluntary",
        _("Voluntary"),
        _("No child is coerced; each knows they can stop taking part at any stage."),
    ),
    (
        "respectful",
        _("Respectful"),
        _("Children's views are treated with respect; they can initiate their own ideas."),
    ),
    (
        "relevant",
        _("Relevant"),
        _("Children draw on their own knowledge to speak on issues relevant to them."),
    ),
    (
        "child_friendly",
        _("Child-friendly"),
        _("Environments, methods, time and resources are adapted to children's capacities."),
    ),
    (
        "inclusive",
        _("Inclusive"),
        _("Equal opportunity for all, including marginalised children, culturally sensitive."),
    ),
    (
        "training",
        _("Supported by training"),
        _("Adults are prepared to facilitate; children get capacity-building."),
    ),
    (
        "safe",
        _("Safe and sensitive to risk"),
        _("Every precaution against harm; a clear child-protection policy is in place."),
    ),
    (
        "accountable",
        _("Accountable"),
        _("Follow-up and evaluation; children learn how their views influenced the outcome."),
    ),
)

STANDARD_KEYS = tuple(key for key, _name, _text in STANDARDS)


def checklist(saved: dict) -> list[dict]:
    """The nine standards with what the campaign recorded for each (met?, how)."""
    rows = []
    for key, name, text in STANDARDS:
        entry = saved.get(key) or {}
        rows.append(
            {"key": key, "name": name, "text": text, "met": bool(entry.get("met")),
             "how": entry.get("how", "")}
        )  # fmt: skip
    return rows
