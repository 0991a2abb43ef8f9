"""Recommendations of a Working Group report, from its "Conclusions and/or recommendations".

The section has changed shape many times since 2008: numbered sub-items inside one paragraph
(``86. … 1. Ratify … (Chile);``), decimal numbers (``136.1 … (Ethiopia);``), several
recommendations inside one item, grouping paragraphs (enjoy the support / will be examined /
noted), and – in the scraped texts – paragraphs run together with no line breaks at all.
So the parser never relies on line structure: it collapses the section to one line and walks
the numbering sequentially, accepting a number only where the next one is expected and where
the previous item has ended, which keeps cross-references and years from starting items.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from upr.sources.report_meta import detect_meta
from upr.sources.state_mentions import split_segments
from upr.sources.un_text import DocumentError, read_document, strip_page_furniture
from upr.sources.wg_references import REFS_INTRO, parse_references, resolve_reference

__all__ = [
    "ParsedDocument",
    "ParsedRecommendation",
    "find_conclusions",
    "grouping_response",
    "parse_wg_report",
    "parse_wg_report_text",
]


@dataclass(frozen=True)
class ParsedRecommendation:
    paragraph: str  # "136.1"; old-style sub-item "1." of paragraph 86 becomes "86.1"
    text: str  # without the number and without the State suffix
    recommending_states: tuple[str, ...]  # ISO3
    unknown_states: tuple[str, ...]  # names in a State position that did not resolve
    response: str | None  # "supported" / "noted" / "pending" from the report's grouping
    grouping: str  # the grouping paragraph as worded in the report
    document_symbol: str | None = None
    sur: str | None = None
    session: int | None = None


@dataclass
class ParsedDocument:
    name: str
    sur: str | None
    sur_name: str | None
    session: int | None
    document_symbol: str | None
    recommendations: list[ParsedRecommendation] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


_HEADING = re.compile(
    r"(?:^|(?<=[IVX]\.)|(?<=\*\*))[ \t*]*conclusions\s+and\s*/?\s*(?:or\s+)?recommendations\b"
    r"(?![ \t]*\.{3})(?![ \t.]*\d)(?![ \t]*(?:contained|set out|in the|reflect))",
    re.IGNORECASE | re.MULTILINE,
)
_SECTION_END = re.compile(
    r"All\s+conclusions\s+and\s*/?\s*(?:or\s+)?recommendations\s+(?:contained|set out|in)"
    r"|Composition\s+of\s+(?:the\s+)?delegation"
    r"|\b[IVX]{1,3}\.\s+voluntary\s+(?:pledges|commitments)"
    r"|^\s*Annex(?:es)?\s*$",
    re.IGNORECASE | re.MULTILINE,
)
_NOT_EDITED = re.compile(
    r"\**\s*(?:The\s+)?conclusions\s+and\s*/?\s*(?:or\s+)?recommendations\s+"
    r"(?:have\s+not\s+been|will\s+not\s+be)\s+edited\.?",
    re.IGNORECASE,
)
# A segment with no recommending State that opens like this is the State's comment, a
# footnote or a closing remark ("Regarding recommendation No. 91.1, …", "1 The recommendation
# as made …", "The recommendations listed above enjoy the support of …"), never a
# recommendation: recommendations open with a verb.
_COMMENT_OPENING = re.compile(
    r"(?:[^A-Za-z]|(?:the|a|an|this|these|while|whilst|with|regarding|recommendations?"
    r"|comments?|conclusions?)\b)",
    re.IGNORECASE,
)
_STOP_INTRO = re.compile(
    r"^(?:All conclusions|[^:]{0,250}\bvoluntar\w*\s+(?:pledges?|commitments?)"
    r"|[^:]{0,120}\bmade the following (?:pledges?|commitments?))",
    re.IGNORECASE,
)


def find_conclusions(text: str) -> str | None:
    """The body of the conclusions section, or None when the report has no such section."""
    for m in _HEADING.finditer(text):
        end = _SECTION_END.search(text, m.end())
        body = text[m.end() : end.start() if end else len(text)]
        if re.search(r"\d{2,3}\.\s", body):
            return body
    return None


def grouping_response(intro: str) -> str | None:
    """Map the report's grouping paragraph to a response; the wording varies by year."""
    t = re.sub(r"\s+", " ", intro.lower())
    if re.search(r"(?:did|do|does|will|would) not (?:enjoy|receive|accept|support)", t):
        return "noted"
    if re.search(r"\bnot (?:enjoy|supported|accepted)|could not|cannot|rejected|\bno support", t):
        return "noted"
    if re.search(r"enjoy|\bsupport|\baccept|agreed on|already (?:been )?implemented", t):
        return "supported"
    if re.search(r"\bnoted\b|take note|took note|takes note", t):
        return "noted"
    if re.search(r"examin|respon|consider|were made|was recommended|recommended that", t):
        return "pending"
    return None


