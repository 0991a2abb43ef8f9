"""Recommendations a 2008–09 WG report lists only by reference to its interactive dialogue.

Early reports grouped some recommendations as "Recommendations noted in paragraphs 28 (a);
36; 75 (c), (d) and (e) in section I above … did not enjoy the support of Sri Lanka": the text
and the recommending State are only in those dialogue paragraphs ("32. Ireland recommended
that Sri Lanka (a) take measures …; (b) …"). Following each reference recovers them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from upr.sources.state_mentions import _clean, _iso3

__all__ = ["Reference", "parse_references", "resolve_reference"]

_REFS_INTRO = re.compile(r"\bparagraphs?\s+(?=\d)", re.IGNORECASE)
_REFS_END = re.compile(
    r"\s+(?:in|of)\s+(?:section|chapter|the)\b|\s+above\b"
    r"|\s+(?:did|do|will|have|enjoy|were|are)\b|\.\s"
)


@dataclass(frozen=True)
class Reference:
    paragraph: int
    letter: str | None  # "b" for "27 (b)"; None for the whole paragraph

    @property
    def label(self) -> str:
        return f"{self.paragraph}({self.letter})" if self.letter else str(self.paragraph)


def parse_references(intro: str) -> list[Reference]:
    """'paragraphs 28 (b), (c) and (d); 49; 56 (b)' -> 28b, 28c, 28d, 49, 56b."""
    m = _REFS_INTRO.search(intro)
    if not m or not re.search(r"section|above|report", intro, re.IGNORECASE):
        return []
    if re.search(r"listed below|set out below|submitted its views|addendum", intro, re.I):
        return []  # the items follow, or the references point to answers, not to new items
    end = _REFS_END.search(intro, m.end())
    chunk = intro[m.end() : end.start() if end else len(intro)]
    refs: list[Reference] = []
    number: int | None = None
    lettered = False
    for tok in re.findall(r"\d{1,3}|\([a-z]{1,2}\)", chunk):
        if tok.isdigit():
            if number is not None and not lettered:
                refs.append(Reference(number, None))
            number, lettered = int(tok), False
        elif number is not None:
            refs.append(Reference(number, tok.strip("()")))
            lettered = True
    if number is not None and not lettered:
        refs.append(Reference(number, None))
    return refs


def _dialogue_paragraph(text: str, n: int) -> str | None:
    start = re.search(rf"(?:^|\n)[ \t]*{n}\.\s+(?=[A-Z])", text) or re.search(
        rf"(?<=[.;:)”\"]\s){n}\.\s+(?=[A-Z])", text
    )
    if not start:
        return None
    nxt = re.compile(rf"(?:^|\n|(?<=[.;:)”\"]\s))[ \t]*{n + 1}\.\s+(?=[A-Z])")
    end = nxt.search(text, start.end())
    body = text[start.end() : end.start() if end else start.end() + 4000]
    return re.sub(r"\s+", " ", body).strip()


def _speaker(paragraph: str) -> str | None:
    words = paragraph.split()
    for k in range(1, min(7, len(words)) + 1):
        if iso := _iso3(" ".join(words[:k]).rstrip(",;:")):
            return iso
    return None


_RECOMMEND = re.compile(
    r"\b(?:recommended|recommends|urged|encouraged|called (?:up)?on)\b(?:\s+(?:to|that))?\s*",
    re.IGNORECASE,
)


def _sentence_end(s: str, pos: int) -> int:
    m = re.compile(r"\.\s+(?=[A-Z])|\.$").search(s, pos)
    return m.start() if m else len(s)


def _lettered(para: str, letter: str, start: int) -> str | None:
    marker = re.compile(rf"\({letter}\)\s*")
    m = marker.search(para, start) or marker.search(para)
    if not m:
        return None
    nxt = re.compile(rf"\({chr(ord(letter[-1]) + 1)}\)").search(para, m.end())
    end = min(nxt.start() if nxt else len(para), _sentence_end(para, m.end()))
    body = re.sub(r"[;,]?\s*(?:and|as well as)?\s*$", "", para[m.end() : end])
    return _clean(body) or None


def resolve_reference(text: str, ref: Reference) -> list[tuple[str, str | None]]:
    """(recommendation text, speaking State ISO3) of one reference; a reference to a whole
    paragraph of lettered items gives all of them; empty when not found."""
    para = _dialogue_paragraph(text, ref.paragraph)
    if para is None:
        return []
    speaker = _speaker(para)
    rec = _RECOMMEND.search(para)
    start = rec.end() if rec else 0
    if ref.letter is not None:
        found = _lettered(para, ref.letter, start)
        return [(found, speaker)] if found else []
    if rec is None:
        return []
    if re.search(r"\(a\)", para[start : start + 200]):
        out = []
        for letter in "abcdefghijklmnop":
            if re.search(rf"\({letter}\)", para[start:]) is None:
                break
            if found := _lettered(para, letter, start):
                out.append((found, speaker))
        return out
    body = _clean(para[start : _sentence_end(para, start)])
    return [(body, speaker)] if body else []
