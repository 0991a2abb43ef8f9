"""Responses of the State under Review: the WG report addendum ("Views on conclusions
and/or recommendations, voluntary commitments and replies presented by the State under review").

Two layouts exist. Since the second cycle most States cluster their answers: a heading
("Accepted recommendations", "Noted recommendations", …), one sentence listing paragraph
numbers with ranges ("122.17-18", "1–5, 14–16"), then optional comments per number
("Rec. 18 …", "122.2–4 …"). Earlier addenda answer item by item ("5., 6. Slovenia accepts
…"), so the response must be read from the wording of each answer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from upr.sources.report_meta import detect_meta
from upr.sources.un_text import DocumentError, read_document, strip_page_furniture

__all__ = ["AddendumResponse", "ParsedAddendum", "parse_addendum", "parse_addendum_text"]


@dataclass(frozen=True)
class AddendumResponse:
    paragraph: str  # "122.14"; bare numbers get the caller's prefix ("115" + "18")
    response: str  # "supported" / "noted" / "partially supported"
    cluster: str  # the heading or sentence the response was read from
    comment: str = ""  # the State's explanation, when it gave one


@dataclass
class ParsedAddendum:
    name: str
    sur: str | None
    session: int | None
    document_symbol: str | None
    responses: list[AddendumResponse] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def by_paragraph(self) -> dict[str, AddendumResponse]:
        return {r.paragraph: r for r in self.responses}


_REF = r"(?:\d{2,3}\.\d{1,3}|\d{1,3})(?:\s*[-–]\s*(?:\d{2,3}\.)?\d{1,3})?"
_LIST_INTRO = re.compile(
    r"(?P<verb>accepts?|supports?|notes|takes? note of|does not accept"
    r"|partially (?:accepts|supports)|rejects?)\s+(?:the\s+)?(?:following\s+)?"
    r"recommendations?\b[^.:\d]{0,120}?:?\s*(?=\d)",
    re.IGNORECASE,
)
_LIST_ITEM = re.compile(rf"\s*(?:,|;|\.|and)?\s*({_REF})(?![\d.]*\d)")


def _expand(ref: str, prefix: str | None) -> list[str]:
    """'122.17-18' -> 122.17, 122.18; '5–9' with prefix '115' -> 115.5 … 115.9."""
    ref = re.sub(r"\s+", "", ref)
    head, _, tail = ref.partition("–" if "–" in ref else "-")
    para, dot, first = head.rpartition(".")
    if not dot:
        para = prefix or ""
    last = tail.rpartition(".")[2] if tail else first
    lo, hi = int(first), int(last)
    if hi < lo or hi - lo > 300:
        hi = lo
    return [f"{para}.{n}" if para else str(n) for n in range(lo, hi + 1)]


def _response_of(verb: str) -> str:
    verb = verb.lower()
    if "partial" in verb:
        return "partially supported"
    if verb.startswith(("accept", "support")):
        return "supported"
    return "noted"


def _read_list(text: str, start: int) -> tuple[list[str], int]:
    refs, pos = [], start
    while m := _LIST_ITEM.match(text, pos):
        refs.append(m.group(1))
        pos = m.end()
    return refs, pos


_COMMENT_HEAD = re.compile(
    rf"^[ \t]*(?:Recs?\.|Recommendations?)?[ \t]*(?P<refs>{_REF}(?:[ \t]*(?:,|and)[ \t]*{_REF})*)"
    r"(?=[ \t]{2,}|[ \t]*\n|[ \t]+[A-Z])",
    re.MULTILINE,
)
_HEADING = re.compile(r"^[ \t]*(?:[IVX]{1,3}\.[ \t]+)?[A-Z][A-Za-z ,]{3,90}recommendations[ \t]*$",
                      re.MULTILINE)  # fmt: skip


def _clustered(text: str, prefix: str | None, out: ParsedAddendum) -> None:
    heading = ""
    headings = [(m.start(), m.group(0).strip()) for m in _HEADING.finditer(text)]
    for m in _LIST_INTRO.finditer(text):
        refs, end = _read_list(text, m.end())
        heading = next((h for at, h in reversed(headings) if at < m.start()), heading)
        response = _response_of(m.group("verb"))
        if "partial" in heading.lower():
            response = "partially supported"
        for ref in refs:
            for para in _expand(ref, prefix):
                out.responses.append(AddendumResponse(para, response, heading or m.group(0)))
    comments: dict[str, str] = {}
    heads = list(_COMMENT_HEAD.finditer(text))
    stops = sorted([h[0] for h in headings] + [m.start() for m in _LIST_INTRO.finditer(text)])
    for i, m in enumerate(heads):
        end = heads[i + 1].start() if i + 1 < len(heads) else len(text)
        end = min([s for s in stops if s > m.end()] + [end])
        body = re.sub(r"\s+", " ", text[m.end() : end]).strip()
        if not body or re.fullmatch(r"[\d.,;\s–-]+", body):
            continue
        for ref in re.findall(_REF, m.group("refs")):
            for para in _expand(ref, prefix):
                comments[para] = body
    out.responses[:] = [
        AddendumResponse(r.paragraph, r.response, r.cluster, comments.get(r.paragraph, ""))
        for r in out.responses
    ]


_ITEM = re.compile(r"^[ \t]*(?P<nums>\d{1,3}\.(?:\d{1,3}\.?)?(?:,[ \t]*\d{1,3}\.(?:\d{1,3}\.?)?)*)"
                   r"[ \t]+(?=\S)", re.MULTILINE)  # fmt: skip


def classify_answer(answer: str) -> str | None:
    """Response expressed in free wording ("Slovenia accepts the recommendation …")."""
    t = re.sub(r"\s+", " ", answer.lower())[:400]
    refusal = re.compile(
        r"(?:does|do|can|could) ?not (?:accept|support)|rejects?|not in a position"
        r"|takes? note|notes the recommendation|cannot, at this point|definitive statement"
    )
    refused = refusal.search(t)
    accepted = re.search(
        r"\b(?:accepts?|supports?|agrees? with|acknowledges?)\b", refusal.sub("", t)
    )
    if accepted and refused:
        return "partially supported"
    if refused:
        return "noted"
    if accepted:
        return "supported"
    return None


def _itemised(text: str, prefix: str | None, out: ParsedAddendum) -> None:
    items = list(_ITEM.finditer(text))
    for i, m in enumerate(items):
        end = items[i + 1].start() if i + 1 < len(items) else len(text)
        answer = re.sub(r"\s+", " ", text[m.end() : end]).strip()
        response = classify_answer(answer)
        if response is None:
            out.warnings.append(f"{m.group('nums')}: no response found in {answer[:60]!r}")
            continue
        for num in re.findall(r"\d{1,3}(?:\.\d{1,3})?", m.group("nums")):
            para = num if "." in num or not prefix else f"{prefix}.{num}"
            out.responses.append(AddendumResponse(para, response, "item by item", answer))


def parse_addendum_text(
    text: str, name: str = "<addendum>", paragraph_prefix: str | None = None
) -> ParsedAddendum:
    """Parse responses; ``paragraph_prefix`` (e.g. "115") completes bare numbers ("18")."""
    meta = detect_meta(text)
    out = ParsedAddendum(name, meta.sur, meta.session, meta.document_symbol)
    if not re.search(r"Views on conclusions|responses? to (?:the )?recommendations", text, re.I):
        out.warnings.append("no 'Views on conclusions and/or recommendations' title")
    body = strip_page_furniture(text)
    _clustered(body, paragraph_prefix, out)
    if not out.responses:
        start = re.search(r"answers are as follows|following (?:answers|responses)", body)
        _itemised(body[start.end() :] if start else body, paragraph_prefix, out)
    if not out.responses:
        raise DocumentError(name, "no responses to recommendations found")
    seen: dict[str, AddendumResponse] = {}
    for r in out.responses:
        if r.paragraph in seen and seen[r.paragraph].response != r.response:
            out.warnings.append(f"{r.paragraph}: listed as {seen[r.paragraph].response} and "
                                f"{r.response}")  # fmt: skip
        seen.setdefault(r.paragraph, r)
    out.responses = list(seen.values())
    return out


def parse_addendum(path: str | Path, paragraph_prefix: str | None = None) -> ParsedAddendum:
    path = Path(path)
    return parse_addendum_text(read_document(path), path.name, paragraph_prefix)
