"""The issue tagger, the action classifier, the similarity index and persistence, on real rows.

Training uses sessions 1–17 only; every measurement is on the held-out sessions 18–19.
"""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from upr.ml.api import (
    FORMAT_VERSION,
    LOW_CONFIDENCE,
    ActionPrediction,
    IssuePrediction,
    ModelFormatError,
    SimilarityIndex,
    TrainingRow,
    count_duplicates,
    load,
    save,
    train_action_classifier,
    train_issue_tagger,
)
from upr.ml.classifiers import _best_threshold, _fit_platt
from upr.ml.text import lead_words, normalise

# Figures measured on the time split (train 1–17, test 18–19), rounded down to 2 decimals.
HEADLINE_FLOORS = {
    "issues_micro_f1": 0.90,
    "issues_macro_f1": 0.86,
    "action_accuracy": 0.89,
    "action_macro_f1": 0.89,
}
# Test rows of sessions 18–19 whose wording (case/punctuation ignored) occurs in sessions 1–17:
# the same recommendation made again by another State or to another State. Counted, not removed.
GENUINE_DUPLICATES = 325


# --------------------------------------------------------------------------- split and leakage


def test_time_split_is_clean(train_rows, test_rows, upr_rows):
    assert len(train_rows) + len(test_rows) == len(upr_rows) == 38298
    assert {row.session for row in train_rows} == set(range(1, 18))
    assert {row.session for row in test_rows} == {18, 19}
    assert len(test_rows) == 5216


def test_only_genuine_duplicates_leak(train_rows, test_rows, full_report):
    assert count_duplicates(train_rows, test_rows) == GENUINE_DUPLICATES
    assert full_report.duplicate_test_texts == GENUINE_DUPLICATES
    # The duplicates are other recommendations with the same wording, not copies of test rows:
    # no test row object is among the training rows.
    train_ids = {id(row) for row in train_rows}
    assert not any(id(row) in train_ids for row in test_rows)
    assert len(full_report.issue_tagger.support) == 54
    assert full_report.n_train == len(train_rows)


# --------------------------------------------------------------------------- headline figures


def test_headline_figures(full_report):
    print(full_report.format_report())
    for name, floor in HEADLINE_FLOORS.items():
        assert getattr(full_report, name) >= floor, (name, getattr(full_report, name))


def test_report_tables(full_report):
    text = full_report.format_report()
    assert "micro F1" in text and "macro F1" in text
    assert "Confusion matrix" in text
    assert "Women's rights" in text and "support" in text
    assert sum(map(sum, full_report.confusion)) == 5216
    assert full_report.confusion_categories == [1, 2, 3, 4, 5]
    for metrics in full_report.issue_labels:
        assert 0.0 <= metrics.precision <= 1.0 and 0.0 <= metrics.f1 <= 1.0
        assert metrics.support > 0


# --------------------------------------------------------------------------- predictions


def test_predictions_on_held_out_rows(full_report, test_rows):
    sample = test_rows[::250]
    issues = full_report.issue_tagger.predict([row.text for row in sample])
    actions = full_report.action_classifier.predict([row.text for row in sample])
    assert len(issues) == len(actions) == len(sample)
    for prediction in issues:
        assert isinstance(prediction, IssuePrediction)
        assert prediction.issues, "every real recommendation gets at least one issue"
        confidences = [item.confidence for item in prediction.issues]
        assert confidences == sorted(confidences, reverse=True)
        assert all(0.0 <= c <= 1.0 for c in confidences)
        assert set(prediction.scores) == set(full_report.issue_tagger.labels)
    for prediction in actions:
        assert isinstance(prediction, ActionPrediction)
        assert prediction.category in (1, 2, 3, 4, 5)
        assert abs(sum(prediction.probabilities.values()) - 1.0) < 1e-6
        assert prediction.reason.startswith(f"{prediction.category} (")
        assert "\n" not in prediction.reason


