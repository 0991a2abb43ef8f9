"""Recommending-State suffixes of UPR recommendations and the splitting they imply.

A numbered item of a WG report may hold several recommendations, each closed by its own
State parenthetical: ``Ratify the CED (France); ratify it as soon as possible (Chile)``.
The parenthetical is the only reliable separator (semicolons also occur inside a single
recommendation), so items are split after every run of parentheticals that name States.
Parentheticals that name no State (``(OP-CAT)``, ``(2008)``) stay part of the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

__all__ = ["Segment", "parse_state_list", "split_segments"]


@lru_cache(maxsize=4096)
def _iso3(name: str) -> str | None:
    from upr.sources.state_names import resolve_state

    name = name.strip(" .;:,*\u00a0")
    if not name:
        return None
    fact = resolve_state(name)
    if fact is None and name.lower().startswith("the "):
        fact = resolve_state(name[4:])
    return fact.iso3 if fact else None


def _split_and(piece: str, sep: str = r"\s+(?:and|&)\s+") -> list[str] | None:
    """Split 'Chile and Mexico' but keep 'Trinidad and Tobago' (only when parts resolve);
    a lost comma ('United Kingdom France') is split on spaces the same way."""
    if _iso3(piece):
        return [piece]
    words = re.split(sep, piece)
    joiner = " and " if "and" in sep else " "
    for i in range(1, len(words)):
        head = joiner.join(words[:i])
        if _iso3(head) and (rest := _split_and(joiner.join(words[i:]), sep)):
            return [head, *rest]
    if "and" in sep and len(words) == 1 and 1 < len(piece.split()) <= 8:
        return _split_and(piece, r"\s+")
    return None


_NAMEISH = re.compile(
    r"^(?:the\s+)?[A-Z][\w'’.-]*(?:\s+(?:of|the|and|d'|de|[A-Z(][\w'’.()-]*)){0,7}$"
)


@dataclass(frozen=True)
class StateList:
    iso3: tuple[str, ...]
    unknown: tuple[str, ...]


# The second half of a name in the inverted form some reports print: "(Venezuela,
# Bolivarian Republic of)", "(Korea, Republic of)", "(Congo, Democratic Republic of the)".
_QUALIFIER = re.compile(
    r"(?:(?:Bolivarian|Islamic|Plurinational|United|Democratic|Federated|People's|People’s)\s+)*"
    r"(?:Republic|State|States)\s+of(?:\s+the)?"
)


def _requalify(name: str, qualifier: str, iso: list[str], unknown: list[str]) -> None:
    """Replace the entry of ``name`` by the State the whole inverted name means."""
    for candidate in (f"{name} ({qualifier})", f"{qualifier} {name}"):
        if code := _iso3(candidate):
            break
    else:
        return  # "Venezuela" alone already said which State
    if (old := _iso3(name)) in iso:
        iso.remove(old)
    elif name in unknown:
        unknown.remove(name)
    if code not in iso:
        iso.append(code)


def parse_state_list(content: str) -> StateList | None:
    """Parse the inside of a parenthetical; None when it is not a list of States."""
    content = re.sub(r"\s+", " ", content).strip()
    # A footnote marker after a name: "(Uruguay 3)", "(… Republic of Korea 1)"; only taken
    # off when a State is left ("(Article 2)" stays text).
    marker = re.compile(r"(?<=[A-Za-z)])\s*\d{1,2}(?=\s*(?:[,;/]|$))")
    if marker.search(content) and (bare := parse_state_list(marker.sub("", content))):
        return bare if bare.iso3 else None
    if not content or re.search(r"\d", content) or len(content) > 400:
        return None
    iso: list[str] = []
    unknown: list[str] = []
    previous = ""
    for raw in re.split(r"\s*[,;/]\s*|\)\s*\(", content):
        piece = re.sub(r"^(?:and|&)\s+", "", raw.strip(" ."))  # "…, Switzerland, and Sweden"
        if not piece:
            continue
        if previous and _QUALIFIER.fullmatch(piece):
            _requalify(previous, piece, iso, unknown)
            continue
        previous = piece
        parts = _split_and(piece)
        if parts:
            iso.extend(i for p in parts if (i := _iso3(p)) and i not in iso)
        elif _NAMEISH.match(piece) and not re.fullmatch(r"[A-Z-]{2,}", piece):
            unknown.append(piece)
        else:
            return None
    if not iso and not unknown:
        return None
    if not iso and len(unknown) > 3:
        return None
    return StateList(tuple(iso), tuple(unknown))


@dataclass(frozen=True)
class Segment:
    text: str
    states: tuple[str, ...]
    unknown: tuple[str, ...]


# A parenthetical with at most one nested level: "(Iran (Islamic Republic of))".
_PAREN = re.compile(r"\((?:[^()]|\([^()]*\))*\)")
_TAIL_SEPARATOR = re.compile(r"^\s*(?:[;,./]\s*)*(?:(?:and|or)\s+(?=[a-z]))?")


def _clean(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip(" ;,/\u00a0")
    text = re.sub(r"^(?:and|or)\s+", "", text)
    text = re.sub(r"\s+(?:and|or)$", "", text).rstrip(" ;,")
    return text[:1].upper() + text[1:] if text else text


def split_segments(item: str, unknown_ok_at_end: bool = True) -> list[Segment]:
    """Yield the recommendations of one numbered item with their recommending States."""
    start = 0
    pos = 0
    runs: list[tuple[int, int, StateList]] = []
    while m := _PAREN.search(item, pos):
        pos = m.end()
        parsed = parse_state_list(m.group(0)[1:-1])
        if parsed is None:
            continue
        at_end = not item[m.end() :].strip(" ;.,")
        if not parsed.iso3 and not (unknown_ok_at_end and at_end):
            continue
        if runs and not item[runs[-1][1] : m.start()].strip():
            first, _, prev = runs.pop()
            merged = StateList(
                prev.iso3 + tuple(i for i in parsed.iso3 if i not in prev.iso3),
                prev.unknown + parsed.unknown,
            )
            runs.append((first, m.end(), merged))
        else:
            runs.append((m.start(), m.end(), parsed))
    pieces: list[tuple[str, StateList]] = []
    seps: list[str] = []  # what stood between the previous State list and each piece
    sep = ""
    for begin, end, states in runs:
        raw = item[start:begin]
        if _clean(raw):
            pieces.append((raw, states))
            seps.append(sep)
        elif pieces:  # "(Spain), (Chile)": a second list for the same text
            raw, last = pieces.pop()
            iso3 = last.iso3 + tuple(i for i in states.iso3 if i not in last.iso3)
            pieces.append((raw, StateList(iso3, last.unknown + states.unknown)))
        tail = _TAIL_SEPARATOR.match(item[end:]).end()
        sep, start = item[end : end + tail], end + tail
    segments = (
        _distribute(pieces)
        or _share_prefix(pieces)
        or _continue_head(pieces, seps)
        or [Segment(_clean(raw), st.iso3, st.unknown) for raw, st in pieces]
    )
    rest = _clean(item[start:])
    if re.search(r"[A-Za-z]{3}", rest):
        segments.append(Segment(rest, (), ()))
    return segments


def _dangling(raw: str) -> bool:
    """A verb phrase waiting for its object: 'consider signing and ratifying'."""
    words = raw.split()
    return 0 < len(words) <= 10 and not re.search(r"[A-Z]", raw.strip(" /;,")[1:])


_OBJECT = re.compile(r"\s*(?:of\s+)?(?:the|its|a|an|both|all)\b")
_OF = re.compile(r"^of\s+")
_NOUN_END = re.compile(r"(?:ion|ment|ance|ence)$")


def _distribute(pieces: list[tuple[str, StateList]]) -> list[Segment] | None:
    """'Consider ratifying (A)/ratify (B) the CAT (A, B) and its Protocol (B)' names one
    recommendation per State: its own verb, the shared object, the parts it asked for."""
    k = 0
    while k < len(pieces) and _dangling(pieces[k][0]):
        k += 1
    if k == 0 or k == len(pieces) or not _OBJECT.match(pieces[k][0]):
        return None
    verbs, objects = pieces[:k], pieces[k:]
    head = objects[0][0].strip()
    out: dict[str, list[str]] = {}
    for verb, states in verbs:
        verb = verb.strip(" /;,")
        # "examine the possibility of joining (A)/consider the ratification (B) of the
        # Convention": the "of" is the noun's ("the ratification of"), not the verb's
        # ("joining the Convention"), as UPR Info reads it.
        own = head if _NOUN_END.search(verb) else _OF.sub("", head, count=1)
        for iso in states.iso3:
            extra = [o.strip() for o, st in objects[1:] if iso in st.iso3]
            text = _clean(" ".join([verb, own, *extra]))
            out.setdefault(text, []).append(iso)
    return [Segment(text, tuple(isos), ()) for text, isos in out.items()]


def _share_prefix(pieces: list[tuple[str, StateList]]) -> list[Segment] | None:
    """'Continue its efforts: for X (A); in Y (B)' -> 'Continue its efforts for X', …"""
    if len(pieces) < 2:
        return None
    prefix, colon, first = pieces[0][0].partition(":")
    if not colon or len(prefix.split()) > 15 or not first.strip() or "(" in prefix:
        return None
    texts = [first, *(raw for raw, _ in pieces[1:])]
    head = prefix.strip()
    return [  # a piece that repeats the prefix ("…; Consider ratifying or acceding to CED") has it
        Segment(_clean(t if _clean(t).lower().startswith(head.lower()) else f"{head} {t.strip()}"),
                st.iso3, st.unknown)
        for t, (_, st) in zip(texts, pieces, strict=True)
    ]  # fmt: skip


_CONNECTOR = re.compile(
    r"(?:in\s+(?:compliance|accordance|conformity)|including|inter\s+alia"
    r"|its|their|that\s+it|to\s+which|which|whose|such\s+as|in\s+order\s+to"
    r"|as\s+soon\s+as\s+possible|at\s+the\s+earliest"
    r"|(?:particularly|especially|notably)(?!\s+\w+ing\b))\b"
)


_PURPOSE = re.compile(r"(?:aim(?:ing|ed)\s+at|with\s+a\s+view\s+to)\b", re.IGNORECASE)


def _is_continuation(raw: str, sep: str) -> bool:
    """A piece that only extends the one before it: lower-case and opening with a connecting
    word, not with a verb ('… (Egypt); in compliance with the Paris Principles (Portugal)',
    '… (Austria) and its Optional Protocol (Ukraine)'). A lower-case verb starts a new
    recommendation even without a separator ('… (Sudan) step up its efforts … (China)')."""
    text = raw.strip(" ;,/")
    if "." in sep:
        return False
    if _PURPOSE.match(text):  # "…; Aiming at the Abolition of the Death Penalty (Sweden)"
        return True
    return text[:1].islower() and bool(_CONNECTOR.match(text))


def _continue_head(pieces: list[tuple[str, StateList]], seps: list[str]) -> list[Segment] | None:
    """'Ratify the CRPD (Algeria, Austria, Brazil) that it has already signed (Algeria) and its
    Optional Protocol (Austria)': the later pieces only add to the first, so each State gets
    the head plus the additions it asked for, as in the UPR Info database ('Ratify the CRPD
    that it has already signed' for Algeria, 'Ratify the CRPD and its Optional Protocol'
    for Austria, 'Ratify the CRPD' for Brazil)."""
    flags = [i > 0 and _is_continuation(raw, seps[i]) for i, (raw, _) in enumerate(pieces)]
    if not any(flags):
        return None
    out: list[Segment] = []
    i = 0
    while i < len(pieces):
        j = i + 1
        while j < len(pieces) and flags[j]:
            j += 1
        head, head_states = pieces[i]
        adds = pieces[i + 1 : j]
        texts: dict[str, list[str]] = {}
        unknown: dict[str, tuple[str, ...]] = {}
        order = [*head_states.iso3]
        order += [iso for _, st in adds for iso in st.iso3 if iso not in order]
        for iso in order:
            parts = [head.strip(" ;,/")]
            for k, (raw, st) in enumerate(adds, start=i + 1):
                if iso in st.iso3:
                    joiner = "and " if re.search(r"\band\b", seps[k]) else ""
                    parts.append(joiner + raw.strip(" ;,/"))
            texts.setdefault(_clean(" ".join(parts)), []).append(iso)
        if head_states.unknown:
            unknown[_clean(head)] = head_states.unknown
        for raw, st in adds:
            if st.unknown:
                unknown[_clean(f"{head.strip(' ;,/')} {raw.strip(' ;,/')}")] = st.unknown
        out.extend(Segment(t, tuple(isos), unknown.pop(t, ())) for t, isos in texts.items())
        out.extend(Segment(t, (), u) for t, u in unknown.items())
        i = j
    return out
