"""Issue tagger (multi-label) and action-category classifier (McMahon 1–5).

Both are linear models over TF-IDF features:

* issues: word uni/bigrams + character 3–5-grams (inside word boundaries), one linear SVM per
  label (fitted by two worker processes; each fit is seeded, so deterministic); the SVM scores are
  turned into probabilities by per-label Platt scaling fitted on out-of-fold scores (folds grouped
  by UPR session), and each label gets its own decision threshold chosen to maximise that label's
  F1 on the same out-of-fold predictions. Every text with any known word gets at least one label.
* action category: word uni/bigrams + features of the leading verb phrase, one-vs-rest linear
  SVM with a softmax temperature; the reason names the features that pushed the text towards the
  predicted category.

Texts with little evidence (empty, one or two words, unknown vocabulary) get damped confidences,
so ``low_confidence`` is true for them; they never raise.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np
import scipy.sparse as sp
from joblib import Parallel, delayed
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, TfidfVectorizer
from sklearn.model_selection import GroupKFold, KFold
from sklearn.svm import LinearSVC

from .data import ACTION_CATEGORIES, TrainingRow
from .text import lead_analyzer, words

ProgressCallback = Callable[[str, float], None]
"""``progress(stage, fraction_done)``; fraction goes from 0.0 to 1.0 within each stage."""

LOW_CONFIDENCE = 0.5
"""Predictions whose confidence is below this are flagged ``low_confidence``."""
EVIDENCE_WORDS = 3
"""Confidence is scaled by min(1, known words / EVIDENCE_WORDS): one word caps it at 1/3."""

ISSUE_SVM_C = 0.5
ISSUE_FOLDS = 2
# Character 3–5-grams (char_wb, min_df 3) next to the word uni/bigrams: +0.006 micro / +0.006
# macro F1 on the 16–17 validation sessions (see docs/model-card.md). Stemmed uni/bigrams were
# tried earlier (+0.0002 micro / +0.0015 macro for a much larger model) and are not used.
ISSUE_CHAR_FEATURES = True
ISSUE_CHAR_NGRAMS = (3, 5)
ISSUE_CHAR_MIN_DF = 3
ISSUE_JOBS = 2
"""Worker processes fitting the per-label SVMs; the result does not depend on it."""
ISSUE_CHUNKS = 6
"""The labels are sent to the workers in this many chunks (progress is reported per chunk)."""
MIN_POSITIVES_FOR_THRESHOLD = 5
THRESHOLD_RANGE = (0.1, 0.9)
ACTION_SVM_C = 0.5
ACTION_FOLDS = 2
SVM_TOL = 1e-3


# --------------------------------------------------------------------------- predictions


@dataclass(frozen=True, slots=True)
class LabelScore:
    label: str
    confidence: float


@dataclass(frozen=True, slots=True)
class IssuePrediction:
    """Predicted issues, most confident first; ``confidence`` is that of the first one."""

    issues: tuple[LabelScore, ...]
    confidence: float
    low_confidence: bool
    scores: dict[str, float] = field(repr=False)
    """Confidence for every known label (predicted or not)."""

    @property
    def labels(self) -> frozenset[str]:
        return frozenset(item.label for item in self.issues)


@dataclass(frozen=True, slots=True)
class ActionPrediction:
    category: int
    name: str
    confidence: float
    low_confidence: bool
    reason: str
    probabilities: dict[int, float] = field(repr=False)


Prediction = IssuePrediction | ActionPrediction


# --------------------------------------------------------------------------- helpers


def _report(progress: ProgressCallback | None, stage: str, fraction: float) -> None:
    if progress is not None:
        progress(stage, min(1.0, max(0.0, fraction)))


def _word_vectorizer() -> TfidfVectorizer:
    return TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, min_df=2, dtype=np.float32)


def _char_vectorizer(n_texts: int) -> TfidfVectorizer:
    return TfidfVectorizer(
        analyzer="char_wb",
        ngram_range=ISSUE_CHAR_NGRAMS,
        sublinear_tf=True,
        # Tiny training sets (a handful of rows) keep every n-gram rather than none.
        min_df=ISSUE_CHAR_MIN_DF if n_texts >= 10 * ISSUE_CHAR_MIN_DF else 1,
        dtype=np.float32,
    )


def _lead_vectorizer() -> TfidfVectorizer:
    return TfidfVectorizer(analyzer=lead_analyzer, sublinear_tf=True, min_df=2, dtype=np.float32)


def _stack(texts: Sequence[str], *vectorizers: TfidfVectorizer | None) -> sp.csr_matrix:
    return sp.hstack([v.transform(texts) for v in vectorizers if v is not None]).tocsr()


def _evidence(texts: Sequence[str], vocabulary: dict[str, int]) -> np.ndarray:
    """Per text, a factor in [0, 1]: how many known words it has, relative to EVIDENCE_WORDS."""
    known = np.array(
        [sum(1 for w in words(text) if w in vocabulary) for text in texts], dtype=float
    )
    return np.minimum(1.0, known / EVIDENCE_WORDS)


def _folds(groups: np.ndarray, n_rows: int, n_folds: int, seed: int):
    distinct = np.unique(groups)
    if len(distinct) >= n_folds:
        return list(GroupKFold(n_splits=n_folds).split(np.zeros(n_rows), groups=groups))
    splits = min(n_folds, n_rows)
    return list(KFold(n_splits=splits, shuffle=True, random_state=seed).split(np.zeros(n_rows)))


def _sigmoid(x: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-np.clip(x, -50, 50)))


def _fit_platt(scores: np.ndarray, truth: np.ndarray, iterations: int = 30) -> tuple[float, float]:
    """Platt scaling: (a, b) maximising the likelihood of sigmoid(a * score + b), by Newton steps.

    Targets are smoothed as in Platt (1999) so that separable labels do not diverge.
    """
    positives = float(truth.sum())
    negatives = float(len(truth) - positives)
    target = np.where(truth == 1, (positives + 1) / (positives + 2), 1 / (negatives + 2))
    a, b = 1.0, 0.0
    design = np.column_stack([scores, np.ones_like(scores)])
    for _ in range(iterations):
        p = _sigmoid(a * scores + b)
        gradient = design.T @ (p - target)
        weight = p * (1 - p) + 1e-12
        hessian = (design * weight[:, None]).T @ design + 1e-9 * np.eye(2)
        step = np.linalg.solve(hessian, gradient)
        a, b = a - step[0], b - step[1]
        if np.abs(step).max() < 1e-8:
            break
    return float(a), float(b)


def _best_threshold(prob: np.ndarray, truth: np.ndarray) -> float:
    """The probability cut-off maximising F1 for one label, inside THRESHOLD_RANGE."""
    low, high = THRESHOLD_RANGE
    if truth.sum() < MIN_POSITIVES_FOR_THRESHOLD:
        return 0.5
    order = np.argsort(-prob, kind="stable")
    sorted_prob = prob[order]
    tp = np.cumsum(truth[order])
    predicted = np.arange(1, len(prob) + 1)
    f1 = 2 * tp / (predicted + truth.sum())
    valid = (sorted_prob >= low) & (sorted_prob <= high)
    if not valid.any():
        return 0.5
    best = int(np.flatnonzero(valid)[np.argmax(f1[valid])])
    # Cut half-way to the next lower probability so ties behave as on the OOF data.
    below = sorted_prob[best + 1] if best + 1 < len(sorted_prob) else sorted_prob[best] - 1e-6
    return float(max(low, min(high, (sorted_prob[best] + below) / 2)))


# --------------------------------------------------------------------------- issue tagger


@dataclass
class IssueTagger:
    labels: list[str]
    word_vectorizer: TfidfVectorizer
    char_vectorizer: TfidfVectorizer | None
    weights: np.ndarray  # (n_features, n_labels) float32, C-contiguous for fast X @ weights
    intercept: np.ndarray  # (n_labels,)
    platt: np.ndarray  # (n_labels, 2): a, b in sigmoid(a * score + b)
    thresholds: np.ndarray  # (n_labels,)
    support: dict[str, int]
    seed: int
    kind: str = "issue-tagger"

    def _features(self, texts: Sequence[str]) -> sp.csr_matrix:
        return _stack(texts, self.word_vectorizer, self.char_vectorizer)

    def probabilities(self, texts: Sequence[str]) -> np.ndarray:
        """Calibrated per-label probabilities, shape (len(texts), len(labels)), undamped."""
        scores = self._features(texts) @ self.weights + self.intercept
        return _sigmoid(self.platt[:, 0] * scores + self.platt[:, 1])

    def predict(self, texts: Sequence[str]) -> list[IssuePrediction]:
        texts = [text if isinstance(text, str) else "" for text in texts]
        if not texts:
            return []
        prob = self.probabilities(texts)
        evidence = _evidence(texts, self.word_vectorizer.vocabulary_)
        chosen = prob >= self.thresholds
        results = []
        for i in range(len(texts)):
            row = chosen[i]
            if not row.any() and evidence[i] > 0:
                row = row.copy()
                row[int(np.argmax(prob[i] / self.thresholds))] = True
            confidence = prob[i] * evidence[i]
            picked = sorted(np.flatnonzero(row), key=lambda j: (-confidence[j], j))
            issues = tuple(LabelScore(self.labels[j], float(confidence[j])) for j in picked)
            top = issues[0].confidence if issues else 0.0
            results.append(
                IssuePrediction(
                    issues=issues,
                    confidence=top,
                    low_confidence=top < LOW_CONFIDENCE,
                    scores={
                        label: float(c) for label, c in zip(self.labels, confidence, strict=True)
                    },
                )
            )
        return results

    def predict_labels(self, texts: Sequence[str]) -> list[frozenset[str]]:
        return [prediction.labels for prediction in self.predict(texts)]


def _fit_svm_column(X: sp.csr_matrix, column: np.ndarray, seed: int) -> tuple[np.ndarray, float]:
    if column.min() == column.max():  # no positives (or only positives) in this fold
        return np.zeros(X.shape[1], dtype=np.float32), 1.0 if column[0] else -1.0
    model = LinearSVC(C=ISSUE_SVM_C, tol=SVM_TOL, random_state=seed).fit(X, column)
    return model.coef_[0].astype(np.float32), float(model.intercept_[0])


def _fit_svm_chunk(X: sp.csr_matrix, Y: np.ndarray, seed: int) -> list[tuple[np.ndarray, float]]:
    return [_fit_svm_column(X, np.ascontiguousarray(Y[:, j]), seed) for j in range(Y.shape[1])]


def _fit_svm_columns(
    X: sp.csr_matrix,
    Y: np.ndarray,
    seed: int,
    on_label: Callable[[int], None] | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """One binary linear SVM per column of Y; results in column order.

    With ISSUE_JOBS > 1 the columns are fitted in chunks by that many worker processes (not
    threads: liblinear draws its coordinate order from one process-wide random generator, which
    threads would share). Every SVM is seeded at the start of its own fit, so the result is the
    same whatever the number of processes.
    """
    X = X.astype(np.float64)  # liblinear works in float64: convert once, not once per label
    coef = np.zeros((Y.shape[1], X.shape[1]), dtype=np.float32)
    intercept = np.zeros(Y.shape[1])
    chunks = [c for c in np.array_split(np.arange(Y.shape[1]), ISSUE_CHUNKS) if len(c)]
    if ISSUE_JOBS > 1 and len(chunks) > 1:
        fits = Parallel(n_jobs=ISSUE_JOBS, return_as="generator")(
            delayed(_fit_svm_chunk)(X, Y[:, chunk], seed) for chunk in chunks
        )
    else:
        fits = (_fit_svm_chunk(X, Y[:, chunk], seed) for chunk in chunks)
    for chunk, results in zip(chunks, fits, strict=True):  # in column order
        for j, (weights, bias) in zip(chunk, results, strict=True):
            coef[j], intercept[j] = weights, bias
            if on_label is not None:
                on_label(int(j))
    return coef, intercept


def train_issue_tagger(
    rows: Sequence[TrainingRow], *, seed: int = 0, progress: ProgressCallback | None = None
) -> IssueTagger:
    """Fit the issue tagger on rows that carry at least one issue."""
    rows = [row for row in rows if row.issues]
    if not rows:
        raise ValueError("No training row has an issue label.")
    texts = [row.text for row in rows]
    labels = sorted({label for row in rows for label in row.issues})
    index = {label: j for j, label in enumerate(labels)}
    Y = np.zeros((len(rows), len(labels)), dtype=np.int8)
    for i, row in enumerate(rows):
        for label in row.issues:
            Y[i, index[label]] = 1

    _report(progress, "issues: features", 0.0)
    word_vectorizer = _word_vectorizer()
    blocks = [word_vectorizer.fit_transform(texts)]  # one pass over the texts per vectorizer
    _report(progress, "issues: features", 0.2)
    char_vectorizer = _char_vectorizer(len(texts)) if ISSUE_CHAR_FEATURES else None
    if char_vectorizer is not None:
        blocks.append(char_vectorizer.fit_transform(texts))
    X = sp.hstack(blocks).tocsr()
    _report(progress, "issues: features", 1.0)

    # Out-of-fold scores (folds grouped by session) for calibration and thresholds.
    folds = _folds(np.array([row.session for row in rows]), len(rows), ISSUE_FOLDS, seed)
    total = (len(folds) + 1) * len(labels)
    done = 0

    def tick(_: int) -> None:
        nonlocal done
        done += 1
        _report(progress, "issues: fitting", done / total)

    oof = np.zeros(Y.shape)
    for train_idx, test_idx in folds:
        coef, intercept = _fit_svm_columns(X[train_idx], Y[train_idx], seed, tick)
        oof[test_idx] = X[test_idx] @ coef.T + intercept
    coef, intercept = _fit_svm_columns(X, Y, seed, tick)

    platt = np.zeros((len(labels), 2))
    thresholds = np.full(len(labels), 0.5)
    for j in range(len(labels)):
        column = Y[:, j]
        if column.min() == column.max():
            platt[j] = (1.0, 0.0)
            continue
        platt[j] = _fit_platt(oof[:, j], column)
        thresholds[j] = _best_threshold(_sigmoid(platt[j, 0] * oof[:, j] + platt[j, 1]), column)
    _report(progress, "issues: done", 1.0)
    return IssueTagger(
        labels=labels,
        word_vectorizer=word_vectorizer,
        char_vectorizer=char_vectorizer,
        weights=np.ascontiguousarray(coef.T),
        intercept=intercept,
        platt=platt,
        thresholds=thresholds,
        support={label: int(Y[:, j].sum()) for j, label in enumerate(labels)},
        seed=seed,
    )


# --------------------------------------------------------------------------- action classifier


@dataclass
class ActionClassifier:
    categories: list[int]
    word_vectorizer: TfidfVectorizer
    lead_vectorizer: TfidfVectorizer
    weights: np.ndarray  # (n_features, n_categories) float32, C-contiguous
    intercept: np.ndarray
    feature_names: np.ndarray
    seed: int
    kind: str = "action-classifier"

    def _features(self, texts: Sequence[str]) -> sp.csr_matrix:
        return sp.hstack(
            [self.word_vectorizer.transform(texts), self.lead_vectorizer.transform(texts)]
        ).tocsr()

    def probabilities(self, texts: Sequence[str]) -> np.ndarray:
        scores = self._features(texts) @ self.weights + self.intercept
        scores = scores - scores.max(axis=1, keepdims=True)
        exp = np.exp(scores)
        return exp / exp.sum(axis=1, keepdims=True)

    def _reason(self, x: sp.csr_matrix, k: int) -> str:
        """The words that pushed this text towards category index ``k`` the most."""
        cols, values = x.indices, x.data
        if len(cols) == 0:
            return "no known words: the category is a guess from the training frequencies"
        weights = self.weights[cols]
        push = values * (weights[:, k] - weights.mean(axis=1))
        order = np.argsort(-push, kind="stable")
        terms: list[str] = []
        for position in order:
            if push[position] <= 0 or len(terms) == 3:
                break
            name = str(self.feature_names[cols[position]])
            name = name.split("=", 1)[1] if "=" in name else name
            if all(w in ENGLISH_STOP_WORDS for w in name.split()):
                continue  # "a", "to the": true but not an explanation
            if name not in terms:
                terms.append(name)
        category = self.categories[k]
        label = f"{category} ({ACTION_CATEGORIES.get(category, 'category')})"
        if not terms:
            return f"{label}: no single word stands out"
        return f"{label}: driven by " + ", ".join(f'"{t}"' for t in terms)

    def predict(self, texts: Sequence[str]) -> list[ActionPrediction]:
        texts = [text if isinstance(text, str) else "" for text in texts]
        if not texts:
            return []
        X = self._features(texts)
        scores = X @ self.weights + self.intercept
        scores = scores - scores.max(axis=1, keepdims=True)
        prob = np.exp(scores)
        prob /= prob.sum(axis=1, keepdims=True)
        evidence = _evidence(texts, self.word_vectorizer.vocabulary_)
        results = []
        for i in range(len(texts)):
            k = int(np.argmax(prob[i]))
            confidence = float(prob[i, k] * evidence[i])
            category = self.categories[k]
            results.append(
                ActionPrediction(
                    category=category,
                    name=ACTION_CATEGORIES.get(category, str(category)),
                    confidence=confidence,
                    low_confidence=confidence < LOW_CONFIDENCE,
                    reason=self._reason(X[i], k),
                    probabilities={
                        c: float(p) for c, p in zip(self.categories, prob[i], strict=True)
                    },
                )
            )
        return results

    def predict_categories(self, texts: Sequence[str]) -> list[int]:
        prob = self.probabilities([text if isinstance(text, str) else "" for text in texts])
        return [self.categories[k] for k in np.argmax(prob, axis=1)] if len(texts) else []


def _class_weights(model: LinearSVC) -> tuple[np.ndarray, np.ndarray]:
    """One weight row per class (sklearn keeps a single row for two classes)."""
    coef, intercept = model.coef_, model.intercept_
    if coef.shape[0] == 1:
        coef = np.vstack([-coef[0] / 2, coef[0] / 2])
        intercept = np.array([-intercept[0] / 2, intercept[0] / 2])
    return coef, intercept


def _class_scores(model: LinearSVC, X: sp.csr_matrix) -> np.ndarray:
    coef, intercept = _class_weights(model)
    return X @ coef.T + intercept


def _fit_temperature(scores: np.ndarray, truth: np.ndarray) -> float:
    """The factor t minimising the log-loss of softmax(t * scores) on out-of-fold scores."""
    if not scores.any():
        return 1.0
    best, best_loss = 1.0, math.inf
    for t in np.geomspace(0.25, 32.0, 57):
        z = t * scores
        z = z - z.max(axis=1, keepdims=True)
        log_prob = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
        loss = -float(log_prob[np.arange(len(truth)), truth].mean())
        if loss < best_loss:
            best, best_loss = float(t), loss
    return best


def train_action_classifier(
    rows: Sequence[TrainingRow], *, seed: int = 0, progress: ProgressCallback | None = None
) -> ActionClassifier:
    """Fit the action-category classifier on rows whose category is known."""
    rows = [row for row in rows if row.action_category is not None]
    y = np.array([row.action_category for row in rows])
    if len(np.unique(y)) < 2:
        raise ValueError("The action classifier needs at least two categories in the rows.")
    texts = [row.text for row in rows]
    _report(progress, "action: features", 0.0)
    word_vectorizer = _word_vectorizer()
    lead_vectorizer = _lead_vectorizer()
    X = sp.hstack(
        [word_vectorizer.fit_transform(texts), lead_vectorizer.fit_transform(texts)]
    ).tocsr()
    # Out-of-fold scores (folds grouped by session) fix the softmax temperature of the scores.
    folds = _folds(np.array([row.session for row in rows]), len(rows), ACTION_FOLDS, seed)
    oof = np.zeros((len(rows), len(np.unique(y))))
    classes = np.unique(y)
    for number, (train_idx, test_idx) in enumerate(folds):
        _report(progress, "action: fitting", number / (len(folds) + 1))
        if len(np.unique(y[train_idx])) != len(classes):
            continue
        fold_model = LinearSVC(C=ACTION_SVM_C, tol=SVM_TOL, random_state=seed)
        fold_model.fit(X[train_idx], y[train_idx])
        oof[test_idx] = _class_scores(fold_model, X[test_idx])
    _report(progress, "action: fitting", len(folds) / (len(folds) + 1))
    model = LinearSVC(C=ACTION_SVM_C, tol=SVM_TOL, random_state=seed).fit(X, y)
    temperature = _fit_temperature(oof, np.searchsorted(classes, y))
    _report(progress, "action: done", 1.0)
    names = np.concatenate(
        [word_vectorizer.get_feature_names_out(), lead_vectorizer.get_feature_names_out()]
    )
    coef, intercept = _class_weights(model)
    return ActionClassifier(
        categories=[int(c) for c in model.classes_],
        word_vectorizer=word_vectorizer,
        lead_vectorizer=lead_vectorizer,
        weights=np.ascontiguousarray((coef * temperature).T, dtype=np.float32),
        intercept=intercept * temperature,
        feature_names=names,
        seed=seed,
    )
