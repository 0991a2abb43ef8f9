"""Train on one set of rows, measure on another, print plain-text tables."""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from .classifiers import (
    ActionClassifier,
    IssueTagger,
    ProgressCallback,
    train_action_classifier,
    train_issue_tagger,
)
from .data import ACTION_CATEGORIES, TrainingRow
from .text import normalise


@dataclass(frozen=True, slots=True)
class LabelMetrics:
    label: str
    precision: float
    recall: float
    f1: float
    support: int
    predicted: int


@dataclass
class EvaluationReport:
    n_train: int
    n_test: int
    train_sessions: tuple[int, ...]
    test_sessions: tuple[int, ...]
    duplicate_test_texts: int
    """Test rows whose wording (case and punctuation ignored) also occurs in a training row."""
    issue_labels: list[LabelMetrics]
    issues_micro_f1: float
    issues_macro_f1: float
    """Unweighted mean F1 over the labels that occur in the test rows."""
    issues_micro_precision: float
    issues_micro_recall: float
    action_accuracy: float
    action_macro_f1: float
    action_classes: list[LabelMetrics]
    confusion_categories: list[int]
    confusion: list[list[int]]
    """confusion[i][j]: rows of true category i predicted as category j."""
    issue_training_seconds: float
    action_training_seconds: float
    issue_tagger: IssueTagger | None = field(default=None, repr=False)
    action_classifier: ActionClassifier | None = field(default=None, repr=False)

    @property
    def training_seconds(self) -> float:
        return self.issue_training_seconds + self.action_training_seconds

    def format_report(self) -> str:
        lines = [
            "UPR Cycle ML evaluation",
            f"train: {self.n_train} rows, sessions {_span(self.train_sessions)}; "
            f"test: {self.n_test} rows, sessions {_span(self.test_sessions)}",
            f"test rows whose wording also occurs in training rows: {self.duplicate_test_texts}",
            f"training time: issues {self.issue_training_seconds:.1f} s, "
            f"action {self.action_training_seconds:.1f} s",
            "",
            "Issues",
            f"  micro F1 {self.issues_micro_f1:.4f} (precision {self.issues_micro_precision:.4f}, "
            f"recall {self.issues_micro_recall:.4f}); macro F1 {self.issues_macro_f1:.4f}",
            "",
        ]
        lines += _table(self.issue_labels, "issue")
        lines += [
            "",
            "Action category (McMahon 1-5)",
            f"  accuracy {self.action_accuracy:.4f}; macro F1 {self.action_macro_f1:.4f}",
            "",
        ]
        lines += _table(self.action_classes, "category")
        lines += ["", "Confusion matrix (rows: true category, columns: predicted)"]
        width = max(6, *(len(str(v)) + 1 for row in self.confusion for v in row))
        lines.append("true\\pred" + "".join(f"{c:>{width}}" for c in self.confusion_categories))
        for category, row in zip(self.confusion_categories, self.confusion, strict=True):
            lines.append(f"{category:<9}" + "".join(f"{v:>{width}}" for v in row))
        return "\n".join(lines) + "\n"


def _span(sessions: tuple[int, ...]) -> str:
    if not sessions:
        return "-"
    return f"{min(sessions)}-{max(sessions)}" if len(sessions) > 1 else str(sessions[0])


def _table(metrics: list[LabelMetrics], title: str) -> list[str]:
    width = max([len(title), *(len(m.label) for m in metrics)])
    header = f"{title:<{width}}  precision  recall      F1  support  predicted"
    lines = [header, "-" * len(header)]
    for m in metrics:
        lines.append(
            f"{m.label:<{width}}  {m.precision:9.3f}  {m.recall:6.3f}  {m.f1:6.3f}"
            f"  {m.support:7d}  {m.predicted:9d}"
        )
    return lines


def _metrics(label: str, tp: int, predicted: int, support: int) -> LabelMetrics:
    precision = tp / predicted if predicted else 0.0
    recall = tp / support if support else 0.0
    f1 = 2 * tp / (predicted + support) if predicted + support else 0.0
    return LabelMetrics(label, precision, recall, f1, support, predicted)


