"""The intervals of bench/eval_semeval2023.py on frame labels written for the tests."""

import pytest

from bench.eval_semeval2023 import (
    MODEL_FRAMES,
    Result,
    _count,
    frame_f1,
    interval_lines,
    intervals,
    micro_f1,
)


def _results():
    # Written for the tests: six articles' gold frames; a perfect labeller, and one that
    # always says "political" (right on four articles, wrong on two, missing the rest).
    gold = [
        {"political", "legality"},
        {"political"},
        {"morality", "political"},
        {"crime_and_punishment"},
        {"political", "economic"},
        {"health_and_safety"},
    ]
    perfect, political = Result("perfect", {}), Result("always political", {})
    for frames in gold:
        _count(perfect, frames, frames, {})
        _count(political, frames, {"political"}, {})
    return perfect, political


def test_the_articles_counts_sum_to_the_pooled_figures():
    perfect, political = _results()
    assert len(political.per_article) == 6
    summed = tuple(map(sum, zip(*political.per_article, strict=True)))
    assert micro_f1(summed) == pytest.approx(political.micro[2])
    # political: tp 4, fp 2, fn 0 -> F1 0.8; legality: never predicted -> 0.
    assert frame_f1("political")(summed) == pytest.approx(0.8)
    assert frame_f1("political")(summed) == pytest.approx(political.per_frame["political"].f1)
    assert frame_f1("legality")(summed) == 0.0


def test_a_perfect_labelling_scores_one_on_every_draw():
    perfect, political = _results()
    found = intervals([perfect, political], draws=60)
    assert found["perfect"]["f1"] == (1.0, 1.0)
    assert found["perfect"]["political"] == (1.0, 1.0)
    low, high = found["always political"]["f1"]
    assert low < political.micro[2] < high
    assert found["perfect"]["ahead of always political"] == 1.0
    assert set(MODEL_FRAMES) <= set(found["perfect"])
    text = interval_lines([perfect, political], found, 60)
    assert "95 % intervals over 60 resamplings of the 6 articles" in text
    assert "perfect: micro F1 1.000 (1.000–1.000)" in text
    assert "above always political in 100% of draws" in text