# A footnote giving the wording a State first used ("4  The original recommendation read as
# follows: “…”", "12  Recommendation originally read: “…” (Slovakia).") lands in the
# middle of the item in text versions; the report's own wording is the recommendation.
# The note ends at its closing quote, or where the next item starts when the note goes on
# over the page.
_READING_NOTE = re.compile(
    r"^[ \t]*\d{1,3}[ \t]+(?:The\s+)?(?:original\s+)?recommendation\s+(?:as\s+)?"
    r"(?:originally\s+)?(?:read|was)\b[^“\"\n]*[“\"]?"
    r"(?:(?!\n[ \t]*\d{1,3}\.(?:\d|\s))[^”\"])*(?:[”\"][^\n]*)?",
    re.IGNORECASE | re.MULTILINE,
)


def _flatten(body: str) -> str:
    body = _READING_NOTE.sub("", body)
    body = _NOT_EDITED.sub(" ", strip_page_furniture(body))
    body = re.sub(r"(\w)-[ \t]*\n\s*(?=\w)", r"\1-", body)  # hyphen at a PDF line end
    body = body.replace("**", " ").replace("\u00a0", " ")
    # Keep one "\n" where lines broke: a number at a line start may begin an item even when
    # the previous item lacks its closing punctuation.
    body = re.sub(r"[ \t]*\n\s*", "\n", body)
    return re.sub(r"[ \t]+", " ", body).strip()


def _boundary_ok(s: str, idx: int) -> bool:
    """A number starts an item only where the previous item has visibly ended."""
    if idx == 0 or s[idx - 1] == "\n":
        return True
    before = s[max(0, idx - 8) : idx].rstrip()
    return not before or before[-1] in ';.:)”"’*' or before.endswith((" and", " or"))


def _first(
    pattern: re.Pattern[str], s: str, pos: int, ok=lambda m: True, end: int | None = None
) -> re.Match | None:
    for m in pattern.finditer(s, pos, len(s) if end is None else end):
        if _boundary_ok(s, m.start()) and ok(m):
            return m
    return None


def _looks_like_intro(text: str) -> bool:
    head = text[:400]
    colon = head.find(":")
    if not re.search(r"recommend|pledge|commitment|conclusions", head[:300], re.IGNORECASE):
        return False
    if head.startswith("All conclusions"):
        return True
    return colon >= 0 and not re.search(r"\([A-Z][^()]*\)\s*[;.]", head[:colon])


def _strip_preamble(text: str, sur_name: str | None) -> str:
    """'That Algeria take measures' -> 'Take measures': the 2008 reports quote the
    recommendation inside reported speech; the bare imperative is what States recommended."""
    who = r"the\s+State(?:\s+under\s+review)?|the\s+Government|it"
    if sur_name:
        who += "|(?:the\\s+)?" + re.escape(sur_name).replace("\\ ", "\\s+")
    m = re.match(
        rf"(?:(?:It\s+)?(?:was\s+|is\s+)?recommended\s+)?that\s+(?:{who})\s+(?:should\s+)?(?=[a-z])",
        text,
        re.IGNORECASE,
    )
    if not m:
        return text
    rest = text[m.end() :]
    return rest[:1].upper() + rest[1:]


