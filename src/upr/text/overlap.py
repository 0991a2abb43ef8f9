"""Word overlap between two texts: how a draft finds the earlier recommendations it follows up.

Deliberately simple and explainable (shared content words, no model): the user sees which words
matched and judges the link. Pure Python.
"""

from __future__ import annotations

import re

_WORD = re.compile(r"[a-zà-ÿ]{3,}")

#: Words every recommendation uses; they say nothing about the subject.
_STOP_TEXT = """
    the and for with that this from its their into all any other such are was were has have been
    including include state states government national measures ensure continue take adopt
    efforts effective necessary order further particular relevant appropriate steps promote
    strengthen implement implementation recommendations recommendation regard view also well
    which who whom these those them they will shall should could would can may more most upon
    including between against within without through under over about among towards toward
"""
STOPWORDS = frozenset(_STOP_TEXT.split())


def content_words(text: str) -> frozenset[str]:
    """Lower-case words of 3+ letters without stop words; plurals folded ("rights" → "right")."""
    words = set()
    for word in _WORD.findall(text.lower()):
        if word in STOPWORDS:
            continue
        words.add(word[:-1] if word.endswith("s") and len(word) > 4 else word)
    return frozenset(words)


def overlap(a: str | frozenset[str], b: str | frozenset[str]) -> tuple[float, frozenset[str]]:
    """(Dice coefficient, shared words) of two texts or word sets; 0 when either is empty."""
    wa = a if isinstance(a, frozenset) else content_words(a)
    wb = b if isinstance(b, frozenset) else content_words(b)
    if not wa or not wb:
        return 0.0, frozenset()
    shared = wa & wb
    return 2 * len(shared) / (len(wa) + len(wb)), shared
