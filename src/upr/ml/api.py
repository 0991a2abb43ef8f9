"""Public API of ``upr.ml`` for the Django side (no Django imports anywhere in this package).

Typical use::

    from upr.ml.api import TrainingRow, train_issue_tagger, train_action_classifier, save, load

    tagger = train_issue_tagger(rows, seed=0, progress=lambda stage, done: ...)
    save(tagger, model_dir)                          # -> model_dir / "issue-tagger.joblib"
    tagger = load(model_dir / "issue-tagger.joblib", kind="issue-tagger")
    [prediction] = tagger.predict([text])            # IssuePrediction
"""

from .classifiers import (
    LOW_CONFIDENCE,
    ActionClassifier,
    ActionPrediction,
    IssuePrediction,
    IssueTagger,
    LabelScore,
    Prediction,
    ProgressCallback,
    train_action_classifier,
    train_issue_tagger,
)
from .data import ACTION_CATEGORIES, TrainingRow, load_upr_info, parse_issues, time_split
from .evaluation import EvaluationReport, LabelMetrics, count_duplicates, evaluate
from .persistence import FORMAT_VERSION, ModelFormatError, load, save
from .similarity import Neighbour, SimilarityIndex

__all__ = [
    "ACTION_CATEGORIES",
    "FORMAT_VERSION",
    "LOW_CONFIDENCE",
    "ActionClassifier",
    "ActionPrediction",
    "EvaluationReport",
    "IssuePrediction",
    "IssueTagger",
    "LabelMetrics",
    "LabelScore",
    "ModelFormatError",
    "Neighbour",
    "Prediction",
    "ProgressCallback",
    "SimilarityIndex",
    "TrainingRow",
    "count_duplicates",
    "evaluate",
    "load",
    "load_upr_info",
    "parse_issues",
    "save",
    "time_split",
    "train_action_classifier",
    "train_issue_tagger",
]
