"""The bootstrap over stories behind the grouping figures' intervals (bench/resample.py).
The labellings here were made up for the tests."""

import itertools
import random

import pytest

from bench.resample import (
    block_sums,
    blocks,
    document_resamples,
    interval,
    share_ahead,
    story_resamples,
    weighted_f1,
)
from events.grouping import bcubed_scores, pairwise_scores

# Ten articles in four stories; a grouping that joins stories a and b, splits c, and
# leaves d alone.
TRUTH = {1: "a", 2: "a", 3: "a", 4: "b", 5: "b", 6: "c", 7: "c", 8: "c", 9: "d", 10: "d"}
MERGED_AND_SPLIT = {1: 1, 2: 1, 3: 1, 4: 1, 5: 1, 6: 2, 7: 2, 8: 3, 9: 4, 10: 4}


def test_blocks_tie_together_the_stories_a_grouping_joins():
    block_of = blocks(TRUTH, {"mine": MERGED_AND_SPLIT})
    assert block_of["a"] == block_of["b"]
    assert len({block_of["a"], block_of["c"], block_of["d"]}) == 3
    # Another grouping that joins c and d makes one block of them for both.
    joined = {**MERGED_AND_SPLIT, 9: 2}
    block_of = blocks(TRUTH, {"mine": MERGED_AND_SPLIT, "theirs": joined})
    assert block_of["c"] == block_of["d"] != block_of["a"]


def _random_labels(rng: random.Random, items, clusters: int) -> dict:
    return {item: rng.randrange(clusters) for item in items}


def test_with_every_block_drawn_once_the_scores_are_groupings_own():
    rng = random.Random(7)
    cases = [
        (TRUTH, MERGED_AND_SPLIT),
        (TRUTH, {i: i for i in TRUTH}),
        (TRUTH, dict.fromkeys(TRUTH, 0)),
    ]
    for size, clusters in itertools.product((12, 30), (3, 8)):
        items = range(size)
        cases.append((_random_labels(rng, items, clusters), _random_labels(rng, items, clusters)))
    for truth, predicted in cases:
        block_of = blocks(truth, {"mine": predicted})
        sums = block_sums(truth, predicted, block_of)
        pairwise, bcubed = weighted_f1(sums, dict.fromkeys(sums, 1))
        assert pairwise == pytest.approx(pairwise_scores(truth, predicted)["f1"])
        assert bcubed == pytest.approx(bcubed_scores(truth, predicted)["f1"])


def test_a_block_drawn_twice_counts_twice():
    block_of = blocks(TRUTH, {"mine": MERGED_AND_SPLIT})
    sums = block_sums(TRUTH, MERGED_AND_SPLIT, block_of)
    twice = {block: 2 for block in sums}
    assert weighted_f1(sums, twice) == pytest.approx(weighted_f1(sums, dict.fromkeys(sums, 1)))
    # Only the merged block, drawn twice: 3 + 1 true pairs found of 4, among 10 found.
    only_merged = {block_of["a"]: 2}
    pairwise, _ = weighted_f1(sums, only_merged)
    precision, recall = 4 / 10, 1.0
    assert pairwise == pytest.approx(2 * precision * recall / (precision + recall))


def test_resampling_a_perfect_grouping_gives_one_and_is_repeatable():
    perfect = story_resamples(TRUTH, {"perfect": TRUTH, "mine": MERGED_AND_SPLIT}, draws=200)
    assert set(perfect["perfect"]["pairwise"]) == {1.0}
    assert interval(perfect["perfect"]["bcubed"]) == (1.0, 1.0)
    low, high = interval(perfect["mine"]["pairwise"])
    assert low < pairwise_scores(TRUTH, MERGED_AND_SPLIT)["f1"] < high
    assert share_ahead(perfect["perfect"]["pairwise"], perfect["mine"]["pairwise"]) > 0.9
    again = story_resamples(TRUTH, {"perfect": TRUTH, "mine": MERGED_AND_SPLIT}, draws=200)
    assert again == perfect


def test_interval_and_share_ahead():
    values = [i / 100 for i in range(101)]
    assert interval(values) == (0.02, 0.98)
    assert interval(values, level=0.5) == (0.25, 0.75)
    assert share_ahead([1, 2, 3], [0, 2, 4]) == pytest.approx(0.5)
    with pytest.raises(ValueError):
        share_ahead([1], [1, 2])
    with pytest.raises(ValueError):
        interval([])


def test_document_resamples_draw_the_same_documents_for_every_method():
    # Three documents' (found, gold) counts for two methods; the score is recall.
    counts = {"mine": [(1, 1), (0, 2), (3, 3)], "theirs": [(1, 1), (0, 2), (1, 3)]}
    found = document_resamples(counts, lambda c: c[0] / c[1], draws=300)
    assert len(found["mine"]) == len(found["theirs"]) == 300
    # On the same documents "mine" is never below "theirs", and strictly above whenever
    # the third document was drawn.
    assert all(a >= b for a, b in zip(found["mine"], found["theirs"], strict=True))
    assert 0.5 < share_ahead(found["mine"], found["theirs"]) < 1
    low, high = interval(found["mine"])
    assert low < 4 / 6 < high  # the figure on all three
    assert found == document_resamples(counts, lambda c: c[0] / c[1], draws=300)
    with pytest.raises(ValueError):
        document_resamples({"mine": [(1, 1)], "theirs": []}, lambda c: 0.0)


def test_documents_with_the_same_counts_are_summed_as_if_one_by_one():
    # Made up: 40 documents with only three kinds of (found, gold) counts; each draw's
    # sums must be those of adding up the drawn documents one by one.
    rows = [(1, 1), (0, 1), (2, 3)] * 13 + [(5, 5)]
    draws = 50
    found = document_resamples({"mine": rows}, lambda c: c, draws=draws, seed=3)["mine"]
    rng = random.Random(3)
    for sums in found:
        drawn = [rng.randrange(len(rows)) for _ in rows]
        assert sums == (sum(rows[i][0] for i in drawn), sum(rows[i][1] for i in drawn))
