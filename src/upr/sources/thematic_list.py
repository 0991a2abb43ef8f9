"""OHCHR thematic lists ("matrices") of UPR recommendations (.docx tables).

One table, a header row, "Theme: …" separator rows, then one row per recommendation
(sometimes several identical ones from different States in one cell). The column titles and
the layout of the themes cell changed between cycles, so columns are found by their title and
the themes cell is read by its labelled sub-lists (SDGs, affected persons / groups of persons).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from upr.sources.state_mentions import split_segments
from upr.sources.un_text import DocumentError, docx_tables

__all__ = ["ThematicList", "ThematicRecommendation", "parse_thematic_list"]


@dataclass(frozen=True)
class ThematicRecommendation:
    paragraph: str  # "140.7"
    text: str  # first recommendation of the cell, without number and State suffix
    recommending_states: tuple[str, ...]  # ISO3 of every State in the cell
    unknown_states: tuple[str, ...]
    position: str  # "supported" / "noted" / … as the list states it, lower-cased
    position_source: str | None  # "A/HRC/28/15/Add.1 - Para. 3"
    themes: tuple[str, ...]
    sdgs: tuple[str, ...]
    affected_persons: tuple[str, ...]
    theme_heading: str  # the "Theme: …" row the recommendation is listed under
    full_text: str = ""  # the whole cell, for rows grouping several recommendations


@dataclass
class ThematicList:
    name: str
    recommendations: list[ThematicRecommendation] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


_NUMBER = re.compile(r"^\s*(\d{2,3}\.\d{1,3})\.?\s+")
_SOURCE = re.compile(r"Source of position\s*:\s*(.+)$", re.IGNORECASE | re.MULTILINE)
_LABELS = {
    "sdgs": re.compile(r"^\s*SDGs?\s*:", re.IGNORECASE),
    "persons": re.compile(r"^\s*(?:Affected persons|Groups of persons)\s*:", re.IGNORECASE),
}


def _column(header: list[str], *words: str) -> int | None:
    for i, title in enumerate(header):
        if any(w in title.lower() for w in words):
            return i
    return None


def _bullets(cell: str) -> dict[str, list[str]]:
    """Split a themes cell into its labelled lists; unlabelled lines are themes."""
    lists: dict[str, list[str]] = {"themes": [], "sdgs": [], "persons": []}
    current = "themes"
    for line in cell.split("\n"):
        for key, label in _LABELS.items():
            if label.match(line):
                current, line = key, label.sub("", line)
        item = line.strip().lstrip("-•– ").strip()
        if item:
            lists[current].append(item)
    return lists


def _position(cell: str) -> str:
    text = re.sub(r"\s+", " ", cell).strip().lower()
    if text.startswith(("supported", "accepted")):
        return "supported"
    if text.startswith(("noted", "not supported", "rejected")):
        return "noted"
    return text


def parse_thematic_list_data(data: bytes, name: str = "<thematic list>") -> ThematicList:
    tables = [t for t in docx_tables(data, name) if t and len(t[0]) >= 2]
    if not tables:
        raise DocumentError(name, "no table with recommendations")
    out = ThematicList(name)
    for table in tables:
        header = table[0]
        rec_col = _column(header, "recommendation")
        pos_col = _column(header, "position")
        if rec_col is None or pos_col is None:
            continue
        theme_col = _column(header, "theme")
        sdg_col = _column(header, "sdg")
        heading = ""
        for row in table[1:]:
            cell = row[rec_col] if rec_col < len(row) else ""
            if cell.lower().startswith("theme:"):
                heading = cell.split(":", 1)[1].strip()
                continue
            m = _NUMBER.match(cell)
            if not m:
                if cell.strip():
                    out.warnings.append(f"row without paragraph number: {cell[:60]!r}")
                continue
            source = _SOURCE.search(cell)
            body = _SOURCE.sub("", cell[m.end() :]).strip()
            segments = split_segments(body)
            states: list[str] = []
            unknown: list[str] = []
            for seg in segments:
                states += [s for s in seg.states if s not in states]
                unknown += [u for u in seg.unknown if u not in unknown]
            lists = _bullets(row[theme_col]) if theme_col is not None else {}
            sdgs = lists.get("sdgs", [])
            if sdg_col is not None and sdg_col != theme_col:
                sdgs = sdgs + _bullets(row[sdg_col])["themes"]
            out.recommendations.append(
                ThematicRecommendation(
                    paragraph=m.group(1),
                    text=segments[0].text if segments else body,
                    recommending_states=tuple(states),
                    unknown_states=tuple(unknown),
                    position=_position(row[pos_col]),
                    position_source=source.group(1).strip() if source else None,
                    themes=tuple(lists.get("themes", [])),
                    sdgs=tuple(sdgs),
                    affected_persons=tuple(lists.get("persons", [])),
                    theme_heading=heading,
                    full_text=body,
                )
            )
    if not out.recommendations:
        raise DocumentError(name, "no numbered recommendations in the tables")
    return out


def parse_thematic_list(path: str | Path) -> ThematicList:
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise DocumentError(path.name, f"cannot read file ({exc.strerror})") from exc
    return parse_thematic_list_data(data, path.name)
