"""bench/eval_sentiment.py on a tiny file in NewsMTSC's format, written for the tests."""

from __future__ import annotations

import json

import pytest

from bench import eval_sentiment

# Written for the tests: one clear case of each class, and one that VADER gets wrong
# (a neutral report of a bad event reads as negative).
ROWS = [
    {"sentence": "The mayor praised the wonderful volunteers.", "mention": "mayor", "polarity": 1},
    {
        "sentence": "Critics said the minister lied and failed badly.",
        "mention": "minister",
        "polarity": -1,
    },
    {"sentence": "The council met on Monday.", "mention": "council", "polarity": 0},
    {
        "sentence": "The governor visited the site of the deadly crash.",
        "mention": "governor",
        "polarity": 0,
    },
]


@pytest.fixture
def corpus(tmp_path):
    for split in ("train", "dev"):
        with (tmp_path / f"{split}.jsonl").open("w", encoding="utf-8") as fh:
            fh.writelines(json.dumps(row) + "\n" for row in ROWS)
    return tmp_path


def test_it_prints_the_scorer_beside_the_baselines_and_the_errors(corpus, capsys):
    assert eval_sentiment.main([str(corpus), "--split", "dev"]) == 0
    out = capsys.readouterr().out
    # Three of four right: the deadly crash is the error.
    assert "VADER sentence compound (Newsdesk) accuracy 0.750" in out
    assert "baseline: every sentence neutral   accuracy 0.500" in out
    assert "Spearman" in out


def test_the_held_out_test_file_cannot_be_read(corpus):
    (corpus / "test.jsonl").write_text("{}\n", encoding="utf-8")
    with pytest.raises(SystemExit):
        eval_sentiment.main([str(corpus), "--split", "test"])


def test_per_class_figures_count_true_and_false_positives():
    result = eval_sentiment.scores(
        ["negative", "neutral", "positive", "neutral"],
        ["negative", "negative", "positive", "neutral"],
    )
    assert result["accuracy"] == 0.75
    assert result["per_class"]["negative"][:2] == (0.5, 1.0)
    assert result["per_class"]["neutral"][:2] == (1.0, 0.5)