def _strip_to(text: str) -> str:
    """'To ratify the ICCPR' -> 'Ratify the ICCPR': some 2009–10 reports put each
    recommendation in the infinitive; the recommendation is the imperative."""
    m = re.match(r"to\s+(?=[a-z])(?!(?:the|a|an|all|its|this|these|those)\b)", text, re.I)
    return text[m.end() :][:1].upper() + text[m.end() + 1 :] if m else text


@dataclass
class _Item:
    para: int
    sub: int | None
    start: int
    end: int = -1


_OLD = re.compile(r"(?<![\w.,/-])(\d{1,3})\.(?=\s)")


@lru_cache(maxsize=512)
def _number(n: int) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w.,/-]){n}\.(?=\s)")


@lru_cache(maxsize=512)
def _decimal(p: int) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w.,/-]){p}\.(\d{{1,3}})\.?(?=\s)")


def _scan(s: str) -> list[_Item]:
    """Walk the numbering of a flattened section: top paragraphs and their sub-items."""
    top_any = re.compile(r"(?<![\w.,/-])(\d{2,3})\.(?=\s)")
    first = _first(top_any, s, 0)
    if first is None:
        return []
    items = [_Item(int(first.group(1)), None, first.end())]
    style: str | None = None
    last_old = 0
    pos = first.end()
    nxt_top: re.Match | None = None
    nxt_for = -1  # the paragraph whose successor nxt_top is; searched once per paragraph
    while True:
        cur = items[-1]
        p, k = cur.para, cur.sub or 0
        if nxt_for != p or (nxt_top is not None and nxt_top.start() < pos):
            nxt_top, nxt_for = _first(_number(p + 1), s, pos), p
        # Sub-items end where the next paragraph starts (a number may be shared by both).
        limit = nxt_top.end() + 1 if nxt_top else len(s)
        cands: list[tuple[int, str, re.Match]] = []
        if nxt_top:
            cands.append((nxt_top.start(), "top", nxt_top))
        if style in (None, "new"):
            m = _first(_decimal(p), s, pos, lambda m, k=k: k < int(m.group(1)) <= k + 4, limit)
            if m:
                cands.append((m.start(), "new", m))
        if style in (None, "old"):
            wanted = {k + 1} if k else {1, last_old + 1}
            m = _first(_OLD, s, pos, lambda m, w=wanted: int(m.group(1)) in w, limit)
            if m:
                cands.append((m.start(), "old", m))
        if not cands:
            break
        cands.sort(key=lambda c: (c[0], c[1] != "top"))
        at, kind, m = cands[0]
        shared = kind == "top" and len(cands) > 1 and cands[1][0] == at
        if shared and not _looks_like_intro(s[m.end() : m.end() + 500].lstrip()):
            at, kind, m = cands[1]  # "65." is sub-item 65 of paragraph 64, not paragraph 65
        cur.end = at
        if kind == "top":
            style = None
            items.append(_Item(p + 1, None, m.end()))
            if _STOP_INTRO.match(s[m.end() : m.end() + 500].lstrip()):
                items[-1].end = items[-1].start
                return items
        else:
            style = kind
            sub = int(m.group(1))
            if kind == "old":
                last_old = sub
            items.append(_Item(p, sub, m.end()))
        pos = m.end()
    items[-1].end = len(s)
    return items


