"""bench/train_persuasion.py's candidates, on made-up articles written for the tests."""

from __future__ import annotations

import pytest

from bench.eval_ptc import ANY, Article
from bench.train_persuasion import (
    CandidateMatcher,
    candidate_cues,
    cross_validate,
    promote,
    training_articles,
)

LOADED = "Loaded_Language"


def article(number: int, text: str, loaded: list[str]) -> Article:
    """An article whose annotators marked each of the given phrases as loaded language."""
    spans = []
    for phrase in loaded:
        start = text.index(phrase)
        spans.append((start, start + len(phrase)))
    return Article(number, text, {LOADED: spans, ANY: list(spans)})


def test_candidates_leave_out_the_hand_written_cues_and_their_prefixes():
    candidates = candidate_cues()
    assert candidates["dreadful"] == ["loaded_language", "name_calling"]  # VADER -1.9
    assert "vile" not in candidates  # a hand-written loaded-language cue
    assert "savages" not in candidates  # matched by the hand-written prefix savage*
    assert "wonderful" in candidates  # strongly valenced either way
    assert "charlatans" in candidates  # from the written name-calling list
    assert candidate_cues()["charlatans"] == ["name_calling"]


def test_a_candidate_is_promoted_only_where_the_annotators_marked_it():
    # Written for the tests: "dreadful" sits inside a marked phrase in four articles,
    # "wonderful" is never marked.
    articles = [
        article(
            n,
            f"Title {n}\n\nIt was a dreadful betrayal of voters. The wonderful weather held.",
            ["a dreadful betrayal"],
        )
        for n in (100, 104, 106, 110)
    ]
    matcher = CandidateMatcher({"dreadful": ["loaded_language"], "wonderful": ["loaded_language"]})
    learned = promote(articles, matcher, threshold=0.5)
    assert set(learned["promoted"]) == {"dreadful"}
    confidence, matches = learned["promoted"]["dreadful"]["loaded_language"]
    assert matches == 4
    # Measured on the word itself (fully inside), smoothed towards the pooled prior of
    # 0.5 (4 of 8 matches inside) with the weight of three matches: (4 + 3 * 0.5) / 7.
    assert confidence == pytest.approx(5.5 / 7, abs=0.001)
    assert learned["candidate_prior"]["loaded_language"] == 0.5


def test_the_matcher_gives_the_phrase_span_for_the_phrase_families():
    text = "It was a dreadful betrayal."  # written for the tests
    matcher = CandidateMatcher({"dreadful": ["loaded_language"]})
    [(cue, family, start, end, cue_start, cue_end)] = list(matcher(text))
    assert (cue, family) == ("dreadful", "loaded_language")
    assert text[cue_start:cue_end] == "dreadful"
    assert text[start:end] == "dreadful betrayal"


def test_the_training_articles_take_in_only_semeval2023_articles_that_are_new(tmp_path, capsys):
    # written for the tests: PTC's even half has 100 (training part) and 102 (development
    # part); SemEval-2023 repeats both (one with its lines re-wrapped), adds 1000 and has
    # an odd article, which stays unopened.
    ptc, semeval = tmp_path / "ptc", tmp_path / "semeval"
    for folder in ("train-articles", "train-labels-task2-technique-classification"):
        (ptc / folder).mkdir(parents=True)
    for folder in ("train-articles-subtask-3", "train-labels-subtask-3-spans"):
        (semeval / folder).mkdir(parents=True)
    texts = {100: "One story.\nIt goes on.\n", 102: "Another story.\nIt ends.\n"}
    for number, text in texts.items():
        (ptc / "train-articles" / f"article{number}.txt").write_text(text, encoding="utf-8")
    semeval_texts = {100: texts[100].replace("\n", " "), 102: texts[102], 1000: "New."}
    for number, text in semeval_texts.items():
        (semeval / "train-articles-subtask-3" / f"article{number}.txt").write_text(text)
    # A folder where the odd article would be: opening it would fail the test.
    (semeval / "train-articles-subtask-3" / "article1001.txt").mkdir()
    (semeval / "train-labels-subtask-3-spans" / "article1000-labels-subtask-3.txt").write_text(
        "1000\tLoaded_Language\t0\t3\n"
    )
    train, extra = training_articles(ptc, semeval)
    assert [a.number for a in train] == [100]
    assert [a.number for a in extra] == [1000]
    assert extra[0].gold[LOADED] == [(0, 3)]
    assert "1 new (training)" in capsys.readouterr().out
    assert training_articles(ptc) == (train, [])


def test_cross_validation_compares_each_setting_without_and_with_the_added_articles(capsys):
    # Written for the tests: PTC training articles in both folds (100 and 106 in one, 104
    # and 110 in the other) where "vile betrayal" is marked, and six added articles where
    # the same sentence is not; every figure is measured on the PTC folds only.
    text = "It was a vile betrayal of voters, and the weather held."
    train = [article(n, text, ["vile betrayal"]) for n in (100, 104, 106, 110)]
    added = [article(n, text, []) for n in range(1000, 1012, 2)]
    cross_validate(train, grid=False, add_phrases=False, extra=added)
    lines = [line for line in capsys.readouterr().out.splitlines() if line.startswith("threshold")]
    assert len(lines) == 2
    without, with_added = lines
    assert "SemEval-2023" not in without and "P 1.000 R 1.000" in without
    # Learned with the added articles, the cues are wrong more often than right: no finding.
    assert "+ 6 SemEval-2023 articles" in with_added and with_added.endswith("(0 cues)")
