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


for _row in ROWS:
    _row["from"] = _row["sentence"].index(_row["mention"])
    _row["to"] = _row["from"] + len(_row["mention"])


@pytest.fixture
def corpus(tmp_path):
    for split in ("train", "dev"):
        with (tmp_path / f"{split}.jsonl").open("w", encoding="utf-8") as fh:
            fh.writelines(json.dumps(row) + "\n" for row in ROWS)
    return tmp_path


def test_it_prints_the_scorer_beside_the_baselines_and_the_errors(corpus, capsys):
    assert eval_sentiment.main([str(corpus), "--split", "dev"]) == 0
    out = capsys.readouterr().out
    # The sentence's VADER compound: three of four right, the deadly crash is the error.
    assert "VADER sentence compound (sentence) accuracy 0.750" in out
    assert "baseline: every sentence neutral   accuracy 0.500" in out
    assert "Spearman" in out
    # The tone toward the person, first, as the scorer reads it.
    labels = [eval_sentiment.tone_toward(r["sentence"], r["from"], r["to"])[1] for r in ROWS]
    gold = [eval_sentiment.GOLD[r["polarity"]] for r in ROWS]
    right = sum(a == b for a, b in zip(labels, gold, strict=True)) / len(ROWS)
    assert out.index("tone toward the person (actors 17) accuracy") < out.index("VADER")
    assert f"tone toward the person (actors 17) accuracy {right:.3f}" in out


def test_on_the_training_split_the_fitted_tone_is_not_measured(corpus, capsys):
    assert eval_sentiment.main([str(corpus), "--split", "train"]) == 0
    out = capsys.readouterr().out
    assert "fitted on this split: not measured here" in out
    assert "tone toward the person (actors 17) accuracy" not in out


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


def test_the_intervals_resample_articles_and_hold_the_scripts_own_figure(tmp_path, capsys):
    # Written for the tests: three articles in NewsMTSC's id format, each with one sentence
    # of each class that VADER reads right, so that every resampling scores 1.
    rows = []
    for number in (101, 202, 303):
        for sentence, row in enumerate(ROWS[:3]):
            rows.append({**row, "id": f"allsides_{number}_7_{sentence}_{row['mention']}_0_5"})
    for split in ("train", "dev"):
        with (tmp_path / f"{split}.jsonl").open("w", encoding="utf-8") as fh:
            fh.writelines(json.dumps(row) + "\n" for row in rows)
    assert eval_sentiment.main([str(tmp_path), "--draws", "50", "--errors", "0"]) == 0
    out = capsys.readouterr().out
    assert "95 % intervals over 50 resamplings of the 3 articles:" in out
    assert "VADER sentence compound (sentence) macro F1 1.000–1.000" in out
    assert eval_sentiment.main([str(tmp_path), "--split", "train", "--draws", "50"]) == 0
    out = capsys.readouterr().out
    assert "(sentence) macro F1 1.000–1.000  accuracy 1.000–1.000" in out
    # Every sentence neutral: right on one class of three, on every draw.
    assert (
        "every sentence neutral   macro F1 0.167–0.167  (Newsdesk higher in 100% of draws)" in out
    )
    assert eval_sentiment.main([str(tmp_path), "--draws", "0"]) == 0
    assert "resamplings" not in capsys.readouterr().out


def test_the_summed_counts_give_the_scripts_figures_and_articles_group_rows():
    gold = ["negative", "neutral", "positive", "neutral", "negative"]
    predicted = ["negative", "negative", "positive", "neutral", "positive"]
    counts = eval_sentiment.class_counts(gold, predicted)
    assert eval_sentiment.macro_f1(counts) == pytest.approx(
        eval_sentiment.scores(gold, predicted)["macro_f1"]
    )
    assert eval_sentiment.accuracy(counts) == 0.6
    rows = [
        {"id": "allsides_3447_1422_11_Ted Cruz_88_92"},
        {"id": "allsides_3447_1422_12_____ SANDERS_11_18"},
        {"id": "polusa_v1_4678416_-1_30_John Miller_149_155"},
        {},
        {},
    ]
    per_article = eval_sentiment.by_article(rows, gold, {"mine": predicted})["mine"]
    assert len(per_article) == 4  # one article of two rows, one of one, two rows alone
    summed = tuple(map(sum, zip(*per_article, strict=True)))
    assert summed == counts
