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

REFS_INTRO = re.compile(r"\bparagraphs?(?:\s+numbers?)?:?\s+(?=\d)", re.IGNORECASE)
# One token of a reference list: a paragraph number (not "3,000" or "89.1"), its letters
# "(b)" or "(a, b)", a State named after it "(Chile)", or a separator. The list ends at the
# first other word ("above", "did", "as", "Burundi indicated …"); "(last sentence)" is skipped.
_REF_TOKEN = re.compile(
    r"\s*(?:(\d{1,3})(?![\d,.]\d)|\(\s*([a-z]{1,3}(?:\s*(?:,|and)\s*[a-z]{1,3})*)\s*\)"
    r"|\([A-Z][^()\d]*\)|\([a-z][a-z ]{3,}\)|[,;]|(?:and|numbers?)\b)"
)


@dataclass(frozen=True)
class Reference:
    paragraph: int
    letter: str | None  # "b" for "27 (b)"; None for the whole paragraph

    @property
    def label(self) -> str:
        return f"{self.paragraph}({self.letter})" if self.letter else str(self.paragraph)


def parse_references(intro: str) -> list[Reference]:
    """'paragraphs 28 (b), (c) and (d); 49; 56 (b)' -> 28b, 28c, 28d, 49, 56b.

    Every "paragraph(s) …" list of the text counts ("… in paragraphs 33 (a, b) … Uzbekistan
    considers the recommendations in paragraphs 43(a), 44 … as unacceptable"), each read
    up to its first word that is not part of a list; duplicates are dropped.
    """
    if not re.search(
        r"section|above|report|recommendations\s+(?:contained|noted|reflected)", intro, re.I
    ):
        return []
    if re.search(r"listed below|set out below|submitted its views|addendum", intro, re.I):
        return []  # the items follow, or the references point to answers, not to new items
    refs: list[Reference] = []
    for m in REFS_INTRO.finditer(intro):
        for ref in _read_list(intro, m.end()):
            if ref not in refs:
                refs.append(ref)
    return refs


def _sub_numeral(letter: str, previous: Reference | None) -> bool:
    """'67 (b) (i) and (ii)': roman numerals under a letter are parts of that item, unless
    the letters simply run on ('(h), (i)')."""
    if not re.fullmatch(r"i{1,3}|iv|vi{0,3}", letter) or previous is None or not previous.letter:
        return False
    return ord(previous.letter[-1]) + 1 != ord(letter[0]) or len(letter) > 1


def _read_list(text: str, pos: int) -> list[Reference]:
    refs: list[Reference] = []
    number: int | None = None
    lettered = False
    while (tok := _REF_TOKEN.match(text, pos)) and tok.end() > pos:
        pos = tok.end()
        if tok.group(1):
            if number is not None and not lettered:
                refs.append(Reference(number, None))
            number, lettered = int(tok.group(1)), False
        elif tok.group(2) and number is not None:
            for letter in re.split(r"\s*(?:,|and)\s*", tok.group(2)):
                if not _sub_numeral(letter, refs[-1] if lettered else None):
                    refs.append(Reference(number, letter))
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
    r"\b(?:recommended|recommends|urged|encouraged|called (?:up)?on)\b"
    r"(?:\s+(?:to|that)\b|\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3}\s+to\b)?\s*",
)
_ROMAN = re.compile(r"\((?:i{1,3}|iv|vi{0,3})\)\s*")


def _roman_parts(text: str) -> list[str]:
    """'(i) publish official figures …, (ii) restrict …': one recommendation per numeral;
    a bare name before '(i)' ('Malaysia (i) publish …') is dropped, other words are kept
    as the shared start."""
    marks = list(_ROMAN.finditer(text))
    if len(marks) < 2 or marks[0].group(0)[:3] != "(i)":
        return [text]
    head = text[: marks[0].start()].strip()
    if re.fullmatch(r"(?:(?:the|of|and)\s+|[A-Z][\w'’-]*\s*)*", head):
        head = ""
    parts = []
    for m, nxt in zip(marks, [*marks[1:], None], strict=True):
        body = text[m.end() : nxt.start() if nxt else len(text)]
        body = re.sub(r"[;,]?\s*(?:and|as well as)?\s*$", "", body)
        if cleaned := _clean(f"{head} {body}"):
            parts.append(cleaned)
    return parts or [text]


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
    if (verb := _RECOMMEND.match(body)) and verb.group(0).strip():
        body = body[verb.end() :]  # "(c) encouraged Malaysia to sign …"
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
        return [(part, speaker) for part in _roman_parts(found)] if found else []
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
    return [(part, speaker) for part in _roman_parts(body)] if body else []