def test_obvious_texts(full_report):
    [ratify] = full_report.action_classifier.predict(
        ["Ratify the Optional Protocol to the Convention against Torture"]
    )
    assert ratify.category == 5 and not ratify.low_confidence
    assert '"ratify' in ratify.reason
    [cont] = full_report.action_classifier.predict(
        ["Continue its efforts to combat trafficking in persons"]
    )
    assert cont.category == 2
    [issues] = full_report.issue_tagger.predict(
        ["Ratify the Optional Protocol to the Convention against Torture"]
    )
    assert {"International instruments", "Torture and other CID treatment"} <= issues.labels


@pytest.mark.parametrize("text", ["", "   ", "Ratify", "torture", "xyzzy", "the", "?!", "\n"])
def test_empty_or_one_word_text_has_low_confidence(full_report, text):
    [issues] = full_report.issue_tagger.predict([text])
    [action] = full_report.action_classifier.predict([text])
    assert issues.low_confidence and issues.confidence < LOW_CONFIDENCE
    assert all(item.confidence < LOW_CONFIDENCE for item in issues.issues)
    assert action.low_confidence and action.confidence < LOW_CONFIDENCE
    assert action.category in (1, 2, 3, 4, 5) and action.reason


def test_empty_batch(full_report):
    assert full_report.issue_tagger.predict([]) == []
    assert full_report.action_classifier.predict([]) == []


# --------------------------------------------------------------------------- reproducibility


def test_same_seed_same_predictions(small_train, test_rows):
    texts = [row.text for row in test_rows[::10]]
    first = train_issue_tagger(small_train, seed=3)
    second = train_issue_tagger(small_train, seed=3)
    assert np.array_equal(first.probabilities(texts), second.probabilities(texts))
    assert first.predict(texts) == second.predict(texts)
    first_action = train_action_classifier(small_train, seed=3)
    second_action = train_action_classifier(small_train, seed=3)
    assert np.array_equal(first_action.probabilities(texts), second_action.probabilities(texts))
    assert first_action.predict(texts) == second_action.predict(texts)


def test_issue_tagger_does_not_depend_on_worker_count(small_train, monkeypatch):
    from upr.ml import classifiers

    rows, texts = small_train[:1500], [row.text for row in small_train[1500:1700]]
    parallel = train_issue_tagger(rows, seed=1)
    monkeypatch.setattr(classifiers, "ISSUE_JOBS", 1)
    single = train_issue_tagger(rows, seed=1)
    assert parallel.char_vectorizer is not None
    assert np.array_equal(parallel.probabilities(texts), single.probabilities(texts))


def test_progress_is_reported(small_train):
    calls: list[tuple[str, float]] = []
    train_issue_tagger(small_train[:800], progress=lambda stage, done: calls.append((stage, done)))
    train_action_classifier(small_train[:800], progress=lambda s, d: calls.append((s, d)))
    assert all(0.0 <= done <= 1.0 for _, done in calls)
    fitting = [done for stage, done in calls if stage == "issues: fitting"]
    assert fitting == sorted(fitting) and fitting[-1] == 1.0
    assert calls[-1] == ("action: done", 1.0)


def test_training_rejects_unlabelled_rows():
    with pytest.raises(ValueError):
        train_issue_tagger([TrainingRow("Ratify the CRPD", frozenset(), 5, 1)])
    with pytest.raises(ValueError):
        train_action_classifier([TrainingRow("Ratify the CRPD", frozenset({"x"}), None, 1)])


@pytest.fixture(scope="module")
def small_models(small_train):
    return train_issue_tagger(small_train), train_action_classifier(small_train)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.text(max_size=60))
def test_any_text_is_predicted_without_error(small_models, text):
    tagger, classifier = small_models
    [issues] = tagger.predict([text])
    [action] = classifier.predict([text])
    assert 0.0 <= issues.confidence <= 1.0 and 0.0 <= action.confidence <= 1.0
    if len(text.split()) <= 1:
        assert issues.low_confidence and action.low_confidence


