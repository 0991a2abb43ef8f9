"""The State's position on a recommendation, from the many wordings sources use.

A State cannot "reject" a recommendation (seed 002): legacy Accepted becomes supported, and
Rejected / Not supported / Noted become noted. The original wording is kept beside the mapped value.
"""

from __future__ import annotations

from functools import lru_cache

from upr.sources.state_names_text import key

SUPPORTED = "supported"
NOTED = "noted"
PENDING = "pending"

_WORDINGS: dict[str, str] = {
    "accepted": SUPPORTED,
    "supported": SUPPORTED,
    "support": SUPPORTED,
    "enjoys the support": SUPPORTED,
    "partially accepted": SUPPORTED,
    "partially supported": SUPPORTED,
    "supported partially": SUPPORTED,
    "already implemented": SUPPORTED,
    "noted": NOTED,
    "rejected": NOTED,
    "not supported": NOTED,
    "not accepted": NOTED,
    "did not enjoy the support": NOTED,
    "pending": PENDING,
    "will be examined": PENDING,
    "to be examined": PENDING,
    "": PENDING,
}


@lru_cache(maxsize=1024)
def map_response(wording: str) -> str | None:
    """supported / noted / pending, or None for a wording nobody has met (reported, not guessed)."""
    return _WORDINGS.get(key(wording))
