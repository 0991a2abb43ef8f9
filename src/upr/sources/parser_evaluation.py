"""Score the WG-report parser against the UPR Info export (one row per recommending State).

The export is an independent, hand-curated list of the same recommendations, so comparing
(normalised text, recommending State) pairs tells us how many recommendations the parser
finds (recall), how many of its outputs are real (precision) and whether it attributes them
to the right States. The functions here are pure; loading files is in
:mod:`upr.sources.parser_eval_data`.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import lru_cache

__all__ = [
    "Evaluation",
    "ReportScore",
    "compare_report",
    "normalise_text",
    "occurs_in",
    "similar",
    "summarise",
]

FUZZY_THRESHOLD = 0.9

_QUOTES = str.maketrans(
    {"‘": "'", "’": "'", "‚": "'", "`": "'", "´": "'", "“": '"', "”": '"', "„": '"',
     "–": "-", "—": "-", "‐": "-", "‑": "-", "\u00a0": " "}
)  # fmt: skip


def normalise_text(text: str) -> str:
    """Lower-case, unify quotes/dashes, collapse whitespace, strip edge punctuation."""
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES).lower()
    text = re.sub(r"\s+", " ", text)
    # The scraped texts lost non-breaking hyphens to "." ("non.discrimination").
    text = re.sub(r"(?<=[a-z])\.(?=[a-z]{2})", "-", text)
    text = re.sub(r"\s+([,.;:)])", r"\1", text)
    text = re.sub(r"([(])\s+", r"\1", text)
    return text.strip(" .;,:*-'\"")


def similar(a: str, b: str) -> float:
    """Similarity of two normalised texts (0..1); cheap bounds first, it runs many times."""
    if a == b:
        return 1.0
    la, lb = len(a), len(b)
    if 2 * min(la, lb) < FUZZY_THRESHOLD * (la + lb):
        return 2 * min(la, lb) / (la + lb)
    wa, wb = _words(a), _words(b)
    if len(wa & wb) < 0.7 * max(len(wa), len(wb)):
        return 0.5
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    if matcher.real_quick_ratio() < FUZZY_THRESHOLD or matcher.quick_ratio() < FUZZY_THRESHOLD:
        return matcher.quick_ratio() * 0.99
    return matcher.ratio()


@lru_cache(maxsize=65536)
def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


@dataclass
class ReportScore:
    name: str
    expected: int  # export rows (text, State)
    parsed: int  # parsed (text, State) pairs; a recommendation without State counts once
    matched: int  # pairs matched one-to-one on text and State
    text_found: int  # export rows whose text the parser found (whatever the State)
    examples: list[str] = field(default_factory=list)
    missed: list[Pair] = field(default_factory=list)  # export rows left unmatched
    spurious: list[Pair] = field(default_factory=list)  # parsed pairs left unmatched

    @property
    def recall(self) -> float:
        return self.matched / self.expected if self.expected else 1.0

    @property
    def precision(self) -> float:
        return self.matched / self.parsed if self.parsed else 0.0

    @property
    def state_accuracy(self) -> float:
        return self.matched / self.text_found if self.text_found else 0.0

    @property
    def reason(self) -> str:
        if not self.parsed:
            return "nothing parsed"
        parts = [
            f"{self.expected} export rows vs {self.parsed} parsed pairs",
            f"{self.expected - self.text_found} export texts not found",
            f"{self.text_found - self.matched} found with another State",
        ]
        return "; ".join(parts) + (
            "; e.g. " + " | ".join(self.examples[:2]) if self.examples else ""
        )


Pair = tuple[str, str | None]  # (normalised text, ISO3 or None)


def compare_report(name: str, parsed: Sequence[Pair], expected: Sequence[Pair]) -> ReportScore:
    """Match export rows to parsed pairs one-to-one: exact text first, then fuzzy (≥ 0.9)."""
    free: dict[str | None, list[int]] = defaultdict(list)
    by_key: dict[Pair, list[int]] = defaultdict(list)
    for i, pair in enumerate(parsed):
        by_key[pair].append(i)
        free[pair[1]].append(i)
    used: set[int] = set()
    unmatched: list[Pair] = []
    for pair in expected:
        exact = [i for i in by_key.get(pair, []) if i not in used]
        if exact:
            used.add(exact[0])
        else:
            unmatched.append(pair)
    still: list[Pair] = []
    for text, state in unmatched:
        best, best_i = 0.0, -1
        for i in free.get(state, []):
            if i not in used and (score := similar(text, parsed[i][0])) > best:
                best, best_i = score, i
        if best >= FUZZY_THRESHOLD:
            used.add(best_i)
        else:
            still.append((text, state))
    texts = sorted({t for t, _ in parsed})
    exact_texts = set(texts)
    text_found = len(expected) - len(still)
    examples = []
    for text, state in still:
        if text in exact_texts or any(similar(text, t) >= FUZZY_THRESHOLD for t in texts):
            text_found += 1
        elif len(examples) < 3:
            examples.append(f"missing {state}: {text[:70]!r}")
    spurious = [pair for i, pair in enumerate(parsed) if i not in used]
    return ReportScore(
        name, len(expected), len(parsed), len(used), text_found, examples, still, spurious
    )


@dataclass
class Evaluation:
    reports: list[ReportScore]

    @property
    def recall(self) -> float:
        return _ratio(sum(r.matched for r in self.reports), sum(r.expected for r in self.reports))

    @property
    def precision(self) -> float:
        return _ratio(sum(r.matched for r in self.reports), sum(r.parsed for r in self.reports))

    @property
    def state_accuracy(self) -> float:
        found = sum(r.text_found for r in self.reports)
        return _ratio(sum(r.matched for r in self.reports), found)

    def worst(self, n: int = 10) -> list[ReportScore]:
        """Reports with the most lost pairs (missed plus spurious), not the lowest ratio,
        because one bad big report matters more than a tiny one."""
        return sorted(self.reports, key=lambda r: -(r.expected + r.parsed - 2 * r.matched))[:n]

    def render(self, n: int = 10) -> str:
        lines = [
            f"reports: {len(self.reports)}",
            f"export rows: {sum(r.expected for r in self.reports)}"
            f"  parsed pairs: {sum(r.parsed for r in self.reports)}"
            f"  matched: {sum(r.matched for r in self.reports)}",
            f"recall: {self.recall:.2%}  precision: {self.precision:.2%}"
            f"  State accuracy: {self.state_accuracy:.2%}",
            f"worst {n}:",
        ]
        for r in self.worst(n):
            lines.append(
                f"  {r.name}: recall {r.recall:.0%} precision {r.precision:.0%}"
                f" States {r.state_accuracy:.0%} — {r.reason}"
            )
        return "\n".join(lines)


def occurs_in(text: str, document: str) -> bool:
    """Whether a normalised recommendation text occurs in a normalised document, exactly or as
    a window at ≥ FUZZY_THRESHOLD similarity that starts (or ends) where the text's first (or
    last) 25 characters occur, its length within 10 % of the text's. Used to bound what any
    parser that keeps the document's wording can find."""
    if text in document:
        return True
    n = len(text)
    slack = n // 10
    lengths = range(n - slack, n + slack + 1, max(1, slack // 5))
    for anchor, at_start in ((text[:25], True), (text[-25:], False)):
        for m in re.finditer(re.escape(anchor), document):
            for length in lengths:
                begin = m.start() if at_start else max(0, m.end() - length)
                matcher = SequenceMatcher(None, text, document[begin : begin + length], False)
                if matcher.quick_ratio() >= FUZZY_THRESHOLD <= matcher.ratio():
                    return True
    return False


def _ratio(a: int, b: int) -> float:
    return a / b if b else 0.0


def summarise(scores: Iterable[ReportScore]) -> Evaluation:
    return Evaluation(list(scores))
