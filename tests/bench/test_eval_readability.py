"""bench/eval_readability.py on a tiny folder in OneStopEnglish's layout, written for the
tests."""

from __future__ import annotations

import sys

import pytest

from bench import eval_readability

# Written for the tests: each article at three levels, the harder ones in longer sentences
# of longer words.
VERSIONS = {
    "ele": "The town has a new bridge. It is long. People like it.",
    "int": "The town opened a new bridge this week, and residents seem pleased with it.",
    "adv": (
        "The municipality inaugurated an ambitious suspension bridge this week, which "
        "residents, after considerable controversy, appear to welcome enthusiastically."
    ),
}


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "Texts-SeparatedByReadingLevel"
    for name in ("Alpha", "Bravo", "Charlie", "Delta"):
        for suffix, sub in eval_readability.LEVELS:
            (folder / sub).mkdir(parents=True, exist_ok=True)
            (folder / sub / f"{name}-{suffix}.txt").write_text(
                VERSIONS[suffix], encoding="utf-8-sig"
            )
    (folder / "Int-Txt" / ".DS_Store").write_bytes(b"\0")
    (folder / "Int-Txt" / "Int-Txt").mkdir()  # the corpus's nested copy, not read
    return tmp_path


def test_only_the_halfs_files_are_opened(corpus, monkeypatch):
    opened = []
    real = eval_readability.read_text
    monkeypatch.setattr(eval_readability, "read_text", lambda p: opened.append(p.name) or real(p))
    articles = eval_readability.load(corpus, "even")
    assert [name for name, _ in articles] == ["Alpha", "Charlie"]
    assert sorted(opened) == sorted(
        f"{n}-{s}.txt" for n in ("Alpha", "Charlie") for s in ("ele", "int", "adv")
    )
    assert articles[0][1][0] == VERSIONS["ele"]  # the byte-order mark taken off
    assert [name for name, _ in eval_readability.load(corpus, "odd")] == ["Bravo", "Delta"]


def test_pairs_are_ordered_right_within_and_across_articles_ties_counting_half():
    # Two articles, values for (elementary, intermediate, advanced).
    values = [[1.0, 2.0, 3.0], [2.0, 1.0, 5.0]]
    # Article 1: all three pairs right; article 2: int < ele wrong, the other two right.
    assert eval_readability.same_article(values, [1, 1]) == pytest.approx(5 / 6)
    # Across: (a.lo, b.hi) for a != b and each of the three level pairs, 6 pairs:
    # a0.ele 1 < b1.int 1 tie 0.5; a0.int 2 < b1.adv 5 1; a0.ele 1 < b1.adv 5 1;
    # a1.ele 2 < a0.int 2 tie 0.5; a1.int 1 < a0.adv 3 1; a1.ele 2 < a0.adv 3 1.
    assert eval_readability.different_articles(values, [1, 1]) == pytest.approx(5 / 6)
    # An article drawn twice is not compared with its own copy.
    assert eval_readability.different_articles(values, [2, 0]) == 0.0
    assert eval_readability.different_articles(values, [2, 1]) == pytest.approx(5 / 6)


def test_pairs_are_counted_by_the_gap_between_their_figures():
    values = [[1.0, 2.0, 3.0], [2.0, 1.0, 5.0]]
    bands = {gap: (n, share) for gap, n, share in eval_readability.by_gap(values)}
    # The six pairs' gaps: 0 and 0 (the ties), 1, 2 and 3, and 4.
    assert bands[0.0] == (2, 0.5)
    assert bands[1.0] == (1, 1.0)
    assert bands[2.0] == (2, 1.0)
    assert bands[4.0] == (1, 1.0)


def test_the_script_prints_each_formula_and_the_baselines(corpus, monkeypatch, capsys):
    monkeypatch.setattr(sys, "argv", ["eval_readability.py", str(corpus), "--draws", "20"])
    eval_readability.main()
    out = capsys.readouterr().out
    assert "even half: 2 articles at three levels" in out
    assert "Flesch-Kincaid grade             same article 1.000" in out
    assert "baseline: words per sentence" in out
    assert "different articles by the gap between their figures: under 1:" in out
