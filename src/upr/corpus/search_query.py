"""The search box's little language, parsed once in Python and rendered safely for each backend.

Syntax: words (all must occur), "exact phrases", ``OR`` between two items, ``-item`` to exclude,
``word*`` for a prefix. A bare English word also finds its other grammatical number
(``journalist`` finds "journalists", ``children`` finds "child"; ``upr.text.inflection``); in
quotes it is that word only (``"journalist"``). A *word* is a maximal run of Unicode letters and
digits, lower-cased —
what SQLite FTS5's ``unicode61`` tokenizer (with ``remove_diacritics 0``) and PostgreSQL's
``simple`` configuration over text whose other characters were replaced by spaces both index.
So ``women's`` is the phrase "women s" and ``non-discrimination`` the phrase "non discrimination".

User input never reaches a backend's query parser: the parser keeps only tokens made of letters
and digits, and each renderer quotes every token. Nothing the user types can raise here.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from upr.text.inflection import number_forms

MAX_QUERY_CHARS = 1000
MAX_ITEMS = 32
MAX_TOKEN_CHARS = 200  # longer "words" exist in no text; PostgreSQL would silently drop them

_WORD = re.compile(r"[^\W_]+")
_LEXER = re.compile(r'(-?)"([^"]*)("?)(\*?)|(\S+)')


def tokens(text: str) -> list[str]:
    """The words of a text, as the full-text index sees them."""
    return [t.lower() for t in _WORD.findall(text)]


@dataclass(frozen=True)
class Item:
    """A word, or a phrase (consecutive words); its last word may be a prefix.

    ``forms`` are other spellings that match in place of a single word (its singular or plural).
    """

    words: tuple[str, ...]
    prefix: bool = False
    forms: tuple[str, ...] = ()

    @property
    def spellings(self) -> tuple[str, ...]:
        """What the last word may be: the word itself, then its forms."""
        return (self.words[-1], *self.forms)

    def __str__(self) -> str:
        body = " ".join(self.words)
        # A single word prints bare unless quotes are what keeps it exact.
        exact = not self.prefix and not self.forms and bool(number_forms(body))
        quoted = body if len(self.words) == 1 and not exact else f'"{body}"'
        return quoted + ("*" if self.prefix else "")


def _word_item(words: tuple[str, ...], *, prefix: bool, bare: bool) -> Item:
    if bare and not prefix and len(words) == 1:
        forms = tuple(f for f in number_forms(words[0]) if len(f) <= MAX_TOKEN_CHARS)
        return Item(words, forms=forms)
    return Item(words, prefix=prefix)


@dataclass(frozen=True)
class Query:
    """All clauses must match (each an OR of items) and no excluded item may match."""

    clauses: tuple[tuple[Item, ...], ...] = ()
    excluded: tuple[Item, ...] = ()
    truncated: bool = False
    impossible: bool = False  # a required item can match nothing (e.g. a 300-letter "word")

    @property
    def is_empty(self) -> bool:
        return not self.clauses and not self.excluded and not self.impossible

    @property
    def positive_items(self) -> list[Item]:
        return [item for clause in self.clauses for item in clause]

    def __str__(self) -> str:
        parts = [" OR ".join(map(str, clause)) for clause in self.clauses]
        parts += [f"-{item}" for item in self.excluded]
        return " ".join(parts)


@dataclass
class _Pending:
    clauses: list[list[Item]] = field(default_factory=list)
    excluded: list[Item] = field(default_factory=list)
    join_next: bool = False
    impossible: bool = False
    count: int = 0


def parse(text: str) -> Query:
    """Parse anything a user may type; unbalanced quotes end at the end of the input."""
    text = (text or "")[:MAX_QUERY_CHARS]
    state = _Pending()
    truncated = False
    for match in _LEXER.finditer(text):
        if state.count >= MAX_ITEMS:
            truncated = True
            break
        neg, phrase, _close, star, bare = match.groups()
        is_bare = bare is not None
        if is_bare:
            if bare == "OR":
                state.join_next = bool(state.clauses)
                continue
            neg = "-" if bare.startswith("-") else ""
            star = "*" if bare.endswith("*") else ""
            phrase = bare
        words = tuple(tokens(phrase))
        if not words:
            continue
        state.count += 1
        item = _word_item(words, prefix=bool(star), bare=is_bare)
        too_long = any(len(w) > MAX_TOKEN_CHARS for w in words)
        if neg:
            if not too_long:
                state.excluded.append(item)
            state.join_next = False
            continue
        if state.join_next and state.clauses:
            if not too_long:
                state.clauses[-1].append(item)
        elif too_long:
            state.clauses.append([])
        else:
            state.clauses.append([item])
        state.join_next = False
    clauses = []
    for clause in state.clauses:
        if not clause:
            state.impossible = True  # every alternative was an unmatchable word
        else:
            clauses.append(tuple(dict.fromkeys(clause)))
    return Query(
        clauses=tuple(clauses),
        excluded=tuple(dict.fromkeys(state.excluded)),
        truncated=truncated,
        impossible=state.impossible,
    )


# --- SQLite FTS5 -------------------------------------------------------------------------------


def _fts5_quote(words: tuple[str, ...] | list[str]) -> str:
    # Tokens hold letters and digits only, so no quote can occur; doubling is belt and braces.
    return '"' + " ".join(w.replace('"', '""') for w in words) + '"'


def _fts5_item(item: Item) -> str:
    if item.forms:
        return "(" + " OR ".join(_fts5_quote([w]) for w in item.spellings) + ")"
    return _fts5_quote(item.words) + ("*" if item.prefix else "")


def fts5_any(items: tuple[Item, ...] | list[Item]) -> str:
    return " OR ".join(_fts5_item(i) for i in items)


def fts5_match(query: Query) -> str:
    """The FTS5 MATCH expression for the required clauses ('' when there are none)."""
    return " AND ".join(f"({fts5_any(clause)})" for clause in query.clauses)


# --- PostgreSQL tsquery ------------------------------------------------------------------------


def _tsquery_word(word: str) -> str:
    return f"'{word.replace(chr(39), chr(39) * 2)}'"


def _tsquery_item(item: Item) -> str:
    if item.forms:
        return "(" + " | ".join(_tsquery_word(w) for w in item.spellings) + ")"
    words = [_tsquery_word(w) for w in item.words]
    if item.prefix:
        words[-1] += ":*"
    return "(" + " <-> ".join(words) + ")"


def tsquery_any(items: tuple[Item, ...] | list[Item]) -> str:
    return " | ".join(_tsquery_item(i) for i in items)


def tsquery_match(query: Query) -> str:
    """The to_tsquery('simple', …) text for the required clauses ('' when there are none)."""
    return " & ".join(f"({tsquery_any(clause)})" for clause in query.clauses)


# --- Evaluation and highlighting in Python (identical output on both backends) ----------------


def _item_spans(item: Item, words: list[str]) -> list[tuple[int, int]]:
    n = len(item.words)
    spans = []
    for start in range(len(words) - n + 1):
        ok = all(words[start + k] == item.words[k] for k in range(n - 1))
        last = words[start + n - 1]
        ok = ok and (last.startswith(item.words[-1]) if item.prefix else last in item.spellings)
        if ok:
            spans.append((start, start + n))
    return spans


def matches(query: Query, text: str) -> bool:
    """Whether a text matches, evaluated in Python (for tests and the command line)."""
    if query.impossible:
        return False
    words = tokens(text)
    if any(_item_spans(item, words) for item in query.excluded):
        return False
    return all(any(_item_spans(item, words) for item in clause) for clause in query.clauses)


def highlight(query: Query, text: str, *, context: int = 0) -> str:
    """HTML of the text with matched words in <mark>; with ``context``, only a window of words.

    The text is escaped here, so the result may be marked safe in templates.
    """
    spans = [m.span() for m in _WORD.finditer(text)]
    words = [text[a:b].lower() for a, b in spans]
    marked = [False] * len(words)
    for item in query.positive_items:
        for start, end in _item_spans(item, words):
            for k in range(start, end):
                marked[k] = True
    first_word, last_word = 0, len(words)
    if context and len(words) > 2 * context:
        hits = [k for k, m in enumerate(marked) if m]
        centre = hits[0] if hits else 0
        first_word = max(0, centre - context // 2)
        last_word = min(len(words), first_word + context)
        first_word = max(0, last_word - context)
    out: list[str] = []
    cursor = spans[first_word][0] if words and first_word else 0
    if first_word:
        out.append("… ")
    for k in range(first_word, last_word):
        a, b = spans[k]
        out.append(html.escape(text[cursor:a]))
        piece = html.escape(text[a:b])
        out.append(f"<mark>{piece}</mark>" if marked[k] else piece)
        cursor = b
    if last_word < len(words):
        out.append(html.escape(text[cursor : spans[last_word][0]]).rstrip() + " …")
    else:
        out.append(html.escape(text[cursor:]))
    return "".join(out)
