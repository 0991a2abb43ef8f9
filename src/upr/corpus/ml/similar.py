"""'Similar recommendations' for any text: nearest neighbours over every text in the corpus.

The index needs no labels, so it does not wait for the trained models: it is built from the
corpus (about 2.5 s for 38,000 texts) by ``load_default_corpus`` and by the worker after a UN
document import, or else when first asked for; kept on disk under
``models/similarity/<signature>.joblib`` (loading it takes ~0.3 s) and in the process, and
rebuilt when rows are added or removed (the signature is the row count and the highest id).
UN-document rows are included: they are the newest recommendations and the ones a user most
wants to find.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path

from django.db.models import Count, Max

from upr.ml.api import SimilarityIndex, load, save

from ..models import Recommendation
from .store import model_root

MAX_RESULTS = 50
MAX_QUERY_CHARS = 5000


@dataclass(frozen=True)
class Match:
    recommendation: Recommendation
    score: float


_lock = threading.Lock()
_cache: dict[Path, tuple[str, SimilarityIndex]] = {}


def _signature() -> str:
    stats = Recommendation.objects.aggregate(n=Count("id"), last=Max("id"))
    return f"{stats['n']}-{stats['last'] or 0}"


def index(root: Path | None = None) -> SimilarityIndex:
    """The index of the corpus as it is now (built, loaded or taken from the process cache)."""
    directory = (root or model_root()) / "similarity"
    signature = _signature()
    cached = _cache.get(directory)
    if cached and cached[0] == signature:
        return cached[1]
    with _lock:
        cached = _cache.get(directory)
        if cached and cached[0] == signature:
            return cached[1]
        path = directory / f"{signature}.joblib"
        built = None
        if path.is_file():
            try:
                built = load(path, kind="similarity-index")
            except Exception:  # an older format or a damaged file: build it again
                built = None
        if built is None:
            pairs = list(Recommendation.objects.order_by("id").values_list("id", "text"))
            built = SimilarityIndex.build([text for _, text in pairs], [pk for pk, _ in pairs])
            for old in directory.glob("*.joblib") if directory.is_dir() else ():
                old.unlink(missing_ok=True)
            save(built, directory, name=signature)
        _cache[directory] = (signature, built)
        return built


def similar(text: str, k: int = 10, *, exclude: int | None = None) -> list[Match]:
    """The ``k`` corpus recommendations most similar to ``text``, best first (score > 0)."""
    k = max(1, min(k, MAX_RESULTS))
    neighbours = index().query(text[:MAX_QUERY_CHARS], k + (exclude is not None))
    scores = {n.id: n.score for n in neighbours if n.id != exclude}
    found = (
        Recommendation.objects.filter(pk__in=list(scores))
        .select_related("sur")
        .prefetch_related("recommending_states", "issues")
        .in_bulk()
    )
    ranked = [Match(found[pk], score) for pk, score in scores.items() if pk in found]
    return ranked[:k]