# --------------------------------------------------------------------------- persistence


def test_save_load_round_trip(full_report, test_rows, tmp_path):
    texts = [row.text for row in test_rows[::50]] + ["", "Ratify"]
    tagger, classifier = full_report.issue_tagger, full_report.action_classifier
    tagger_path = save(tagger, tmp_path / "models")
    classifier_path = save(classifier, tmp_path / "models")
    assert tagger_path == tmp_path / "models" / "issue-tagger.joblib"
    loaded_tagger = load(tagger_path, kind="issue-tagger")
    loaded_classifier = load(classifier_path)
    assert loaded_tagger.predict(texts) == tagger.predict(texts)
    assert loaded_classifier.predict(texts) == classifier.predict(texts)
    with pytest.raises(ModelFormatError):
        load(classifier_path, kind="issue-tagger")


def test_load_refuses_foreign_files(tmp_path):
    import joblib

    joblib.dump({"format": "upr-cycle-ml", "version": FORMAT_VERSION + 1}, tmp_path / "x.joblib")
    with pytest.raises(ModelFormatError, match="version"):
        load(tmp_path / "x.joblib")
    joblib.dump([1, 2, 3], tmp_path / "y.joblib")
    with pytest.raises(ModelFormatError):
        load(tmp_path / "y.joblib")
    with pytest.raises(ValueError):
        load("https://example.org/model.joblib")
    with pytest.raises(TypeError):
        save(object(), tmp_path)  # type: ignore[arg-type]


# --------------------------------------------------------------------------- similarity


def test_similarity_finds_the_row_itself(test_rows, tmp_path):
    texts = [row.text for row in test_rows]
    ids = list(range(len(texts)))
    index = SimilarityIndex.build(texts, ids)
    counts: dict[str, int] = {}
    for text in texts:
        counts[normalise(text)] = counts.get(normalise(text), 0) + 1
    checked = 0
    for i in range(0, len(texts), 97):
        neighbours = index.query(texts[i], k=5)
        assert neighbours and neighbours[0].score == pytest.approx(1.0, abs=1e-5)
        scores = [n.score for n in neighbours]
        assert scores == sorted(scores, reverse=True)
        if counts[normalise(texts[i])] == 1:
            assert neighbours[0].id == i
            checked += 1
        else:  # same wording elsewhere in the corpus: the row is among the ties at 1.0
            assert i in [n.id for n in neighbours if n.score > 1 - 1e-5] or len(neighbours) == 5
    assert checked > 40
    reloaded = load(save(index, tmp_path))
    assert reloaded.query(texts[0], 3) == index.query(texts[0], 3)


def test_similarity_edge_cases():
    index = SimilarityIndex.build(["Ratify the CAT", "Abolish the death penalty"], ["a", "b"])
    assert index.query("", 3) == []
    assert index.query("zzzz", 3) == []
    assert index.query("death penalty", 0) == []
    assert [n.id for n in index.query("abolish death penalty", 5)] == ["b"]
    assert SimilarityIndex.build([], []).query("anything") == []
    with pytest.raises(ValueError):
        SimilarityIndex.build(["a"], [])


# --------------------------------------------------------------------------- small units


def test_lead_words_skip_openers():
    assert lead_words("To ratify the Convention")[:2] == ["ratify", "the"]
    assert lead_words("That the Government adopt a law")[:2] == ["government", "adopt"]


def test_threshold_and_platt_helpers():
    truth = np.array([0] * 50 + [1] * 50)
    prob = np.concatenate([np.linspace(0.0, 0.4, 50), np.linspace(0.6, 1.0, 50)])
    threshold = _best_threshold(prob, truth)
    assert 0.4 < threshold <= 0.6
    a, b = _fit_platt(np.concatenate([np.full(50, -1.0), np.full(50, 1.0)]), truth)
    assert a > 0 and np.isfinite(b)