def count_duplicates(train_rows: Sequence[TrainingRow], test_rows: Sequence[TrainingRow]) -> int:
    """Test rows whose normalised text also occurs among the training rows."""
    seen = {normalise(row.text) for row in train_rows}
    return sum(1 for row in test_rows if normalise(row.text) in seen)


def issue_scores(
    truth: Sequence[frozenset[str]], predicted: Sequence[frozenset[str]]
) -> tuple[list[LabelMetrics], float, float, float, float]:
    """Per-label metrics (labels occurring in truth), micro F1, macro F1, micro P, micro R."""
    labels = sorted({label for labels in truth for label in labels})
    per_label = []
    tp_all = predicted_all = support_all = 0
    for label in labels:
        tp = sum(1 for t, p in zip(truth, predicted, strict=True) if label in t and label in p)
        n_pred = sum(1 for p in predicted if label in p)
        support = sum(1 for t in truth if label in t)
        per_label.append(_metrics(label, tp, n_pred, support))
    for t, p in zip(truth, predicted, strict=True):
        tp_all += len(t & p)
        predicted_all += len(p)
        support_all += len(t)
    micro = _metrics("micro", tp_all, predicted_all, support_all)
    macro = float(np.mean([m.f1 for m in per_label])) if per_label else 0.0
    return per_label, micro.f1, macro, micro.precision, micro.recall


def evaluate(
    train_rows: Sequence[TrainingRow],
    test_rows: Sequence[TrainingRow],
    *,
    seed: int = 0,
    progress: ProgressCallback | None = None,
) -> EvaluationReport:
    """Train both models on ``train_rows`` and measure them on ``test_rows``."""
    started = time.perf_counter()
    tagger = train_issue_tagger(train_rows, seed=seed, progress=progress)
    issue_seconds = time.perf_counter() - started
    started = time.perf_counter()
    classifier = train_action_classifier(train_rows, seed=seed, progress=progress)
    action_seconds = time.perf_counter() - started

    issue_rows = [row for row in test_rows if row.issues]
    predicted_issues = tagger.predict_labels([row.text for row in issue_rows])
    per_label, micro, macro, micro_p, micro_r = issue_scores(
        [row.issues for row in issue_rows], predicted_issues
    )

    action_rows = [row for row in test_rows if row.action_category is not None]
    truth = [int(row.action_category or 0) for row in action_rows]
    predicted = classifier.predict_categories([row.text for row in action_rows])
    categories = sorted(set(truth) | set(predicted) | set(classifier.categories))
    position = {c: i for i, c in enumerate(categories)}
    confusion = [[0] * len(categories) for _ in categories]
    for t, p in zip(truth, predicted, strict=True):
        confusion[position[t]][position[p]] += 1
    classes = []
    for c in categories:
        i = position[c]
        tp = confusion[i][i]
        n_pred = sum(row[i] for row in confusion)
        support = sum(confusion[i])
        name = f"{c} {ACTION_CATEGORIES.get(c, '')}".strip()
        classes.append(_metrics(name, tp, n_pred, support))
    present = [m for m in classes if m.support > 0]
    accuracy = sum(confusion[i][i] for i in range(len(categories))) / len(truth) if truth else 0.0

    return EvaluationReport(
        n_train=len(train_rows),
        n_test=len(test_rows),
        train_sessions=tuple(sorted({row.session for row in train_rows})),
        test_sessions=tuple(sorted({row.session for row in test_rows})),
        duplicate_test_texts=count_duplicates(train_rows, test_rows),
        issue_labels=per_label,
        issues_micro_f1=micro,
        issues_macro_f1=macro,
        issues_micro_precision=micro_p,
        issues_micro_recall=micro_r,
        action_accuracy=accuracy,
        action_macro_f1=float(np.mean([m.f1 for m in present])) if present else 0.0,
        action_classes=classes,
        confusion_categories=categories,
        confusion=confusion,
        issue_training_seconds=issue_seconds,
        action_training_seconds=action_seconds,
        issue_tagger=tagger,
        action_classifier=classifier,
    )
