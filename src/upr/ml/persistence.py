"""Save and load fitted models (joblib) with a format version. Never loads from the network.

Only load files this application wrote: joblib/pickle files can run code when loaded.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import joblib

from .classifiers import ActionClassifier, IssueTagger
from .similarity import SimilarityIndex

FORMAT = "upr-cycle-ml"
FORMAT_VERSION = 2
_KINDS: dict[str, type] = {
    "issue-tagger": IssueTagger,
    "action-classifier": ActionClassifier,
    "similarity-index": SimilarityIndex,
}

Model = IssueTagger | ActionClassifier | SimilarityIndex


class ModelFormatError(ValueError):
    """The file is not a model saved by this module, or by an incompatible version."""


def save(model: Model, directory: Path | str, name: str | None = None) -> Path:
    """Write ``model`` to ``directory/<name or model.kind>.joblib`` and return that path."""
    kind = getattr(model, "kind", None)
    if kind not in _KINDS or not isinstance(model, _KINDS[kind]):
        raise TypeError(f"Cannot save {type(model).__name__}: not a upr.ml model.")
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    stem = name or kind
    if "/" in stem or "\\" in stem or stem.startswith("."):
        raise ValueError(f"Invalid model name: {stem!r}")
    path = directory / f"{stem}.joblib"
    payload = {"format": FORMAT, "version": FORMAT_VERSION, "kind": kind, "model": model}
    tmp = path.with_suffix(".joblib.tmp")
    joblib.dump(payload, tmp, compress=3)
    tmp.replace(path)
    return path


def load(path: Path | str, kind: str | None = None) -> Any:
    """Load a model written by :func:`save` from a local file; check format, version and kind."""
    if isinstance(path, str) and "://" in path:
        raise ValueError("Models are loaded from local files only.")
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(path)
    payload = joblib.load(path)
    if not isinstance(payload, dict) or payload.get("format") != FORMAT:
        raise ModelFormatError(f"{path} is not a UPR Cycle model file.")
    if payload.get("version") != FORMAT_VERSION:
        raise ModelFormatError(
            f"{path} has model format version {payload.get('version')}, "
            f"this code reads version {FORMAT_VERSION}: retrain the model."
        )
    found = payload.get("kind")
    model = payload.get("model")
    if found not in _KINDS or not isinstance(model, _KINDS[found]):
        raise ModelFormatError(f"{path} holds an unknown model kind {found!r}.")
    if kind is not None and found != kind:
        raise ModelFormatError(f"{path} holds a {found}, not a {kind}.")
    return model