def parse_wg_report_text(text: str, name: str = "<report>") -> ParsedDocument:
    """Parse the recommendations of one WG report given as clean text."""
    meta = detect_meta(text)
    doc = ParsedDocument(name, meta.sur, meta.sur_name, meta.session, meta.document_symbol)
    body = find_conclusions(text)
    if body is None:
        raise DocumentError(
            name,
            "no 'Conclusions and/or recommendations' section found: is it the Working Group's"
            " report? A national report, a compilation or a stakeholders' summary holds no"
            " recommendations to import",
        )
    s = _flatten(body)
    grouping = ""
    for item in _scan(s):
        chunk = s[item.start : item.end].strip()
        if item.sub is None:
            intro, colon, rest = chunk.partition(":")
            grouping = intro.strip() + colon
            if _STOP_INTRO.match(chunk):
                continue
            if not rest.strip() or not colon or _cites_paragraphs(intro, rest):
                _add_references(doc, text, body, item.para, chunk, meta.sur_name)
                continue
            chunk, label = rest, f"{item.para}"  # a grouping paragraph with one recommendation
        else:
            label = f"{item.para}.{item.sub}"
        segments = split_segments(chunk)
        if not segments:
            doc.warnings.append(f"{label}: empty item")
        for seg in segments:
            if not seg.states and not seg.unknown:
                if _COMMENT_OPENING.match(seg.text):
                    doc.warnings.append(f"{label}: left out, a comment: {seg.text[:60]!r}")
                    continue
                doc.warnings.append(f"{label}: no recommending State in {seg.text[:60]!r}")
            doc.recommendations.append(
                ParsedRecommendation(
                    paragraph=label,
                    text=_strip_to(_strip_preamble(seg.text, meta.sur_name)),
                    recommending_states=seg.states,
                    unknown_states=seg.unknown,
                    response=grouping_response(grouping),
                    grouping=grouping,
                    document_symbol=meta.document_symbol,
                    sur=meta.sur,
                    session=meta.session,
                )
            )
    if not doc.recommendations:
        raise DocumentError(name, "the conclusions section holds no numbered recommendations")
    return doc


def _cites_paragraphs(intro: str, rest: str) -> bool:
    """A grouping paragraph whose colon is followed by references, not by recommendations:
    'noted in the report in paragraphs: 71; 72 (c) …', '… did not enjoy the support of
    Burundi: NOTE 1. With regard to … paragraphs 26 (e) (Czech Republic), 29 (Latvia) …'."""
    if not parse_references(f"{intro}: {rest}"):
        return False
    if REFS_INTRO.search(f"{intro}: {rest[:12]}"):
        return True
    return not any(seg.states for seg in split_segments(rest))


def _add_references(
    doc: ParsedDocument, text: str, body: str, para: int, chunk: str, sur_name: str | None
) -> None:
    """A 2008–09 grouping paragraph citing dialogue paragraphs: fetch the items it cites."""
    refs = parse_references(chunk)
    if not refs:
        return
    dialogue = text[: max(text.find(body[:300]), 0)] or text
    # A paragraph cited again by a later grouping ("… takes note of the recommendations in
    # paragraphs 38 (b) and 74 (a) and offers the following comments") is the same item.
    cited = {r.paragraph.partition(":")[2] for r in doc.recommendations if ":" in r.paragraph}
    for ref in refs:
        if ref.label in cited:
            continue
        found = resolve_reference(dialogue, ref)
        if not found:
            doc.warnings.append(
                f"{para}: cites the recommendations of paragraph {ref.label} of the dialogue,"
                " which could not be found in the report; check them by hand"
            )
        for rec_text, speaker in found:
            _add_reference(doc, para, ref.label, chunk, rec_text, speaker, sur_name)


def _add_reference(
    doc: ParsedDocument,
    para: int,
    label: str,
    chunk: str,
    rec_text: str,
    speaker: str | None,
    sur_name: str | None,
) -> None:
    """The cited item in the export's form: bare imperative ("Ratify …", not "that X ratify")."""
    if not rec_text.lower().startswith("that "):
        rec_text = f"that {rec_text}"
    stripped = _strip_preamble(rec_text, sur_name)
    rec_text = rec_text[5:] if stripped.lower().startswith("that ") else stripped
    rec_text = re.sub(r"^to\s+(?=[a-z])", "", rec_text, flags=re.IGNORECASE)
    doc.recommendations.append(
        ParsedRecommendation(
            paragraph=f"{para}:{label}",
            text=rec_text[:1].upper() + rec_text[1:],
            recommending_states=(speaker,) if speaker else (),
            unknown_states=(),
            response=grouping_response(re.sub(r"\bnoted\s+in\b", "in", chunk)),
            grouping=chunk[:300],
            document_symbol=doc.document_symbol,
            sur=doc.sur,
            session=doc.session,
        )
    )


def parse_wg_report(path: str | Path) -> ParsedDocument:
    """Parse a WG report file (.txt/.pdf/.docx)."""
    path = Path(path)
    return parse_wg_report_text(read_document(path), path.name)
