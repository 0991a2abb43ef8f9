"""Charts as pictures: small horizontal bar charts rendered on the server as SVG.

No script and no style attribute (strict CSP): geometry goes in SVG presentation attributes and
colours in CSS classes. Every label is escaped here, so the SVG may be marked safe in templates.
Pages show the same numbers as a table next to each chart.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html import escape

from django.utils.safestring import SafeString, mark_safe

WIDTH = 640
LABEL_WIDTH = 230
VALUE_WIDTH = 70
BAR_HEIGHT = 14
GAP = 8


@dataclass(frozen=True)
class Segment:
    value: float
    css: str = "s0"


@dataclass
class Row:
    """One label with one or more bars (each bar a stack of segments) and a printed note."""

    label: str
    bars: list[list[Segment]] = field(default_factory=list)
    note: str = ""


# Advance widths in em of a sans-serif face as wide as DejaVu Sans (the Debian default), so a
# label is cut before it runs past the chart's left edge: a character count let French issue
# names ("Droits économiques, sociaux et culturels") lose their first letters on the page.
_NARROW, _SEMI, _WIDE = frozenset("ijlI'’.,;:!|()[] "), frozenset("frt-"), frozenset("mwMW")
# The label column at the CSS font size (12px), less a margin; the estimate below is within ±10 %
# of Chromium's own measure of every issue name in the three languages, hence the / 1.1.
LABEL_EM = (LABEL_WIDTH - 8) / 12 / 1.1


def _em(ch: str) -> float:
    if ch in _NARROW:
        return 0.3
    if ch in _SEMI:
        return 0.4
    if ch in _WIDE:
        return 0.9
    if ch.isupper():
        return 0.68
    return 0.6 if ch.isdigit() else 0.57


def label_em(label: str) -> float:
    """The label's estimated width in em (an upper-leaning estimate)."""
    return sum(_em(ch) for ch in label)


def _short(label: str, budget: float = LABEL_EM) -> str:
    """The label, cut at the last character that leaves room for "…" inside the column."""
    if label_em(label) <= budget:
        return label
    width, cut = _em("…"), 0
    for k, ch in enumerate(label):
        if width + _em(ch) > budget:
            break
        width += _em(ch)
        cut = k + 1
    return label[:cut].rstrip(" ,;·-") + "…"


def bar_chart(rows: list[Row], title: str) -> SafeString:
    """An SVG bar chart; all bars share one scale (the longest bar spans the plot width)."""
    top = max((sum(s.value for s in bar) for row in rows for bar in row.bars), default=0) or 1
    plot = WIDTH - LABEL_WIDTH - VALUE_WIDTH
    y = 0
    parts: list[str] = []
    for row in rows:
        height = max(1, len(row.bars)) * (BAR_HEIGHT + 2)
        parts.append(
            f'<text x="{LABEL_WIDTH - 6}" y="{y + height / 2 + 4:.1f}" text-anchor="end">'
            f"<title>{escape(row.label)}</title>{escape(_short(row.label))}</text>"
        )
        for k, bar in enumerate(row.bars):
            x = float(LABEL_WIDTH)
            bar_y = y + k * (BAR_HEIGHT + 2)
            for segment in bar:
                width = plot * segment.value / top
                if width > 0:
                    parts.append(
                        f'<rect class="{escape(segment.css)}" x="{x:.1f}" y="{bar_y}" '
                        f'width="{width:.1f}" height="{BAR_HEIGHT}"></rect>'
                    )
                x += width
        if row.note:
            parts.append(
                f'<text x="{WIDTH - VALUE_WIDTH + 6}" y="{y + height / 2 + 4:.1f}">'
                f"{escape(row.note)}</text>"
            )
        y += height + GAP
    height = max(y, 1)
    svg = (
        f'<svg class="chart" viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}" '
        f'role="img" aria-label="{escape(title)}"><title>{escape(title)}</title>'
        + "".join(parts)
        + "</svg>"
    )
    return mark_safe(svg)  # noqa: S308 - every interpolated text is escaped above
