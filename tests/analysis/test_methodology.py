"""The accuracy files behind the methodology page: one per measure, each complete."""

from __future__ import annotations

import json

import pytest

from analysis.methodology import AccuracyFileError, accuracy_entries, entry_parse
from analysis.scoring import all_scorers

MEASURED = {
    "scorer": "attribution",
    "title": "Attribution",
    "what": "Who said what.",
    "limits": ["Cannot read <b>minds</b>."],
    "measurements": [
        {
            "subset": "quotes + reported speech",
            "precision": 0.912,
            "recall": 0.861,
            "f1": 0.886,
            "extra": {"full source name": 0.81},
            "baseline": {"name": "quote marks", "precision": 0.94, "recall": 0.74, "f1": 0.83},
            "corpus": "A public corpus",
            "corpus_terms": "docs/corpora/example.md",
            "split": "train+dev",
            "n": 1234,
            "scorer_version": "VERSION",
            "date": "2026-12-05",
            "command": "python bench/eval_attribution.py PATH",
        }
    ],
}


def measured(version: str) -> dict:
    data = json.loads(json.dumps(MEASURED))
    data["measurements"][0]["scorer_version"] = version
    return data


def test_every_accuracy_file_in_the_project_follows_the_schema():
    accuracy_entries.cache_clear()
    entries = accuracy_entries()
    assert entries, "analysis/accuracy holds no file"
    for name, entry in entries.items():
        assert entry.scorer == name
        assert entry.limits, f"{name}.json says nothing of what the measure cannot do"


def test_every_scorer_says_how_far_to_trust_it():
    accuracy_entries.cache_clear()
    missing = {s.name for s in all_scorers()} - set(accuracy_entries())
    assert not missing, f"no analysis/accuracy/<scorer>.json for {sorted(missing)}"


def test_a_measurement_without_its_corpus_split_version_or_date_is_refused():
    for key in ("corpus", "split", "scorer_version", "date", "subset"):
        data = measured("1")
        del data["measurements"][0][key]
        with pytest.raises(AccuracyFileError, match=key):
            entry_parse(data, name="attribution")


def test_a_file_named_after_another_scorer_is_refused():
    with pytest.raises(AccuracyFileError, match="must be 'framing'"):
        entry_parse(measured("1"), name="framing")


def test_a_figure_that_is_not_a_number_is_refused():
    data = measured("1")
    data["measurements"][0]["precision"] = "high"
    with pytest.raises(AccuracyFileError, match="number"):
        entry_parse(data, name="attribution")


def test_the_summary_gives_f1_with_precision_and_recall():
    entry = entry_parse(measured("1"), name="attribution")
    assert entry.headline.summary == "F1 0.89 (P 0.91, R 0.86)"
