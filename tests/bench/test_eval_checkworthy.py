"""bench/eval_checkworthy.py on a tiny file in ClaimBuster's two-class format, written for
the tests."""

from __future__ import annotations

import json
import sys

import pytest

from bench import eval_checkworthy

# Written for the tests: two check-worthy facts (one with a number, one an actor's action),
# one sentence of opinion, one question, and a personal fact the coders would call
# unimportant though it holds a number.
ROWS = [
    {"sentence_id": 1, "label": 1, "text": "Unemployment rose to 9 percent last year."},
    {"sentence_id": 2, "label": 1, "text": "Congress cut the education budget in March."},
    {"sentence_id": 3, "label": 0, "text": "I think this is a wonderful country."},
    {"sentence_id": 4, "label": 0, "text": "What would you do about it?"},
    {"sentence_id": 5, "label": 0, "text": "I have two daughters."},
]


@pytest.fixture
def corpus(tmp_path):
    path = tmp_path / "train.json"
    path.write_text(json.dumps(ROWS), encoding="utf-8")
    return path


def test_each_sentence_is_scored_alone_and_compared_with_the_coders(corpus):
    found = eval_checkworthy.predictions(eval_checkworthy.load(corpus))
    claimed = [p for p, _ in found["Newsdesk"]]
    assert claimed == [True, True, False, False, True]
    assert [reason for _, reason in found["Newsdesk"]][:2] == ["number", "dated event"]
    # The baselines: a number read in the sentence; every sentence.
    assert [p for p, _ in found["a number"]] == [True, False, False, False, True]
    assert all(p for p, _ in found["every"])


def test_precision_recall_and_f1_from_the_summed_counts():
    gold = [True, True, False, False, True]
    guessed = [(True, ""), (False, ""), (True, ""), (False, ""), (True, "")]
    counts = eval_checkworthy.counts(gold, guessed)
    summed = tuple(sum(c[i] for c in counts) for i in range(3))
    assert summed == (2, 3, 3)
    precision, recall, f1 = eval_checkworthy.prf(summed)
    assert (round(precision, 3), round(recall, 3), round(f1, 3)) == (0.667, 0.667, 0.667)
    assert eval_checkworthy.prf((0, 0, 0)) == (0.0, 0.0, 0.0)


def test_the_held_out_file_is_refused_before_it_is_read(tmp_path):
    held_out = tmp_path / "test.json"
    held_out.write_bytes(b"\xff not json")  # would fail to parse if it were opened
    with pytest.raises(SystemExit, match="held out"):
        eval_checkworthy.load(held_out)


def test_the_script_prints_figures_baselines_and_errors(corpus, monkeypatch, capsys):
    monkeypatch.setattr(sys, "argv", ["eval_checkworthy.py", str(corpus), "--draws", "50"])
    eval_checkworthy.main()
    out = capsys.readouterr().out
    assert "5 sentences, 2 check-worthy" in out
    assert "Newsdesk   P 0.667 R 1.000 F1 0.800 (95 % interval" in out
    assert "a number   P 0.500 R 0.500 F1 0.500" in out
    assert "every      P 0.400 R 1.000 F1 0.571" in out
    assert "claimed but not check-worthy, first 10 of 1:" in out
    assert "[5] I have two daughters." in out


def test_halves_split_by_the_parity_of_the_sentence_id(corpus):
    even = [r["sentence_id"] for r in eval_checkworthy.load(corpus, "even")]
    odd = [r["sentence_id"] for r in eval_checkworthy.load(corpus, "odd")]
    assert (even, odd) == ([2, 4], [1, 3, 5])
    assert len(eval_checkworthy.load(corpus)) == 5
